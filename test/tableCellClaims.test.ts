// A claim in a table cell is read under its row's first cell and its column's header, as a terse
// item is read under its heading: `| Bandwidth | Up to 45 Gbps |` under a `NAT Gateway` column is a
// NAT gateway claim, and the same words under a `NAT Instance` column are not.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadKnowledge } from '../server/src/knowledge/loadKnowledge';
import { serviceOver } from './helpers/service';
import { quizOf } from './helpers/quiz';

const knowledge = loadKnowledge();

/** A claim expected on line `line` of a note: the `needle` there (its last occurrence with `last`). */
type Spot = [line: number, needle: string, last?: boolean];

/**
 * Asserts that the note's outdated-fact diagnostics are NAT gateway bandwidth claims at exactly
 * `expected`, and returns their messages.
 */
async function assertFlagged(rows: string[], expected: Spot[], locale: 'ko' | 'en' = 'en'): Promise<string[]> {
  const text = rows.join('\n') + '\n';
  const { service } = await serviceOver(knowledge, {}, locale);
  const doc = TextDocument.create('file:///notes/table.md', 'markdown', 1, text);
  const found = service.diagnostics(doc, {}).filter((d) => d.kind === 'fact');
  const spot = ([line, needle, last]: Spot) => {
    const start = last ? rows[line].lastIndexOf(needle) : rows[line].indexOf(needle);
    assert.ok(start >= 0, needle);
    return `nat-gateway-bandwidth@${line}:${start}-${start + needle.length}`;
  };
  assert.deepEqual(
    found.map((d) => `${d.ruleId}@${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`),
    expected.map(spot),
  );
  return found.map((d) => d.message);
}

describe('claims in table cells', () => {
  it('reads a cell under its column header: the NAT gateway column is flagged, with what is true now', async () => {
    const [message] = await assertFlagged(
      [
        '# Reaching the internet from a private subnet',
        '',
        '| Attribute | NAT Gateway | NAT Instance |',
        '| --- | --- | --- |',
        '| Bandwidth | Can scale up to 45 Gbps. | Depends on the instance type |',
        '| Managed by | AWS | You |',
      ],
      [[4, '45 Gbps']],
    );
    assert.match(message, /scales automatically up to 100 Gbps/);
  });

  it('keeps a look-around in its cell: the next cell naming instance types does not silence the claim', async () => {
    await assertFlagged(
      ['| Attribute | NAT Gateway | NAT Instance |', '| --- | --- | --- |', '| Bandwidth | Up to 45 Gbps | Depends on the instance type |'],
      [[2, '45 Gbps']],
    );
  });

  it('leaves the value in the compared column alone, whichever side it stands on and whatever the heading names', async () => {
    await assertFlagged(
      [
        '## NAT Gateway vs NAT Instance',
        '',
        '| | NAT Instance | NAT Gateway |',
        '| --- | --- | --- |',
        '| Throughput | up to 45 Gbps | 5 Gbps, scaling to 100 Gbps |',
        '| Peak | up to 45 Gbps on large types | up to 45 Gbps |',
      ],
      [[5, '45 Gbps', true]],
    );
  });

  it('reads a terse value under its row header when the row names the attribute', async () => {
    await assertFlagged(['| | NAT Gateway | NAT Instance |', '|---|---|---|', '| Max bandwidth | 45 Gbps | 45 Gbps |'], [[2, '45 Gbps']]);
  });

  it('reads a row under its first cell: the NAT gateway row is flagged, the NAT instance row is not', async () => {
    await assertFlagged(
      [
        '## Comparing NAT options for a NAT Gateway setup',
        '',
        '| Option | Bandwidth |',
        '| --- | --- |',
        '| NAT Instance | up to 45 Gbps with a big instance |',
        '| NAT Gateway | up to 45 Gbps |',
      ],
      [[5, '45 Gbps']],
    );
  });

  it('reads a Korean comparison table the same way, in Korean', async () => {
    const header = ['| 구분 | NAT 인스턴스 | NAT 게이트웨이 |', '|---|---|---|'];
    const rows = [
      '| 대역폭 | 인스턴스 유형에 따라 최대 45Gbps | 최대 45Gbps |',
      '| 대역폭 상한 | 인스턴스 유형에 따름 | 10Gbps 까지 버스트 |',
    ];
    const messages = await assertFlagged(
      [...header, ...rows],
      [
        [2, '45Gbps', true],
        [3, '10Gbps'],
      ],
      'ko',
    );
    assert.match(messages[0], /100Gbps 까지 자동으로 늘어납니다/);
  });

  it('stays quiet in a column whose header marks the past', async () => {
    await assertFlagged(
      ['| Bandwidth | Previously | In the course slides |', '| --- | --- | --- |', '| NAT Gateway | up to 45 Gbps | up to 45 Gbps |'],
      [[2, '45 Gbps', true]],
    );
  });

  it('turns the comparison card drawn from the flagged cell into a question about the current value', () => {
    const text = [
      '# Egress for private subnets',
      '',
      '| Attribute | NAT Gateway | NAT Instance |',
      '| --- | --- | --- |',
      '| Bandwidth | Up to 45 Gbps | Depends on the instance type |',
      '| Failover | Built in within one AZ | Your own scripts |',
    ].join('\n');
    const cards = quizOf(knowledge, [{ uri: 'file:///notes/nat.md', text }], { locale: 'en' }).filter((i) => i.kind === 'comparison');
    const bandwidth = cards.find((c) => c.prompt.includes('Bandwidth'))!;
    assert.equal(bandwidth.prompt, 'Egress for private subnets › Bandwidth: which one is "Up to 100 Gbps"?');
    assert.equal(bandwidth.answer, 'NAT Gateway');
    assert.deepEqual(
      bandwidth.stale?.map((s) => s.noted),
      ['45 Gbps'],
    );
    assert.equal(cards.find((c) => c.prompt.includes('Failover'))?.stale, undefined);
  });
});
