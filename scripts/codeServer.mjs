// Runs a real VS Code (code-server from npm) with the extension under development loaded.
// Shared by `npm start` (scripts/start.mjs) and `npm run test:e2e` (scripts/e2e.mjs):
// installing the system packages and tools, building, starting, stopping, and the workbench URL.
// See ../shared/reference/vscode-e2e.md for why each step looks the way it does.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensureDependencies.mjs';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
/** Heavy tools live here with their own package.json, so the extension's `npm ci` stays light. Git-ignored. */
export const TOOLS_DIR = join(REPO_ROOT, '.e2e');
export const SAMPLES_DIR = join(REPO_ROOT, 'samples');
export const CHROMIUM_PATH = '/usr/bin/chromium';

// code-server 4.100.3 is VS Code 1.100.3; newer releases need Node 24 and ignore the payload
// route used below. Pin exactly.
const TOOL_VERSIONS = { 'code-server': '4.100.3', 'playwright-core': '1.65.1' };

/** Debian packages needed to install code-server (native modules, offline ripgrep). */
export const BUILD_PACKAGES = ['build-essential', 'python3', 'pkg-config', 'libkrb5-dev', 'ripgrep'];
/** Debian packages needed to drive a browser; fonts-nanum makes Hangul render in screenshots. */
export const BROWSER_PACKAGES = ['chromium', 'fonts-nanum'];

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'editor.hover.delay': 100,
  'telemetry.telemetryLevel': 'off',
};

/** Writes `[name] message` lines; both scripts use it so their output reads the same. */
export function logger(name) {
  return (message) => console.log(`[${name}] ${message}`);
}

/** Runs a command with inherited output; throws with the command line when it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) {
    throw new Error(`${command} could not start: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(`\`${[command, ...args].join(' ')}\` failed with exit code ${result.status}`);
  }
}

function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function isInstalledDebianPackage(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/**
 * Makes sure the Debian packages are installed: with apt-get when running as root, otherwise
 * throws an error that says what to install.
 */
export function ensureSystemPackages(packages, log) {
  if (!commandExists('dpkg-query')) {
    log(`not a Debian-based system: make sure these (or their equivalents) are installed: ${packages.join(' ')}`);
    return;
  }
  const missing = packages.filter((name) => !isInstalledDebianPackage(name));
  if (missing.length === 0) {
    return;
  }
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    throw new Error(
      `missing system packages: ${missing.join(' ')}\nInstall them first:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    );
  }
  log(`installing system packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env });
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env });
}

function installedVersion(name) {
  const manifest = join(TOOLS_DIR, 'node_modules', name, 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

export function toolsInstalled() {
  return Object.entries(TOOL_VERSIONS).every(([name, version]) => installedVersion(name) === version);
}

/**
 * code-server depends on @vscode/ripgrep, whose postinstall downloads `rg` from GitHub. Putting
 * the Debian `rg` into its download cache (under TMPDIR) lets the install work offline.
 * The cache names follow @vscode/ripgrep 1.15.11 as used by code-server 4.100.3.
 */
function preseedRipgrepCache(tmpDir) {
  const targets = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };
  const target = targets[arch()];
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!target || !rg) {
    return;
  }
  const cacheDir = join(tmpDir, 'vscode-ripgrep-cache-1.15.11');
  mkdirSync(cacheDir, { recursive: true });
  run('tar', ['czf', join(cacheDir, `ripgrep-v13.0.0-10-${target}.tar.gz`), '-C', dirname(rg), 'rg']);
}

/** Installs code-server and playwright-core into .e2e/ unless the pinned versions are there. */
export function ensureTools(log) {
  if (toolsInstalled()) {
    return false;
  }
  log(
    `installing ${Object.entries(TOOL_VERSIONS)
      .map(([n, v]) => `${n}@${v}`)
      .join(', ')} into .e2e/ (about 1–2 minutes)`,
  );
  const tmpDir = join(TOOLS_DIR, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const manifest = {
    name: 'cloud-study-notes-dev-tools',
    private: true,
    description: 'Written by scripts/codeServer.mjs: tools for npm start and npm run test:e2e. Not shipped.',
    dependencies: TOOL_VERSIONS,
  };
  writeFileSync(join(TOOLS_DIR, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  preseedRipgrepCache(tmpDir);
  run('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: TOOLS_DIR,
    env: {
      ...process.env,
      TMPDIR: tmpDir, // where @vscode/ripgrep looks for its pre-seeded cache
      npm_config_yes: 'true', // node-pty's `npx node-gyp` must not wait for a prompt
      npm_config_unsafe_perm: 'true', // what --unsafe-perm sets; code-server's postinstall refuses to run as root without it
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    },
  });
  if (!toolsInstalled()) {
    throw new Error('npm install in .e2e/ finished but the pinned versions are not there');
  }
  return true;
}

/** Installs the extension's own dependencies on a fresh clone, then bundles it into dist/. */
export function buildExtension(log) {
  ensureDependencies(log);
  log('building the extension (npm run build)');
  run('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT });
  for (const file of ['dist/extension.js', 'dist/server.js']) {
    if (!existsSync(join(REPO_ROOT, file))) {
      throw new Error(`the build did not produce ${file}`);
    }
  }
}

/** Resolves with `port` when nothing listens on it on 127.0.0.1, or with a free port when `port` is 0. */
export function probePort(port = 0) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address();
      server.close(() => resolve(bound));
    });
  });
}

/**
 * The address that opens `workspace` with the extension at `extensionPath` loaded as under
 * development (window title: "[Extension Development Host]"), or with the installed extensions
 * only when `extensionPath` is null.
 */
export function workbenchUrl({ port, workspace, extensionPath = REPO_ROOT }) {
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  if (extensionPath === null) {
    return url;
  }
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${extensionPath}`]];
  return `${url}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Adds our settings to the user settings, keeping whatever else the user set there. */
function writeUserSettings(userDataDir) {
  const file = join(userDataDir, 'User', 'settings.json');
  mkdirSync(dirname(file), { recursive: true });
  let existing = {};
  try {
    existing = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // missing, or with comments VS Code allows but JSON.parse does not: start over
  }
  writeFileSync(file, `${JSON.stringify({ ...existing, ...USER_SETTINGS }, null, 2)}\n`);
}

async function waitForHealth(port, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs / 1000} s`);
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The folders of one code-server's state below `stateDir`, created. */
export function codeServerDirs(stateDir) {
  const dirs = Object.fromEntries(['user-data', 'extensions', 'home', 'tmp'].map((d) => [d, join(stateDir, d)]));
  for (const dir of Object.values(dirs)) {
    mkdirSync(dir, { recursive: true });
  }
  return dirs;
}

/** The folders of one code-server's state, and how to run it on them. */
function codeServerState(stateDir) {
  const dirs = codeServerDirs(stateDir);
  const bin = join(TOOLS_DIR, 'node_modules', '.bin', 'code-server');
  if (!existsSync(bin)) {
    throw new Error(`${bin} is missing: run ensureTools() first`);
  }
  return {
    dirs,
    bin,
    args: ['--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions],
    env: { ...process.env, HOME: dirs.home, TMPDIR: dirs.tmp },
  };
}

/**
 * Installs .vsix files into the code-server whose state is in `stateDir`, as a user's
 * *Install from VSIX* does; returns the installed extensions as `publisher.name@version` lines.
 */
export function installExtensions(stateDir, vsixFiles) {
  const { bin, args, env } = codeServerState(stateDir);
  for (const file of vsixFiles) {
    run(bin, [...args, '--install-extension', file], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const listed = spawnSync(bin, [...args, '--list-extensions', '--show-versions'], { env, encoding: 'utf8' });
  return listed.stdout.split('\n').filter(Boolean);
}

/**
 * Starts code-server in its own process group (so stopping it also ends the extension host and
 * the language server), with HOME and TMPDIR inside `stateDir`, in the display language `locale`
 * when given. Resolves once /healthz answers.
 */
export async function startCodeServer({ port, workspace, stateDir, extensionPath = REPO_ROOT, locale }) {
  const { dirs, bin, args: stateArgs, env } = codeServerState(stateDir);
  writeUserSettings(dirs['user-data']);

  const logFile = join(stateDir, 'code-server.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  const args = [
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    ...(locale ? ['--locale', locale] : []),
    ...stateArgs,
    workspace,
  ];
  const child = spawn(bin, args, {
    detached: true, // setsid: a process group of its own that stop() can end as a whole
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  async function stop() {
    for (const [signal, waitMs] of [
      ['SIGTERM', 5000],
      ['SIGKILL', 2000],
    ]) {
      if (!groupAlive(child.pid)) {
        break;
      }
      try {
        process.kill(-child.pid, signal);
      } catch {
        break; // the group ended meanwhile
      }
      const deadline = Date.now() + waitMs;
      while (groupAlive(child.pid) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    log.end();
  }

  try {
    await waitForHealth(port, child, 60_000);
  } catch (err) {
    await stop();
    throw new Error(`${err.message}; see ${logFile}`);
  }
  return { port, url: workbenchUrl({ port, workspace, extensionPath }), logFile, exited, stop };
}

/**
 * Everything before starting: system packages (the build ones only when the tools still need
 * installing; the browser ones when `browser` is set), the tools in .e2e/, and the build unless
 * `build` is false (an installed .vsix brings its own).
 */
export function prepare({ browser, log, build = true }) {
  const packages = [...(toolsInstalled() ? [] : BUILD_PACKAGES), ...(browser ? BROWSER_PACKAGES : [])];
  ensureSystemPackages(packages, log);
  ensureTools(log);
  if (build) {
    buildExtension(log);
  }
}
