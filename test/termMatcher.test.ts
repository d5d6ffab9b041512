import * as assert from 'node:assert/strict';
import { marked, variantKnowledge } from './helpers/knowledge';

const { matcher, glossary } = variantKnowledge();

/** The matches of a text as `id@start-end`. */
function found(text: string): string[] {
  return matcher.find(text).map((m) => `${glossary.entries[m.entry].id}@${m.start}-${m.end}`);
}

function expectTerms(source: string, ids: string[]) {
  const { text, spans } = marked(source);
  assert.deepEqual(
    found(text),
    spans.map(([s, e], i) => `${ids[i]}@${s}-${e}`),
    source,
  );
}

describe('term matcher', () => {
  it('takes Korean particles attached to a term', () => {
    expectTerms('[[보안그룹]]은 상태 저장, [[EC2]]를 보호하고 [[S3]]는 객체', ['security-group', 'ec2', 's3']);
    expectTerms('[[람다]]는 서버리스, [[가용 영역]]간 복제, [[보안그룹]]에서는', ['lambda', 'availability-zone', 'security-group']);
  });

  it('treats spacing variants, English names and abbreviations as one term', () => {
    expectTerms('[[보안 그룹]] / [[Security Group]] / [[SG]] / [[security group]]s', [
      'security-group',
      'security-group',
      'security-group',
      'security-group',
    ]);
    expectTerms('[[오토스케일링]]과 [[오토 스케일링]]', ['auto-scaling', 'auto-scaling']);
  });

  it('matches mixed script without a space', () => {
    expectTerms('[[EC2]]인스턴스를 [[DynamoDB]]테이블에 기록', ['ec2', 'dynamodb']);
  });

  it('prefers the longest match', () => {
    expectTerms('[[EC2 Auto Scaling]] and [[S3 Glacier Deep Archive]] and [[EC2-Classic]]', [
      'auto-scaling',
      's3-glacier-deep-archive',
      'ec2-classic',
    ]);
  });

  it('does not match inside other words', () => {
    assert.deepEqual(found('람다식 파람다 IAM SGT myEC2 S30 ec2.internal my_s3'), []);
  });

  it('keeps short abbreviations case-sensitive but accepts lower-case three-letter ones', () => {
    assert.deepEqual(found('sg az Sg'), []);
    expectTerms('[[eip]] 와 [[EIP]]', ['elastic-ip', 'elastic-ip']);
  });

  it('folds the ways Korean loanwords are spelt', () => {
    expectTerms('[[리젼]]별 [[콘테이너]]에 [[메세지 큐]]를 두고 [[리전]]', ['region', 'container', 'message-queue', 'region']);
    expectTerms('[[클라우드프런트]]와 [[클라우드 프론트]]', ['cloudfront', 'cloudfront']);
  });

  it('joins the words of a name written with underscores, but not a name inside an identifier', () => {
    expectTerms('## [[EC2_Auto_Scaling]] and [[Security_Group]]', ['auto-scaling', 'security-group']);
    assert.deepEqual(found('my_ec2 ec2_id s3_bucket'), []);
  });

  it('takes a vendor prefix into the term', () => {
    expectTerms('AWS RDS (not in this glossary), [[Amazon Lambda]], [[아마존 S3]], [[AWS-Lambda]] and [[AWS Lambda]]', [
      'lambda',
      's3',
      'lambda',
      'lambda',
    ]);
  });

  it('recognises English inflections of a name', () => {
    expectTerms(
      '[[Eventually consistent]] reads, [[eventual consistent]], [[lifecycle policies]], [[Auto-Scaling]], [[AutoScaling]], [[Auto Scale]]',
      ['eventual-consistency', 'eventual-consistency', 's3-lifecycle', 'auto-scaling', 'auto-scaling', 'auto-scaling'],
    );
  });

  it('takes a one-syllable Korean alias only where its context is required, and only as a word', () => {
    const [m] = matcher.find('큐에 넣는다');
    assert.equal(glossary.entries[m.entry].id, 'message-queue');
    assert.ok(m.requires?.length);
    assert.deepEqual(found('큐브 모양'), []);
  });

  it('marks aliases that need context', () => {
    const [m] = matcher.find('IA 클래스');
    assert.equal(glossary.entries[m.entry].id, 's3-standard-ia');
    assert.deepEqual(m.requires, [glossary.indexOf('s3')]);
  });

  it('counts positions in UTF-16 code units after emoji', () => {
    expectTerms('🚀🚀 [[EC2]] 👍 [[S3]]', ['ec2', 's3']);
  });
});
