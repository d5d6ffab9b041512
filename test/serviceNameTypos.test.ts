import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { miniKnowledge } from './helpers/knowledge';
import { loadKnowledge } from '../server/src/knowledge/loadKnowledge';
import { ALLOWLIST_FILE, typoAllowlist } from '../scripts/generateTypoAllowlist';

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
    assert.deepEqual(typosIn('Cloud Front, Dynamo DB 그리고 Opsworks'), [
      'Cloud Front->CloudFront:spacing',
      'Dynamo DB->DynamoDB:spacing',
      'Opsworks->OpsWorks:casing',
    ]);
  });

  it('stays quiet on correct names, ordinary words, identifiers and lower-case text', () => {
    assert.deepEqual(typosIn('CloudFront CloudTrail DynamoDB Redshift OpsWorks clouds Crowd Front'), []);
    assert.deepEqual(typosIn('cloudfrond my_Cloudfrond Cloudfrond.js aws.Cloudfrond CLOUDFROND'), []);
  });
});

describe('service name typos against the shipped glossary', () => {
  it('suggests only proper names, never a lower-case alias such as `volume` for `Volumes`', () => {
    const shipped = loadKnowledge();
    const text = 'Volumes exist on EBS. Snapshots are copies of Volumes.';
    assert.deepEqual(shipped.typos.find(text, shipped.matcher.find(text)), []);
  });
});

describe('typo allowlist data', () => {
  it('is current for the glossary (npm run generate:typo-allowlist)', function () {
    this.timeout(30000); // checks every English word
    assert.deepEqual(JSON.parse(readFileSync(ALLOWLIST_FILE, 'utf8')), typoAllowlist());
  });

  it('keeps English near misses of service names quiet', () => {
    const { matcher, typos } = loadKnowledge();
    const text = 'Redshirt Cognition Redhsift';
    assert.deepEqual(
      typos.find(text, matcher.find(text)).map((t) => t.suggestion),
      ['Redshift'],
    );
  });
});
