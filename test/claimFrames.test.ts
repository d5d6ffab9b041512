// Claims as frames (an attribute of the lexicon next to an old value) and as mentions of a retired
// name, on facts of our own over the mini glossary: what matches, and the still-true neighbours
// that must stay quiet.
import * as assert from 'node:assert/strict';
import { findClaims, type ClaimInput, type TermSpan } from '../server/src/facts/claimMatcher';
import { compileFactBook, type Fact } from '../server/src/facts/factBook';
import { miniKnowledge } from './helpers/knowledge';

const { matcher, glossary } = miniKnowledge();

const base = {
  context: 'section',
  changed: { ko: '바뀌었습니다.', en: 'It changed.' },
  current: { ko: '지금은 다릅니다.', en: 'It is different now.' },
  changedOn: '2018-10',
  source: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html',
  lastVerified: '2026-12-06',
  confidence: 'confirmed',
  severity: 'warning',
  examples: { match: [], noMatch: [] },
} as const;

const book = compileFactBook([
  {
    version: 1,
    facts: [
      { ...base, id: 'lambda-timeout', about: ['lambda'], frames: [{ attribute: 'max-duration', value: '{qty:5 min}' }] },
      { ...base, id: 'opsworks-retired', about: ['opsworks'], mentions: ['opsworks'], unlessTerms: ['cloudtrail'] },
    ] as unknown as Fact[],
  },
]);

function terms(text: string): TermSpan[] {
  return matcher.find(text).map((m) => {
    const e = glossary.entries[m.entry];
    return { termId: e.id, start: m.start, end: m.end, service: /^(?:Amazon|AWS) /.test(e.name) };
  });
}

/** The claims found in `text` (marked spans as `[[…]]`), under `context` headings and items. */
function claims(text: string, context: string[] = [], cells?: ClaimInput['cells']): string {
  const input: ClaimInput = {
    text,
    terms: terms(text),
    contextTermIds: new Set(context.flatMap((c) => terms(c).map((t) => t.termId))),
    contextText: context,
    cells,
  };
  let out = text;
  for (const f of findClaims(book, input, 'ko').reverse()) {
    out = `${out.slice(0, f.start)}[[${out.slice(f.start, f.end)}]]${out.slice(f.end)}`;
  }
  return out;
}

describe('claim frames', () => {
  it('finds the old value next to the attribute, in any unit and both languages', () => {
    assert.equal(claims('Lambda 최대 실행 시간은 5분'), 'Lambda 최대 실행 시간은 [[5분]]');
    assert.equal(claims('Lambda functions can run for up to 300 seconds'), 'Lambda functions can run for up to [[300 seconds]]');
    assert.equal(claims('람다 타임아웃: 5 minutes'), '람다 타임아웃: [[5 minutes]]');
    assert.equal(claims('실행은 5분까지 가능', ['Lambda']), '실행은 [[5분]]까지 가능');
  });

  it("takes the subject from the section and the attribute from a terse value's parent or column header", () => {
    assert.equal(claims('5분', ['Lambda', '최대 실행 시간']), '[[5분]]');
    const row = 'Lambda | 5분';
    assert.equal(
      claims(
        row,
        [],
        [
          { start: 0, end: 6, header: '서비스' },
          { start: 9, end: 11, header: '최대 실행 시간' },
        ],
      ),
      'Lambda | [[5분]]',
    );
    assert.equal(
      claims(
        row,
        [],
        [
          { start: 0, end: 6, header: '서비스' },
          { start: 9, end: 11, header: '콜드 스타트' },
        ],
      ),
      row,
    );
  });

  it('keeps still-true neighbours quiet', () => {
    const quiet: [string, string[]][] = [
      ['Lambda 최대 실행 시간은 15분', []],
      ['Lambda 기본 타임아웃은 3초', []],
      ['5분마다 실행되는 Lambda 함수', []],
      ['콜드 스타트 후 5분 동안 유지', ['Lambda']],
      ['DynamoDB 최대 보관 5분', ['Lambda']],
      ['Lambda 최대 실행 시간은 예전에 5분이었다', []],
      ['Lambda 최대 실행 시간이 5분이 아님', []],
    ];
    for (const [text, context] of quiet) {
      assert.equal(claims(text, context), text, text);
    }
  });
});

describe('claims as mentions of a retired name', () => {
  it('flags a present-tense mention', () => {
    assert.equal(claims('OpsWorks로 Chef 서버를 관리한다'), '[[OpsWorks]]로 Chef 서버를 관리한다');
    assert.equal(claims('Use AWS OpsWorks for Puppet'), 'Use [[AWS OpsWorks]] for Puppet');
  });

  it('stays quiet when the note says it changed, negates it, dates it or names the successor beside it', () => {
    for (const text of [
      'OpsWorks는 더 이상 쓸 수 없다',
      'OpsWorks (2024년 지원 종료)',
      'OpsWorks was used for Chef',
      'OpsWorks 대신 CloudTrail로 추적',
    ]) {
      assert.equal(claims(text), text, text);
    }
  });
});
