import * as assert from 'node:assert/strict';
import { buildNoteModel, sourceEnd, sourceOffset } from '../server/src/parse/noteModel';

// Every character a block reads must point back to where the note has it: diagnostics ranges and
// quick-fix edits are built on this.
function assertMapsBack(note: string): void {
  const { blocks } = buildNoteModel(note);
  assert.ok(blocks.length > 0);
  for (const block of blocks) {
    for (let i = 0; i < block.text.length; i++) {
      if (block.text[i] === ' ' || block.text[i] === '|') {
        continue;
      } // cell separators and blanked code
      assert.equal(
        note.normalize('NFC')[sourceOffset(block, i)] ?? '',
        block.text[i].normalize('NFC'),
        `${block.kind} "${block.text}" at ${i}`,
      );
    }
    const words = [...block.text.matchAll(/[\p{L}\p{N}]+/gu)];
    for (const w of words) {
      assert.equal(note.slice(sourceOffset(block, w.index), sourceEnd(block, w.index + w[0].length)).normalize('NFC'), w[0]);
    }
  }
}

describe('note model', () => {
  it('maps the text of headings, items, emphasis, links and table cells back to the note', () => {
    assertMapsBack(
      '# **EC2** 와 [S3 버킷](https://example.com)\n\n- `aws s3 ls` 로 _보안 그룹_ 확인\n  - 하위 항목 SQS\n\n| 서비스 | 설명 |\n| --- | --- |\n| SNS | 푸시 ~~폐기~~ 알림 |\n\n문단 첫 줄\n둘째 줄\n',
    );
  });

  it('maps back past what Markdown drops: continuation indents, quote markers, escapes, entities', () => {
    assertMapsBack(
      '- 긴 항목의 첫 줄\n    이어지는 줄의 EC2 는 Xen 위\n\n> 인용문 첫 줄\n> 둘째 줄 Lambda\n\n\\*별표\\* 와 &amp; 기호 뒤의 Xen\n',
    );
    const note = '가&#44032;나 다음 EC2\n';
    const [block] = buildNoteModel(note).blocks;
    const at = block.text.indexOf('EC2');
    assert.equal(note.slice(sourceOffset(block, at), sourceEnd(block, at + 3)), 'EC2');
  });

  it('takes a short line right above a list for the title of its items, but not a sentence or a line a blank line away', () => {
    const titles = (note: string) =>
      buildNoteModel(note)
        .blocks.filter((b) => b.kind === 'listItem')
        .map((b) => b.headings.map((h) => h.text).join(' › '));
    assert.deepEqual(titles('## EC2\n배치 그룹 (Placement Group)\n- Cluster : 한 AZ 에 가까이\n  - Spread : 랙을 나눔\n'), [
      'EC2 › 배치 그룹 (Placement Group)',
      'EC2 › 배치 그룹 (Placement Group)',
    ]);
    assert.deepEqual(titles('Features:\n- 빠름\n'), ['Features:']);
    assert.deepEqual(titles('배치 그룹은 세 가지가 있다.\n- Cluster\n'), ['']);
    assert.deepEqual(titles('배치 그룹\n\n- Cluster\n'), ['']);
  });

  it('maps back into a note saved as NFD', () => {
    const note = '# 보안 그룹\n\n- 인스턴스 단위 방화벽\n'.normalize('NFD');
    const { blocks } = buildNoteModel(note);
    const item = blocks.find((b) => b.kind === 'listItem')!;
    const start = item.text.indexOf('방화벽');
    assert.equal(note.slice(sourceOffset(item, start), sourceEnd(item, start + 3)), '방화벽'.normalize('NFD'));
  });
});
