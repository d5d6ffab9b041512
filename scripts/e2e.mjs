// `npm run test:e2e`: drives a real VS Code (code-server) in headless Chromium with the extension
// under development on a copy of samples/: hover on a Korean term with a particle, the quiz panel,
// outdated-fact warnings, the services view and the knowledge map. Not part of `npm test` (it installs ~300 MB of tools on the first run).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH, logger, prepare, probePort, REPO_ROOT, SAMPLES_DIR, startCodeServer, TOOLS_DIR } from './codeServer.mjs';

const log = logger('e2e');
const SCREENSHOTS_DIR = join(TOOLS_DIR, 'screenshots');
const LOGS_DIR = join(TOOLS_DIR, 'logs');
const STALE_NOTE = '04-saa-stale-facts.md';
const NOTE = '02-compute.md';
/** A term with a particle glued to it, as the first line of NOTE writes it, and the glossary shortName it must resolve to. */
const HOVER_WORD = { text: 'EC2를', term: 'EC2' };
const QUIZ_COMMAND = 'Cloud Notes: Open Quiz';
const QUIZ_SCOPE = 'Whole workspace';
const SERVICES_VIEW = 'AWS services in my notes';
/** The view's title in either display language (pane headers show it in capitals). */
const SERVICES_VIEW_TITLE = /^(?:AWS services in my notes|내 노트의 AWS 서비스)$/i;
const MAP_COMMAND = 'Cloud Notes: Open Knowledge Map';

class Skip extends Error {}

// ---- step bookkeeping -------------------------------------------------------------------------

const results = [];

async function step(name, fn) {
  const start = performance.now();
  const record = (status, detail) => results.push({ name, status, seconds: (performance.now() - start) / 1000, detail });
  try {
    const value = await fn();
    record('passed');
    return value;
  } catch (err) {
    if (err instanceof Skip) {
      record('skipped', err.message);
      return undefined;
    }
    record('failed', err.message);
    throw err;
  }
}

/** A step whose failure is recorded but does not stop the run; screenshots the page either way. */
async function check(page, name, shot, fn) {
  const ok = await step(name, fn).then(
    () => true,
    () => false,
  );
  await screenshot(page, ok ? shot : `${shot}-failed`).catch(() => {});
  await page.keyboard.press('Escape').catch(() => {}); // close whatever the step left open
}

function printReport() {
  console.log('\n[e2e] report');
  for (const r of results) {
    const detail = r.detail ? ` — ${r.detail.split('\n')[0]}` : '';
    console.log(`  ${r.status.padEnd(7)} ${r.seconds.toFixed(1).padStart(6)} s  ${r.name}${detail}`);
  }
  const total = results.reduce((sum, r) => sum + r.seconds, 0);
  const count = (status) => results.filter((r) => r.status === status).length;
  console.log(`  total ${total.toFixed(1)} s; screenshots in ${SCREENSHOTS_DIR}`);
  console.log(`e2e: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
}

// ---- expectations from the glossary -----------------------------------------------------------

/** The glossary entry whose shortName is `term`, from server/knowledge/glossary/*.json. */
function glossaryEntry(term) {
  const dir = join(REPO_ROOT, 'server', 'knowledge', 'glossary');
  let files = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    // no glossary yet: reported below
  }
  for (const file of files) {
    const { entries = [] } = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const entry = entries.find((e) => e.shortName === term);
    if (entry) {
      return entry;
    }
  }
  throw new Error(`no glossary entry with shortName "${term}" in ${dir}`);
}

const squash = (text) => text.replace(/\s+/g, ' ').trim();

// ---- UI helpers -------------------------------------------------------------------------------

async function screenshot(page, name) {
  const file = join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  log(`screenshot ${file}`);
}

/** Centre of the first `part` characters of `word` as rendered in the editor, or null if not visible. */
function wordPosition(page, word, part) {
  return page.evaluate(
    ([word, part]) => {
      // A word may span several text nodes: semantic highlighting puts a term in a span of its own.
      for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
        const nodes = [];
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          nodes.push(node);
        }
        const at = nodes
          .map((n) => n.data)
          .join('')
          .indexOf(word);
        if (at < 0) {
          continue;
        }
        const place = (offset) => {
          for (const node of nodes) {
            if (offset <= node.data.length) {
              return [node, offset];
            }
            offset -= node.data.length;
          }
          return [nodes[nodes.length - 1], nodes[nodes.length - 1].data.length];
        };
        const range = document.createRange();
        range.setStart(...place(at));
        range.setEnd(...place(at + part.length));
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
      return null;
    },
    [word, part],
  );
}

/** The text of the notification toasts on screen, joined. */
async function notifications(page) {
  const texts = await page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
  return texts.map(squash).join(' | ');
}

/** Types into the quick input opened by `key` and picks the row whose label is exactly `label`. */
async function pickFromQuickInput(page, key, text, label, timeout) {
  if (key) {
    await page.keyboard.press(key);
  }
  const widget = page.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible', timeout: 10_000 });
  if (text) {
    await page.keyboard.type(text);
  }
  const row = widget
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\W*${escapeRegExp(label)}$`) }) });
  try {
    await row.first().waitFor({ state: 'visible', timeout });
  } catch {
    await page.keyboard.press('Escape');
    return false;
  }
  await row.first().click();
  return true;
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---- the steps --------------------------------------------------------------------------------

async function openWorkbench(page, url) {
  await page.goto(url);
  await page.locator('.monaco-workbench .explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  const title = await page.title();
  if (!title.includes('Extension Development Host')) {
    throw new Error(`the extension was not loaded for development (window title: "${title}")`);
  }
}

async function openNote(page, name) {
  await page
    .locator('.monaco-workbench')
    .click({ position: { x: 5, y: 5 } })
    .catch(() => {});
  await pickFromQuickInput(page, 'Control+P', name, name, 10_000).then((found) => {
    if (!found) {
      throw new Error(`Quick Open did not list ${name}`);
    }
  });
  await page.locator(`.tab[data-resource-name="${name}"], .tab[aria-label*="${name}"]`).first().waitFor({ timeout: 10_000 });
  await page.locator('.monaco-editor .view-line').first().waitFor({ timeout: 10_000 });
}

async function hoverTerm(page) {
  const entry = glossaryEntry(HOVER_WORD.term);
  const definitions = [entry.definition.ko, entry.definition.en].map((d) => squash(d).slice(0, 20));
  const hover = page.locator('.monaco-hover:visible').first();
  const expected = (text) => text.includes(entry.name) && definitions.some((d) => text.includes(d));
  // The language server indexes the notes after start-up, so the first hovers may come back empty:
  // hover again until the expected content shows or time runs out.
  const deadline = Date.now() + 45_000;
  let lastText = '';
  while (Date.now() < deadline) {
    const at = await wordPosition(page, HOVER_WORD.text, HOVER_WORD.term);
    if (!at) {
      throw new Error(`"${HOVER_WORD.text}" is not visible in the editor`);
    }
    await page.mouse.move(at.x, at.y + 200);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    // Wait while the hover says "Loading…" (providers still answering), up to 10 s per attempt.
    for (const until = Date.now() + 10_000; Date.now() < until; await page.waitForTimeout(250)) {
      lastText = (await hover.isVisible()) ? squash(await hover.innerText().catch(() => '')) : '';
      if (expected(lastText)) {
        return;
      }
      if (lastText && !/^Loading/.test(lastText)) {
        break;
      } // a finished hover without our part
    }
  }
  throw new Error(
    `hover on "${HOVER_WORD.text}" did not show "${entry.name}" and its definition; last hover: "${lastText.slice(0, 200) || '(none)'}"`,
  );
}

/** The stale-facts note gets warning squiggles, and the Problems panel lists them with what changed. */
async function staleFactWarnings(page) {
  await openNote(page, STALE_NOTE);
  await page.waitForFunction(() => document.querySelectorAll('.monaco-editor .squiggly-warning').length >= 3, null, { timeout: 30_000 });
  await page.keyboard.press('Control+Shift+M');
  const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 's3-strong-consistency' }).first();
  await row.waitFor({ timeout: 10_000 });
  const text = squash(await row.innerText());
  if (!/2020/.test(text)) {
    throw new Error(`the S3 consistency warning does not say when it changed: "${text.slice(0, 200)}"`);
  }
  log(`problem: ${text.slice(0, 160)}`);
}

async function openQuiz(page) {
  await page.keyboard.press('Escape');
  if (!(await pickFromQuickInput(page, 'F1', QUIZ_COMMAND, QUIZ_COMMAND, 5000))) {
    throw new Skip('command not found');
  }
  // The command first asks what to study.
  if (!(await pickFromQuickInput(page, null, null, QUIZ_SCOPE, 15_000))) {
    const notes = await notifications(page);
    // Listed in package.json but not registered by the extension (yet).
    if (/command '[^']+' not found/i.test(notes)) {
      throw new Skip('command not found');
    }
    throw new Error(`the quiz did not offer the scope "${QUIZ_SCOPE}"${notes ? `; notifications: ${notes}` : ''}`);
  }
  const app = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('#app');
  const prompt = app.locator('.card .prompt');
  try {
    await prompt.first().waitFor({ state: 'visible', timeout: 30_000 });
  } catch {
    const shown = await app.innerText({ timeout: 1000 }).catch(() => '(no quiz webview)');
    const notes = await notifications(page);
    throw new Error(
      `the quiz panel shows no question; it shows: "${squash(shown).slice(0, 200)}"${notes ? `; notifications: ${notes}` : ''}`,
    );
  }
  const question = squash(await prompt.first().innerText());
  if (!question) {
    throw new Error('the quiz question is empty');
  }
  log(`quiz question: ${question}`);
}

/** One card answered and graded, then the stats view draws reviews per day and retention over time. */
async function quizStatsPictures(page) {
  const app = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('#app');
  await app.locator('.card .prompt').first().click();
  await page.keyboard.press('Space');
  await app.locator('.grades').waitFor({ timeout: 10_000 });
  await page.keyboard.press('3');
  await page.keyboard.press('s');
  await app.locator('.chart svg').first().waitFor({ timeout: 10_000 });
  const bars = await app.locator('.chart svg rect').count();
  if (bars !== 30) {
    throw new Error(`the reviews chart has ${bars} day bars, not 30`);
  }
  log(`quiz stats: ${bars} day bars, ${await app.locator('.chart svg circle').count()} retention points`);
}

/** The Explorer's services view lists EC2 under Compute with its counts (in English or Korean). */
async function servicesView(page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+E');
  // Room for the view: the folder list and the bottom panel make way.
  const folders = page.locator('.pane-header', { hasText: 'samples' }).first();
  if ((await folders.getAttribute('aria-expanded')) === 'true') {
    await folders.click();
  }
  await page.keyboard.press('Control+J');
  const header = page
    .locator('.pane-header')
    .filter({ has: page.locator('h3.title', { hasText: SERVICES_VIEW_TITLE }) })
    .first();
  await header.waitFor({ timeout: 10_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') {
    await header.click();
  }
  const pane = page.locator('.pane', { has: header });
  const row = (label) =>
    pane.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
  await row('(?:Compute|컴퓨팅)').first().click({ timeout: 45_000 });
  await row('EC2').first().waitFor({ timeout: 10_000 });
  // The outdated claims are counted after the first answer: wait for the samples' EC2 claims.
  await pane
    .locator('.monaco-list-row', { hasText: /EC2.*(?:outdated|오래된 내용)/ })
    .first()
    .waitFor({ timeout: 30_000 });
  log(`services view: ${squash(await row('EC2').first().innerText())}`);
}

/** The knowledge map draws the graph (cytoscape canvases) with its filters. */
async function knowledgeMap(page) {
  await page.keyboard.press('Escape');
  if (!(await pickFromQuickInput(page, 'F1', MAP_COMMAND, MAP_COMMAND, 5000))) {
    throw new Error('command not found');
  }
  const app = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame').locator('#app');
  await app.locator('.graph canvas').first().waitFor({ timeout: 30_000 });
  const categories = await app.locator('select').first().locator('option').count();
  if (categories < 2) {
    throw new Error('the category filter offers no category');
  }
  await page.waitForTimeout(1000); // let the layout settle for the screenshot
  log(`knowledge map: ${categories - 1} categories`);
}

/** Keeps the last run's logs (code-server, extension host, our output channel) in .e2e/logs/. */
function keepLogs(scratch, codeServerLog) {
  rmSync(LOGS_DIR, { recursive: true, force: true });
  mkdirSync(LOGS_DIR, { recursive: true });
  cpSync(codeServerLog, join(LOGS_DIR, 'code-server.log'));
  const vscodeLogs = join(scratch, 'code-server', 'user-data', 'logs');
  if (existsSync(vscodeLogs)) {
    cpSync(vscodeLogs, join(LOGS_DIR, 'vscode'), { recursive: true });
  }
  log(`logs in ${LOGS_DIR}`);
}

// ---- main -------------------------------------------------------------------------------------

async function main() {
  await step('setup (system packages, tools, build)', () => prepare({ browser: true, log }));
  const { chromium } = createRequire(join(TOOLS_DIR, 'package.json'))('playwright-core');

  rmSync(SCREENSHOTS_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'cloud-notes-e2e-'));
  const workspace = join(scratch, 'samples');
  cpSync(SAMPLES_DIR, workspace, { recursive: true });

  let server;
  let context;
  try {
    server = await step('start code-server', async () =>
      startCodeServer({ port: await probePort(0), workspace, stateDir: join(scratch, 'code-server') }),
    );
    context = await step('launch Chromium', () =>
      chromium.launchPersistentContext(join(scratch, 'chromium'), {
        executablePath: CHROMIUM_PATH,
        viewport: { width: 1400, height: 900 },
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      }),
    );
    const page = context.pages()[0] ?? (await context.newPage());
    await step('workbench ready with the extension loaded', () => openWorkbench(page, server.url)).catch(async (err) => {
      await screenshot(page, 'failure').catch(() => {});
      throw err;
    });
    // The checks below report each failure and go on, so one broken feature does not hide the others.
    await check(page, `open ${NOTE}`, 'note', () => openNote(page, NOTE));
    await check(page, `hover "${HOVER_WORD.text}"`, 'hover', () => hoverTerm(page));
    await check(page, `run "${QUIZ_COMMAND}"`, 'quiz', () => openQuiz(page));
    await check(page, 'quiz stats pictures', 'quiz-stats', () => quizStatsPictures(page));
    await check(page, `outdated-fact warnings in ${STALE_NOTE}`, 'problems', () => staleFactWarnings(page));
    await check(page, `"${SERVICES_VIEW}" view`, 'services-view', () => servicesView(page));
    await check(page, `run "${MAP_COMMAND}"`, 'knowledge-map', () => knowledgeMap(page));
  } finally {
    await context?.close().catch(() => {});
    if (server) {
      await server.stop();
      keepLogs(scratch, server.logFile);
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

main()
  .catch((err) => {
    // Failures inside a step are recorded already; anything else (e.g. copying the samples) is not.
    if (!results.some((r) => r.status === 'failed')) {
      results.push({ name: 'e2e script', status: 'failed', seconds: 0, detail: err.message });
    }
  })
  .finally(() => {
    printReport();
    const failed = results.filter((r) => r.status === 'failed');
    if (failed.length) {
      console.error(`\n[e2e] FAILED:\n${failed.map((r) => `  ${r.name}: ${r.detail}`).join('\n')}`);
      process.exitCode = 1;
    }
  });
