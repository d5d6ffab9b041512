// The `cloud-notes check` command as a terminal or CI sees it: output lines, JSON and exit codes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLI, REPO_ROOT, runCli as run } from './helpers/cli';
import { scratchDir } from './helpers/scratch';

const NOTES = path.join('test', 'fixtures', 'notes');

describe('cloud-notes check', () => {
  it('prints file:line:col severity rule message and exits 1 on findings', () => {
    const { code, stdout } = run('check', NOTES);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n');
    assert.deepEqual(
      lines.map((l) => l.split(' ').slice(0, 3).join(' ')),
      [
        'test/fixtures/notes/stale.md:3:26 warning s3-strong-consistency',
        'test/fixtures/notes/stale.md:8:7 warning ec2-xen-hypervisor',
        'test/fixtures/notes/stale.md:15:12 warning ebs-gp2-max-iops',
        'test/fixtures/notes/stale.md:17:1 warning service-name',
      ],
    );
    assert.equal(
      lines[3],
      'test/fixtures/notes/stale.md:17:1 warning service-name "Cloudfrond" looks like a misspelling of CloudFront. Did you mean CloudFront?',
    );
  });

  it('writes the same findings as JSON, in Korean on request', () => {
    const { code, stdout } = run('check', path.join(NOTES, 'stale.md'), '--format', 'json', '--locale', 'ko');
    assert.equal(code, 1);
    const [first] = JSON.parse(stdout);
    assert.deepEqual(
      { ...first, message: first.message.slice(0, 18) },
      {
        file: 'test/fixtures/notes/stale.md',
        line: 3,
        column: 26,
        endLine: 3,
        endColumn: 32,
        severity: 'warning',
        rule: 's3-strong-consistency',
        message: '2020년 12월부터 S3는 모든',
        source: 'https://aws.amazon.com/s3/consistency/',
      },
    );
  });

  it('exits 0 when nothing reaches the threshold', () => {
    assert.deepEqual(run('check', NOTES, '--min-severity', 'error', '--format', 'json'), { code: 0, stdout: '[]\n', stderr: '' });
    assert.equal(run('check', path.join(NOTES, 'compute.md')).code, 0);
  });

  it('checks every readable path, says in one line each which it cannot read, and exits 2', () => {
    const { code, stdout, stderr } = run('check', path.join(NOTES, 'stale.md'), 'no/such/notes', '/dev/zero');
    assert.equal(code, 2);
    assert.equal(stdout.trim().split('\n').length, 4);
    assert.deepEqual(stderr.trim().split('\n'), [
      'cloud-notes: cannot read no/such/notes: no such file or folder',
      'cloud-notes: cannot read /dev/zero: not a regular file',
    ]);
  });

  it('names its own flag for notes over the size limit, and the flag raises it', () => {
    const big = path.join(scratchDir('csn-cli-'), 'big.md');
    writeFileSync(big, `# EC2\n\nEC2는 Xen 위에서 실행된다.\n\n# Padding\n\n${'x '.repeat(0.75 * 1024 * 1024)}\n`);
    const skipped = run('check', big, '--max-file-size-mb', '1');
    assert.deepEqual({ code: skipped.code, stdout: skipped.stdout }, { code: 0, stdout: '' });
    assert.equal(
      skipped.stderr,
      `${path.relative(path.resolve(__dirname, '..'), big)}: skipped: larger than 1 MB (1.5 MB); raise --max-file-size-mb to use it\n`,
    );
    const checked = run('check', big, '--max-file-size-mb', '2');
    assert.equal(checked.code, 1);
    assert.match(checked.stdout, /big\.md:3:6 warning ec2-xen-hypervisor Since November 2017/);
  });

  it('ends quietly when its output pipe closes', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" check ${NOTES} | head -1`], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    assert.equal(r.stdout.trim().split('\n').length, 1);
    assert.equal(r.stderr, '');
  });

  it('exits 2 with a clear message on bad arguments', () => {
    for (const [args, message] of [
      [['lint'], 'cloud-notes: unknown command: lint'],
      [['check', '--format', 'xml'], 'cloud-notes: --format must be one of text, json, sarif, github, not xml'],
      [['quiz', 'review'], 'cloud-notes: unknown quiz command: review'],
      [['quiz', 'export', '--format', 'csv'], 'cloud-notes: --format must be anki-tsv, not csv'],
      [['check', '--min-severity'], 'cloud-notes: --min-severity needs a value'],
      [['check', '--max-file-size-mb', 'lots'], 'cloud-notes: --max-file-size-mb must be a positive number, not lots'],
    ] as const) {
      const r = run(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr.split('\n')[0], message);
      assert.match(r.stderr, /usage: cloud-notes check/);
    }
  });
});
