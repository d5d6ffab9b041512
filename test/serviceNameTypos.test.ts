import * as assert from 'node:assert/strict';
import { miniKnowledge } from './helpers/knowledge';

const { matcher, typos } = miniKnowledge();

function typosIn(text: string): string[] {
  return typos.find(text, matcher.find(text)).map((t) => `${text.slice(t.start, t.end)}->${t.suggestion}:${t.kind}`);
}

describe('service name typos', () => {
  it('suggests the service for near misses', () => {
    assert.deepEqual(typosIn('Cloudfrond 와 ClountFront, CoudTrail 로그를 Redhsift 로'), [
      'Cloudfrond->CloudFront:spelling',
      'ClountFront->CloudFront:spelling',
      'CoudTrail->CloudTrail:spelling',
      'Redhsift->Redshift:spelling',
    ]);
  });

  it('flags spacing and casing of one-word names', () => {
    assert.deepEqual(typosIn('Cloud Front, Dynamo DB 그리고 Opsworks'), ['Cloud Front->CloudFront:spacing', 'Dynamo DB->DynamoDB:spacing', 'Opsworks->OpsWorks:casing']);
  });

  it('stays quiet on correct names, ordinary words, identifiers and lower-case text', () => {
    assert.deepEqual(typosIn('CloudFront CloudTrail DynamoDB Redshift OpsWorks clouds Crowd Front Redshirt'), []);
    assert.deepEqual(typosIn('cloudfrond my_Cloudfrond Cloudfrond.js aws.Cloudfrond CLOUDFROND'), []);
  });
});
