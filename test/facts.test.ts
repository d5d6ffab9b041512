import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { findClaims, type ClaimFinding, type ClaimInput, type TermSpan } from '../server/src/facts/claimMatcher';
import { compileFactBook, FACT_FILES, type Fact, type FactExample } from '../server/src/facts/factBook';
import { isClauseNegated, isHistorical, isNegated, notesChange } from '../server/src/facts/markers';
import { compilePattern } from '../server/src/facts/patterns';
import { loadKnowledge } from '../server/src/knowledge/loadKnowledge';
import { diagnosticsContext, inContext, termSpans } from '../server/src/features/diagnostics';
import { exampleFindings } from '../server/src/knowledge/factExamples';

const KNOWLEDGE = join(__dirname, '..', 'server', 'knowledge');
const FACT_DIR = join(KNOWLEDGE, 'facts');

const knowledge = loadKnowledge();
const { matcher, facts: book } = knowledge;
const ctx = diagnosticsContext(knowledge, 'ko');

/** Glossary terms in a text (context-bound ones when `context` names what they need), as the diagnostics feature passes them. */
function findTerms(text: string, contextIds: ReadonlySet<string> = new Set()): TermSpan[] {
  return termSpans(ctx, inContext(ctx, matcher.find(text), contextIds));
}

function inputFor(text: string, context: string[] = [], asOf?: number): ClaimInput {
  const contextTermIds = new Set(context.flatMap((c) => findTerms(c).map((t) => t.termId)));
  return { text, terms: findTerms(text, contextTermIds), contextTermIds, contextText: context, asOf };
}

/** Removes the `[[…]]` span marker; returns the plain text and the marked span. */
function unmark(text: string): { text: string; span?: [number, number] } {
  const start = text.indexOf('[[');
  if (start < 0) {
    return { text };
  }
  const end = text.indexOf(']]', start);
  assert.ok(end > start, `unbalanced span marker in ${text}`);
  return { text: text.slice(0, start) + text.slice(start + 2, end) + text.slice(end + 2), span: [start, end - 2] };
}

function run(example: FactExample): { text: string; span?: [number, number]; findings: ClaimFinding[] } {
  const { text, span } = unmark(example.text);
  return { text, span, findings: exampleFindings(knowledge, example, ctx).findings };
}

function describeFindings(text: string, findings: ClaimFinding[]): string {
  return JSON.stringify(findings.map((f) => ({ ...f, span: text.slice(f.start, f.end) })));
}

describe('fact files', () => {
  const schema = JSON.parse(readFileSync(join(KNOWLEDGE, 'facts.schema.json'), 'utf8'));
  const validate = new Ajv2020({ allErrors: true }).compile(schema);
  const files = readdirSync(FACT_DIR).filter((f) => f.endsWith('.json'));

  it('bundles every JSON file on disk', () => {
    assert.equal(FACT_FILES.length, files.length);
  });

  for (const file of files) {
    it(`${file} matches facts.schema.json`, () => {
      const data = JSON.parse(readFileSync(join(FACT_DIR, file), 'utf8'));
      assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
    });
  }

  it('has at least 40 facts with unique ids', () => {
    assert.ok(book.facts.length >= 40, `only ${book.facts.length} facts`);
    assert.equal(book.byId.size, book.facts.length);
  });

  it('lists at least one Korean and one English example of each kind per fact', () => {
    const hangul = /[\uac00-\ud7a3]/u;
    for (const { fact } of book.facts) {
      for (const kind of ['match', 'noMatch'] as const) {
        const texts = fact.examples[kind].map((e) => e.text);
        assert.ok(
          texts.some((t) => hangul.test(t)),
          `${fact.id}: no Korean ${kind} example`,
        );
        assert.ok(
          texts.some((t) => !hangul.test(t)),
          `${fact.id}: no English ${kind} example`,
        );
      }
    }
  });

  it('has, per fact, a negated and a historical noMatch example that its patterns would match', () => {
    for (const { fact, patterns, frames, mentions, list, changedYear } of book.facts) {
      // What the fact would flag without the markers: a pattern, a frame's old value, a retired name or an old list.
      const sources = [...patterns.map((p) => p.re), ...frames.flatMap((f) => (f.value ? [f.value] : []))].map(
        (re) => new RegExp(re.source, 'iu'),
      );
      const oldList = (e: FactExample) =>
        !!list && list.members.filter((re) => e.items?.some((item) => re.test(item))).length >= list.minMembers;
      const live = fact.examples.noMatch.filter(
        (e) => sources.some((re) => re.test(e.text)) || findTerms(e.text).some((t) => mentions.has(t.termId)) || oldList(e),
      );
      const historical = (e: FactExample) => [e.text, ...(e.context ?? [])].some((t) => isHistorical(t, changedYear));
      assert.ok(
        live.some((e) => isNegated(e.text) || notesChange(e.text)),
        `${fact.id}: no negated noMatch example`,
      );
      assert.ok(live.some(historical), `${fact.id}: no historical noMatch example`);
    }
  });

  it('has an attribute lexicon that matches attributes.schema.json', () => {
    const lexiconSchema = JSON.parse(readFileSync(join(KNOWLEDGE, 'attributes.schema.json'), 'utf8'));
    const validateLexicon = new Ajv2020({ allErrors: true }).compile(lexiconSchema);
    assert.ok(
      validateLexicon(JSON.parse(readFileSync(join(KNOWLEDGE, 'attributes.json'), 'utf8'))),
      JSON.stringify(validateLexicon.errors, null, 2),
    );
  });

  it('rejects a frame with an unknown attribute', () => {
    const bad: Fact = { ...book.facts[0].fact, claim: undefined, frames: [{ attribute: 'colour', value: '{num:5}' }] };
    assert.throws(() => compileFactBook([{ version: 1, facts: [bad] }]), /unknown attribute colour/);
  });

  it('rejects a pattern with an unknown unit', () => {
    const bad: Fact = { ...book.facts[0].fact, claim: ['{qty:5 parsecs}'] };
    assert.throws(() => compileFactBook([{ version: 1, facts: [bad] }]), /unknown unit parsecs/);
  });
});

describe('fact self-tests', () => {
  for (const { fact } of book.facts) {
    describe(fact.id, () => {
      fact.examples.match.forEach((example, i) => {
        it(`match ${i}: ${example.text}`, () => {
          const { text, span, findings } = run(example);
          const own = findings.filter((f) => f.factId === fact.id);
          assert.equal(own.length, 1, `expected one ${fact.id} finding, got ${describeFindings(text, findings)}`);
          if (span) {
            assert.deepEqual([own[0].start, own[0].end], span, describeFindings(text, own));
          }
          const unexpected = findings.filter((f) => f.factId !== fact.id && !example.also?.includes(f.factId));
          assert.deepEqual(unexpected, [], `other facts fired: ${describeFindings(text, unexpected)}`);
        });
      });
      fact.examples.noMatch.forEach((example, i) => {
        it(`noMatch ${i}: ${example.text}`, () => {
          const { text, findings } = run(example);
          const own = findings.filter((f) => f.factId === fact.id);
          assert.deepEqual(own, [], describeFindings(text, own));
        });
      });
    });
  }
});

describe('negation markers', () => {
  it('negate a claim in their clause or a later one, not in an earlier one', () => {
    const claim = (sentence: string, word: string) => isClauseNegated(sentence, sentence.indexOf(word));
    assert.equal(claim("if you don't want interruptions, you can use Spot Block", 'Spot Block'), false);
    assert.equal(claim('Spot Block 은 더 이상 쓸 수 없음', 'Spot Block'), true);
    assert.equal(claim('OAI is still listed, but not recommended', 'OAI'), true);
    assert.equal(claim('초당 100 PUT 을 넘으면 키를 분산해야 한다는 가이드는 더 이상 유효하지 않음', '100 PUT'), true);
    assert.equal(claim('중단을 원하지 않으면 Spot Block 사용', 'Spot Block'), false);
    assert.equal(claim('온디맨드는 예약 없이 시간 단위 과금', '시간 단위'), false);
  });
});

describe('pattern macros', () => {
  const matches = (pattern: string, text: string) => compilePattern(pattern, false).test(text);

  it('{num:20} matches 20 but not inside 120, 200, 20.5 or 1,20', () => {
    assert.ok(matches('{num:20}', '리전당 20 개'));
    assert.ok(matches('{num:20}', 'limit: 20.'));
    for (const text of ['120 개', '200 개', '20.5', '1,20']) {
      assert.ok(!matches('{num:20}', text), text);
    }
  });

  it('{num:16000} accepts thousands separators', () => {
    assert.ok(matches('^{num:16000}$', '16,000'));
    assert.ok(matches('^{num:16000}$', '16000'));
    assert.ok(!matches('{num:16000}', '160,000'));
  });

  it('{qty:5 TB} matches every spelling of five terabytes and nothing else', () => {
    for (const text of ['5TB', '5 TB', '5테라', '5 테라바이트', '5,000 GB', '5000GB', '5 TiB', '5120 GiB']) {
      assert.ok(matches('{qty:5 TB}', text), text);
    }
    for (const text of ['15TB', '5 GB', '50 TB', '5.5 TB', '5 TBps']) {
      assert.ok(!matches('{qty:5 TB}', text), text);
    }
  });

  it('{qty:1 min} matches minutes and the same duration in seconds', () => {
    for (const text of ['1 분', '1분', '1 minute', '60초', '60 seconds', '1min']) {
      assert.ok(matches('{qty:1 min}', text), text);
    }
    for (const text of ['11분', '1 시간', '10 seconds', '2 minutes']) {
      assert.ok(!matches('{qty:1 min}', text), text);
    }
  });

  it('{qty:130 min}, {qty:1.25 Gbps} and {qty:75 %} cover their families', () => {
    assert.ok(matches('{qty:130 min}', '130 분 진행'));
    assert.ok(matches('{qty:1.25 Gbps}', '1.25Gbps'));
    assert.ok(matches('{qty:1.25 Gbps}', '1,250 Mbps'));
    assert.ok(!matches('{qty:1.25 Gbps}', '11.25 Gbps'));
    for (const text of ['75%', '75 %', '75 퍼센트', '75 percent']) {
      assert.ok(matches('{qty:75 %}', text), text);
    }
    assert.ok(!matches('{qty:75 %}', '175%'));
  });
});

describe('findClaims', () => {
  const ids = (text: string, context: string[] = [], asOf?: number) =>
    findClaims(book, inputFor(text, context, asOf), 'ko').map((f) => f.factId);

  it('needs the subject in the section for section facts', () => {
    assert.deepEqual(ids('읽기 전용을 최대 5개까지 만들 수 있음', ['RDS', 'Read Replica']), ['rds-read-replica-count']);
    assert.deepEqual(ids('읽기 전용을 최대 5개까지 만들 수 있음', ['RDS']), []);
    assert.deepEqual(ids('최대 15개까지', ['Read Replica']), []);
  });

  it('skips facts that changed after an as-of marker', () => {
    const line = 'Eventual consistency for overwrite PUTs and DELETEs';
    assert.deepEqual(ids(line, ['S3']), ['s3-strong-consistency']);
    assert.deepEqual(ids(line, ['S3'], 2019), []);
    assert.deepEqual(ids(line, ['S3'], 2021), ['s3-strong-consistency']);
  });

  it('treats a year before the change as a historical time frame', () => {
    assert.deepEqual(ids('2016년 기준 EC2 는 Xen 하이퍼바이저 위에서 실행'), []);
    assert.deepEqual(ids('2019년 기준 EC2 는 Xen 하이퍼바이저 위에서 실행'), ['ec2-xen-hypervisor']);
    assert.deepEqual(ids('EC2 는 Xen 하이퍼바이저 위에서 실행', ['AWS 정리 (2015)']), []);
  });

  it('requires the subject in the same sentence for sentence facts', () => {
    assert.deepEqual(ids('S3 는 편리하다. 기본적으로 암호화되지 않음'), []);
    assert.deepEqual(ids('S3 객체는 기본적으로 암호화되지 않음'), ['s3-default-encryption']);
  });

  it('returns the replacement in the language of the span', () => {
    const [oai] = findClaims(book, inputFor('OAI(Origin Access Identity) 로 S3 접근 제한'), 'en');
    assert.equal(oai.factId, 'cloudfront-origin-access-identity');
    assert.equal(oai.replacement, 'OAC(Origin Access Control)');
    const [cmk] = findClaims(book, inputFor('KMS 고객 마스터 키로 암호화'), 'en');
    assert.equal(cmk.replacement, 'KMS 키');
  });

  it('handles the seed-style lines from the brief', () => {
    assert.deepEqual(ids('EC2 는 Xen Hypervisor 상에서 실행되며 PV, HVM 으로 나뉨'), ['ec2-xen-hypervisor']);
    assert.deepEqual(ids('최대 3000IOPS 까지 가능하며 그 이상이 필요하면 PIOPS 를 사용해야 함', ['EBS gp2']), ['ebs-gp2-max-iops']);
    assert.deepEqual(ids('InstanceLimitExceeded error : 리전 내 한도를 넘음, 리전당 20 개', ['EC2']), ['ec2-instance-limit']);
    assert.deepEqual(ids('symmetric 환경만을 지원', ['KMS']), ['kms-symmetric-only']);
    assert.deepEqual(ids('Custom Metrics : minimum granularity 는 1 분', ['CloudWatch']), ['cloudwatch-custom-metric-resolution']);
    assert.deepEqual(ids('* AWS sysops administrator exam'), ['sysops-renamed-cloudops']);
  });

  it('checks a 50 KB block without a sentence break in linear time', () => {
    const text = `RDS read replica 는 ${'MySQL 복제 인스턴스 '.repeat(3_500)} 최대 5개`;
    const input = inputFor(text, ['RDS']);
    const start = performance.now();
    findClaims(book, input, 'ko');
    const ms = performance.now() - start;
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms`); // 8 s when a pattern looked behind to the sentence's start at every position
  });

  it('checks a long run of claims without a sentence end in linear time', () => {
    const input = inputFor('gp2 최대 3000 IOPS '.repeat(1_000), ['EBS']);
    const start = performance.now();
    const found = findClaims(book, input, 'ko');
    const ms = performance.now() - start;
    assert.equal(found.length, 1_000);
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms`); // 9 s when each claim looked through the whole run
  });

  it('ends a sentence at a lone CR as at LF', () => {
    for (const eol of ['\n', '\r', '\r\n']) {
      const found = findClaims(book, inputFor(`2019년 당시 EBS 는 느렸다${eol}gp2 최대 3000 IOPS`, ['EBS']), 'ko');
      assert.equal(found.length, 1, JSON.stringify(eol));
    }
  });

  it('checks a number followed by thousands of blanks at once', () => {
    const input = inputFor(`RDS read replica 최대 5${' '.repeat(4_000)}개`, ['RDS']);
    const start = performance.now();
    findClaims(book, input, 'ko');
    const ms = performance.now() - start;
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms`); // never ended when four optional words each took their own \s*
  });
});
