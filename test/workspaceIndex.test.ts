import * as assert from 'node:assert/strict';
import { WorkspaceIndex } from '../server/src/index/workspaceIndex';
import { scanNote } from '../server/src/scan/noteScanner';
import { miniKnowledge } from './helpers/knowledge';

const { matcher, glossary } = miniKnowledge();
const ec2 = glossary.entries.findIndex((e) => e.id === 'ec2');
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
});
