// remark never sees a section whose shape would hold the server (each of these took remark from
// seconds to nearly a minute), while the shapes real notes have are still read.
import * as assert from 'node:assert/strict';
import { buildNoteModel, buildNoteModelPausing, sourceOffset } from '../server/src/parse/noteModel';
import { sectionsToParse } from '../server/src/parse/inputGuard';
import { HOSTILE_SECTIONS as HOSTILE } from './helpers/hostileInputs';

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('remark input guard', () => {
  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`leaves ${name} unparsed, at once`, () => {
      assert.equal(sectionsToParse([text]).size, 0);
      const note = `# EC2\n\n${text}\n`;
      const { value: model, ms } = timed(() => buildNoteModel(note));
      assert.deepEqual(
        model.blocks.map((b) => b.text),
        model.blocks.length ? ['EC2'] : [],
      ); // at most the heading, when it is a section of its own
      assert.ok(model.unparsed >= 1);
      assert.ok(ms < 500, `${ms.toFixed(0)} ms`);
    });
  }

  it('still reads what notes hold: nested lists, quotes, tables, emphasis, code with deep indentation', () => {
    const note = [
      '# 보안 그룹',
      '',
      ...Array.from(
        { length: 60 },
        (_, i) => `${'  '.repeat(i % 6)}- **규칙 ${i}**: _인바운드_ ~~허용~~ [문서](https://example.com) \`sg-${i}\``,
      ),
      '',
      '> 인용 **EC2** 설명',
      '> > 중첩 인용',
      '',
      '| 서비스 | 설명 |',
      '| --- | --- |',
      ...Array.from({ length: 300 }, (_, i) => `| **S3 ${i}** | 객체 _스토리지_ |`),
      '',
      '```json',
      ...Array.from({ length: 200 }, () => '\t\t\t\t\t\t"metrics_collection_interval": 60,'),
      '```',
    ].join('\n');
    const model = buildNoteModel(note);
    assert.equal(model.unparsed, 0);
    assert.equal(model.blocks.filter((b) => b.kind === 'tableRow').length, 301);
    assert.equal(model.blocks.filter((b) => b.kind === 'listItem').length, 60);
  });

  it('parses a section repeated 400 times once, each copy with blocks of its own', () => {
    const section = `# 테이블\n\n| 서비스 | 설명 |\n| --- | --- |\n${'| EC2 | 가상 서버 **인스턴스** |\n'.repeat(200)}\n`;
    const note = section.repeat(400);
    const once = timed(() => buildNoteModel(section)).ms;
    const { value: model, ms } = timed(() => buildNoteModel(note));
    assert.ok(ms < Math.max(20 * once, 1000), `${ms.toFixed(0)} ms for 400 copies, ${once.toFixed(0)} ms for one`);
    assert.equal(model.blocks.length, 400 * 202);
    const last = model.blocks[model.blocks.length - 1];
    assert.equal(note.slice(sourceOffset(last, 0), sourceOffset(last, 3)), 'EC2');
    assert.equal(sourceOffset(last, 0), note.length - section.length + section.lastIndexOf('EC2'));
    assert.notEqual(model.blocks[0], model.blocks[202]);
  });

  it('parses each repeated section once between pauses, with the same model as without them', async () => {
    const note = '# A\n\n- EC2 **인스턴스**\n\n'.repeat(300) + '# B\n\nS3 버킷\n';
    let pauses = 0;
    const model = await buildNoteModelPausing(note, undefined, async () => {
      pauses++;
    });
    assert.equal(pauses, 2);
    assert.deepEqual(
      model.blocks.map((b) => [b.kind, b.text, sourceOffset(b, 0)]),
      buildNoteModel(note).blocks.map((b) => [b.kind, b.text, sourceOffset(b, 0)]),
    );
  });
});
