// The line passes (scanner, section splitter) and remark must agree on where a note's headings
// and prose are, whatever the note opens with.
import * as assert from 'node:assert/strict';
import { forEachOccurrence, headingsOf, scanNote } from '../server/src/scan/noteScanner';
import { buildNoteModel, sourceOffset } from '../server/src/parse/noteModel';
import { frontMatterEnd } from '../server/src/parse/markdownLines';
import { LineMap } from '../server/src/text/lineMap';
import { miniKnowledge } from './helpers/knowledge';
import { at, serviceOver } from './helpers/service';

const { matcher } = miniKnowledge();

const OPENINGS: Record<string, string> = {
  'front matter': '---\ntitle: EC2 notes\ntags: [EC2]\n---\n',
  'front matter closed by dots': '---\ntitle: EC2\n...\n',
  'a long thematic break': '----\n',
  'a thematic break and no closing line': '---\n',
  'a thematic break under a paragraph (setext heading)': '도입\n---\n',
  'a fence whose info string has a backtick (not a fence)': '```a`b\n',
  'a fence with a longer closing fence': '````md\n# EC2 inside code\n`````\n',
};
const BODY = '# EC2\n\nEC2 는 가상 서버.\n\n## S3\n\n- S3 버킷\n';

/** Heading lines as the scanner sees them, and as remark does. */
function headingLines(text: string) {
  const lines = new LineMap(text);
  const scanned = headingsOf(scanNote(text, matcher)).map((h) => h.line);
  const parsed = buildNoteModel(text)
    .blocks.filter((b) => b.kind === 'heading')
    .map((b) => lines.positionAt(sourceOffset(b, 0)).line);
  return { scanned, parsed };
}

describe('markdown line grammar', () => {
  for (const [name, opening] of Object.entries(OPENINGS)) {
    it(`scanner and remark agree on the headings after ${name}`, () => {
      const { scanned, parsed } = headingLines(opening + BODY);
      assert.deepEqual(scanned, parsed);
      assert.ok(parsed.length >= 2, `${parsed.length} headings`);
    });
  }

  it('reads front matter only when it opens with exactly --- and closes', () => {
    assert.equal(frontMatterEnd('---\na: 1\n---\n# EC2'), 13);
    assert.equal(frontMatterEnd('---\r\na: 1\r\n...\r\nx'), 16);
    assert.equal(frontMatterEnd('---\na: 1\n---'), 12);
    for (const text of ['----\na: 1\n---\n', '---\n# EC2 never closed\n', '--- \n', ' ---\na\n---\n', 'EC2\n---\n']) {
      assert.equal(frontMatterEnd(text), 0, JSON.stringify(text));
    }
  });

  it('hovers, outlines and references a note that opens with a thematic break', async () => {
    const { service, doc } = await serviceOver(miniKnowledge(), { 'file:///n.md': `----\n${BODY}` });
    const d = doc('file:///n.md');
    assert.match(JSON.stringify(service.hover(d, at(d, 'EC2 는'))), /EC2/);
    assert.deepEqual(
      service.documentSymbols(d).map((s) => s.name),
      ['EC2'],
    );
    let mentions = 0;
    forEachOccurrence(service.scan(d), () => {
      mentions++;
    });
    assert.equal(mentions, 4);
  });
});
