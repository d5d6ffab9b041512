// Installs the extension's dependencies on a fresh clone, so that `npm test` and `npm start` are
// each the only command a newcomer needs. Run directly, it is the `pretest` step.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function ensureDependencies(log = console.log) {
  if (existsSync(join(REPO_ROOT, 'node_modules', '.package-lock.json'))) {
    return;
  }
  log('installing the extension dependencies (npm ci)');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    throw new Error(`npm ci failed (exit ${r.status})`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureDependencies();
}
