// Runs the built `cloud-notes` CLI (dist/cli.js) from the repository root, in English unless told.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const CLI = path.resolve(__dirname, '../../dist/cli.js');
export const REPO_ROOT = path.resolve(__dirname, '../..');

export function runCli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
