// `cloud-notes check --format sarif` and `--format github`: what a code-scanning dashboard and a
// GitHub Actions run read.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { runCli } from './helpers/cli';
import { toGithubAnnotation } from '../server/src/report/githubAnnotations';
import type { Finding } from '../server/src/report/finding';

const STALE = path.join('test', 'fixtures', 'notes', 'stale.md');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed log, checked by the schema and the assertions
type SarifLog = any;

/** The vendored SARIF 2.1.0 schema (test/fixtures/sarif/README.md says where it is from). */
function sarifValidator() {
  const { $schema, id, ...schema } = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  // Written for draft-04: ajv's default draft reads its keywords alike, but names the schema's id `$id`.
  assert.equal($schema, 'http://json-schema.org/draft-04/schema#');
  // unicodeRegExp off: the schema's `language` pattern has a stray `]`, an error only under the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile({ $id: id, ...schema });
}

describe('cloud-notes check --format sarif', () => {
  const { code, stdout } = runCli('check', STALE, '--format', 'sarif');
  const log = JSON.parse(stdout) as SarifLog;
  const [run] = log.runs;

  it('is a valid SARIF 2.1.0 log, and the schema catches a broken one', () => {
    const validate = sarifValidator();
    assert.equal(code, 1);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const broken: SarifLog = structuredClone(log);
    broken.runs[0].results[0].level = 'severe';
    delete broken.runs[0].results[0].message;
    assert.equal(validate(broken), false);
  });

  it('describes each rule with findings, linking the dated fact to its AWS source', () => {
    assert.deepEqual(
      run.tool.driver.rules.map((r: { id: string; helpUri?: string }) => [r.id, r.helpUri]),
      [
        ['ebs-gp2-max-iops', 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html'],
        ['ec2-xen-hypervisor', 'https://docs.aws.amazon.com/ec2/latest/instancetypes/ec2-nitro-instances.html'],
        ['s3-strong-consistency', 'https://aws.amazon.com/s3/consistency/'],
        ['service-name', undefined],
      ],
    );
    assert.equal(
      run.tool.driver.rules[2].shortDescription.text,
      'Since December 2020 S3 delivers strong read-after-write consistency in all Regions at no extra cost.',
    );
    assert.equal(run.tool.driver.rules[3].shortDescription.text, 'A misspelled AWS service name');
  });

  it('places each result on the note with 1-based lines and columns, as the text format does', () => {
    const first = run.results[0];
    assert.deepEqual(
      { ruleId: first.ruleId, ruleIndex: first.ruleIndex, level: first.level, location: first.locations[0].physicalLocation },
      {
        ruleId: 's3-strong-consistency',
        ruleIndex: 2,
        level: 'warning',
        location: {
          artifactLocation: { uri: 'test/fixtures/notes/stale.md' },
          region: { startLine: 3, startColumn: 26, endLine: 3, endColumn: 32 },
        },
      },
    );
    assert.match(first.message.text, /^Since December 2020 S3 delivers strong read-after-write consistency/);
    const text = runCli('check', STALE).stdout.trim().split('\n');
    assert.deepEqual(
      run.results.map(
        (r: { ruleId: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }) => {
          const { startLine, startColumn } = r.locations[0].physicalLocation.region;
          return `${STALE}:${startLine}:${startColumn} warning ${r.ruleId}`;
        },
      ),
      text.map((l) => l.split(' ').slice(0, 3).join(' ')),
    );
  });

  it('is an empty run when nothing is found', () => {
    const clean = JSON.parse(runCli('check', path.join('test', 'fixtures', 'notes', 'compute.md'), '--format', 'sarif').stdout);
    assert.deepEqual([clean.runs[0].results, clean.runs[0].tool.driver.rules], [[], []]);
    assert.ok(sarifValidator()(clean));
  });
});

describe('cloud-notes check --format github', () => {
  it('writes one workflow command per finding, at the finding', () => {
    const { code, stdout } = runCli('check', STALE, '--format', 'github');
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n');
    assert.equal(lines.length, 4);
    assert.match(
      lines[0],
      /^::warning file=test\/fixtures\/notes\/stale\.md,line=3,col=26,endLine=3,endColumn=32,title=cloud-notes s3-strong-consistency::Since December 2020 S3 /,
    );
    assert.equal(
      lines[3],
      '::warning file=test/fixtures/notes/stale.md,line=17,col=1,endLine=17,endColumn=11,title=cloud-notes service-name::"Cloudfrond" looks like a misspelling of CloudFront. Did you mean CloudFront?',
    );
  });

  it('escapes %, line breaks, and in properties : and , so no value can end its field', () => {
    const finding: Finding = {
      file: 'notes\\a,b: 100%.md',
      line: 2,
      column: 1,
      endLine: 3,
      endColumn: 4,
      severity: 'information',
      rule: 'rule:x,y',
      message: 'S3: 100% durable,\r\nreally\n',
    };
    assert.equal(
      toGithubAnnotation(finding),
      '::notice file=notes/a%2Cb%3A 100%25.md,line=2,col=1,endLine=3,endColumn=4,title=cloud-notes rule%3Ax%2Cy::S3: 100%25 durable,%0D%0Areally%0A',
    );
  });
});
