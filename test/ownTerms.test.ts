// The workspace's own vocabulary: the shapes that define a term the glossary lacks, and what a
// learner gets for it (hover, definition, references, highlights, completion, semantic tokens).
import * as assert from 'node:assert/strict';
import { ownTermsOf, scanNote } from '../server/src/scan/noteScanner';
import { miniKnowledge } from './helpers/knowledge';
import { at, serviceOver } from './helpers/service';

const { matcher } = miniKnowledge();
const own = (text: string) =>
  ownTermsOf(scanNote(text, matcher)).map((t) => `${t.line}:${t.start}-${t.end} ${t.names.join('|')}${t.gist ? ` = ${t.gist}` : ''}`);

describe('own terms of a note', () => {
  it('takes definition items, name pairs and abbreviations the glossary lacks', () => {
    assert.deepEqual(
      own(['- 지수 백오프(Exponential Backoff) : 재시도 간격을 두 배씩 늘리는 방식', '- **Zone File**: DNS 레코드를 담은 파일'].join('\n')),
      ['0:2-8 지수 백오프|Exponential Backoff = 재시도 간격을 두 배씩 늘리는 방식', '1:4-13 Zone File = DNS 레코드를 담은 파일'],
    );
    assert.deepEqual(own('## 3. 탄력성(Elasticity)\n## Placement Strategy'), ['0:6-21 탄력성|Elasticity', '1:3-21 Placement Strategy']);
    assert.deepEqual(own('HPC 노드는 Elastic Fabric Adapter (EFA)로 연결한다'), ['0:8-30 Elastic Fabric Adapter|EFA']);
  });

  it('leaves out glossary terms, labels, values, sentences and everyday words', () => {
    const quiet = [
      '- EC2 : 가상 서버',
      '- 참고 : 공식 문서를 볼 것',
      '- Note: read the FAQ first',
      '- 기본값 : 300초',
      '- 수명 : 15분 동안 유지',
      '- 링크 : https://example.com/docs',
      '- 도메인은 다른 곳에서 등록 : Route 53에서 관리',
      '- 비활성화 시 : 같은 영역만 사용',
      '- file : /var/log/messages',
      '- 비용 절감 : 필요한 만큼만 쓰고 나머지는 줄인다',
      '## 느낀 점',
      'Amazon Simple Storage Service (S3) 정리',
    ];
    assert.deepEqual(own(quiet.join('\n')), []);
  });
});

describe('own terms in the language service', () => {
  const NOTES = {
    'file:///notes/a.md': '# 재시도\n- 지수 백오프(Exponential Backoff) : 재시도 간격을 두 배씩 늘리는 방식\n',
    'file:///notes/b.md': '# Lambda\n람다가 실패하면 지수 백오프로 다시 시도한다. `Exponential Backoff`\n\nExponential backoff와 jitter\n',
  };

  it('hovers a term only the notes define with what they say and where', async () => {
    const { service, doc } = await serviceOver(miniKnowledge(), NOTES, 'en');
    const b = doc('file:///notes/b.md');
    const hover = service.hover(b, at(b, '지수 백오프로', 1))!;
    assert.deepEqual(hover.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 15 } });
    assert.equal(
      (hover.contents as { value: string }).value,
      '**지수 백오프** · A term of your notes, not in the built-in glossary\n\n재시도 간격을 두 배씩 늘리는 방식 — [notes/a.md:2](file:///notes/a.md#L2)\n\nAlso written: Exponential Backoff',
    );
  });

  it('keeps links to notes whose names hold parentheses or spaces intact', async () => {
    const { service, doc } = await serviceOver(
      miniKnowledge(),
      { 'file:///notes/re%20try%20(1).md': NOTES['file:///notes/a.md'], 'file:///notes/b.md': NOTES['file:///notes/b.md'] },
      'en',
    );
    const b = doc('file:///notes/b.md');
    const value = (service.hover(b, at(b, '지수 백오프로', 1))!.contents as { value: string }).value;
    assert.match(value, /\]\(file:\/\/\/notes\/re%20try%20%281%29\.md#L2\)/);
  });

  it('goes to its definition and finds its mentions under every name, outside code', async () => {
    const { service, doc } = await serviceOver(miniKnowledge(), NOTES);
    const b = doc('file:///notes/b.md');
    const pos = at(b, 'Exponential backoff');
    assert.deepEqual(service.definition(b, pos), [
      { uri: 'file:///notes/a.md', range: { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } } },
    ]);
    const refs = (await service.references(b, pos)).map(
      (l) => `${l.uri.slice(14)}:${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`,
    );
    assert.deepEqual(refs.sort(), ['a.md:1:2-8', 'a.md:1:9-28', 'b.md:1:9-15', 'b.md:3:0-19']);
    assert.deepEqual(
      service.documentHighlights(b, pos).map((h) => h.range.start.line),
      [1, 3],
    );
  });

  it('completes its names', async () => {
    const { service, doc } = await serviceOver(miniKnowledge(), { ...NOTES, 'file:///notes/c.md': 'Expo' });
    const c = doc('file:///notes/c.md');
    assert.deepEqual(
      service.completion(c, { line: 0, character: 4 }).map((i) => i.label),
      ['Exponential Backoff'],
    );
  });

  it("colours glossary terms and, with the workspace modifier, the notes' own terms", async () => {
    const { service, doc } = await serviceOver(miniKnowledge(), NOTES);
    const b = doc('file:///notes/b.md');
    const { data } = service.semanticTokens(b);
    const tokens: string[] = [];
    for (let i = 0, line = 0, char = 0; i < data.length; i += 5) {
      line += data[i];
      char = data[i] ? data[i + 1] : char + data[i + 1];
      tokens.push(`${line}:${char}+${data[i + 2]}${data[i + 4] ? ' workspace' : ''}`);
    }
    assert.deepEqual(tokens, ['0:2+6', '1:0+2', '1:9+6 workspace', '3:0+19 workspace']);
  });
});
