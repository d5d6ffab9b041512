import * as assert from 'node:assert/strict';
import { WorkspaceIndex } from '../server/src/index/workspaceIndex';
import { scanNote } from '../server/src/scan/noteScanner';
import { miniKnowledge } from './helpers/knowledge';

const { matcher, glossary } = miniKnowledge();
const ec2 = glossary.indexOf('ec2');
const scan = (text: string) => scanNote(text, matcher);

describe('workspace index', () => {
  it('keeps counts, notes and ranked definitions current through edits and deletes', () => {
    const index = new WorkspaceIndex();
    index.set('file:///a.md', scan('# EC2\nEC2 EC2'));
    index.set('file:///b.md', scan('- EC2 : 가상 서버\nS3'));
    const where = () => index.definitions(ec2).map((d) => `${d.uri.slice(8)}:${d.line}:${d.kind}`);
    assert.deepEqual(where(), ['a.md:0:heading', 'b.md:0:item']);
    assert.deepEqual([index.mentionCount(ec2), index.noteCount(ec2), index.occurrences], [4, 2, 5]);

    index.set('file:///a.md', scan('# EC2\nEC2 EC2 EC2')); // definitions unchanged
    assert.deepEqual(where(), ['a.md:0:heading', 'b.md:0:item']);
    assert.equal(index.mentionCount(ec2), 5);

    index.set('file:///b.md', scan('\n- EC2 : 가상 서버')); // a definition moved
    assert.deepEqual(where(), ['a.md:0:heading', 'b.md:1:item']);

    index.delete('file:///a.md');
    assert.deepEqual(where(), ['b.md:1:item']);
    assert.deepEqual([index.mentionCount(ec2), index.noteCount(ec2), index.termCount], [1, 1, 1]);
  });

  it('restores from its statistics what setting every note makes, keeping notes set before', () => {
    const notes = [
      ['file:///a.md', scan('# EC2\nEC2 EC2 S3')],
      ['file:///b.md', scan('- EC2 : 가상 서버\n- S3 : 객체 스토리지')],
      ['file:///c.md', scan('Lambda')],
    ] as const;
    const built = new WorkspaceIndex();
    for (const [uri, scanned] of notes) {
      built.set(uri, scanned);
    }
    const statistics = built.statistics(notes.map(([uri]) => uri));

    const restored = new WorkspaceIndex();
    restored.set('file:///b.md', scan('EC2')); // an open note's editor text
    restored.restore(notes, statistics);
    built.set('file:///b.md', scan('EC2'));
    const view = (index: WorkspaceIndex) =>
      glossary.entries.map((_, entry) => [
        index.mentionCount(entry),
        [...index.notesMentioning(entry)].sort(),
        index.definitions(entry).map((d) => `${d.uri}:${d.line}`),
      ]);
    assert.deepEqual(view(restored), view(built));
    assert.deepEqual([restored.size, restored.occurrences, restored.termCount], [built.size, built.occurrences, built.termCount]);
  });

  it('refuses statistics that do not fit the notes, changing nothing', () => {
    const index = new WorkspaceIndex();
    index.set('file:///a.md', scan('EC2'));
    assert.throws(() => index.restore([['file:///b.md', scan('S3')]], Int32Array.from([ec2, 1, 1, 0, 7])), /not there/);
    assert.throws(() => index.restore([['file:///b.md', scan('S3')]], Int32Array.from([ec2, 1, 5, 0, 0])), /cut short/);
    assert.deepEqual([...index.uris()], ['file:///a.md']);
    assert.equal(index.mentionCount(ec2), 1);
  });
});
