// `npm run test:e2e [-- --vsix FILE] [-- --locale en|ko|en,ko]`: drives a real VS Code (code-server)
// in headless Chromium on a copy of samples/, once per display language (default: English, then
// Korean): hover on a Korean term with a particle, the quiz panel and its stats pictures, the Anki
// export, outdated-fact warnings, the services view and the knowledge map, each checked in that language. The extension is the source folder loaded for development, or with
// --vsix the packaged file installed as a user installs it. Not part of `npm test` (it installs
// ~300 MB of tools on the first run).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CHROMIUM_PATH,
  installExtensions,
  logger,
  prepare,
  probePort,
  REPO_ROOT,
  SAMPLES_DIR,
  startCodeServer,
  TOOLS_DIR,
} from './codeServer.mjs';
import { installLanguagePack } from './languagePack.mjs';

const log = logger('e2e');
const SCREENSHOTS_DIR = join(TOOLS_DIR, 'screenshots');
const LOGS_DIR = join(TOOLS_DIR, 'logs');
const STALE_NOTE = '04-saa-stale-facts.md';
const NOTE = '02-compute.md';
/** A term with a particle glued to it, as the first line of NOTE writes it, and the glossary shortName it must resolve to. */
const HOVER_WORD = { text: 'EC2를', term: 'EC2' };
/** The fact STALE_NOTE must be warned about, with its message in the display language. */
const STALE_FACT = 's3-strong-consistency';
const LOCALES = ['en', 'ko'];
/** The services view's title in either display language (pane headers show it in capitals). */
const SERVICES_VIEW_TITLE = /^(?:AWS services in my notes|내 노트의 AWS 서비스)$/i;

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

/** The dated fact `id` from server/knowledge/facts/*.json. */
function factEntry(id) {
  const dir = join(REPO_ROOT, 'server', 'knowledge', 'facts');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const fact = JSON.parse(readFileSync(join(dir, file), 'utf8')).facts.find((f) => f.id === id);
    if (fact) {
      return fact;
    }
  }
  throw new Error(`no dated fact "${id}" in ${dir}`);
}

/** The extension's UI text in `locale`, from the same files VS Code reads: package.nls*.json and l10n/. */
function uiText(locale) {
  const readJson = (...path) => JSON.parse(readFileSync(join(REPO_ROOT, ...path), 'utf8'));
  const nls = { ...readJson('package.nls.json'), ...(locale === 'en' ? {} : readJson(`package.nls.${locale}.json`)) };
  const bundle = locale === 'en' ? {} : readJson('l10n', `bundle.l10n.${locale}.json`);
  const t = (english) => bundle[english] ?? english;
  return {
    quizCommand: `${nls['cloudNotes.category']}: ${nls['cloudNotes.openQuiz.title']}`,
    ankiCommand: `${nls['cloudNotes.category']}: ${nls['cloudNotes.exportQuizToAnki.title']}`,
    mapCommand: `${nls['cloudNotes.category']}: ${nls['cloudNotes.openKnowledgeMap.title']}`,
    servicesView: nls['cloudNotes.services.name'],
    wholeWorkspace: t('Whole workspace'),
    showAnswer: t('Show answer'),
  };
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

async function openWorkbench(page, url, { installed }) {
  await page.goto(url);
  await page.locator('.monaco-workbench .explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  const title = await page.title();
  if (title.includes('Extension Development Host') === installed) {
    throw new Error(`the extension was ${installed ? '' : 'not '}loaded for development (window title: "${title}")`);
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

/** The hover names the term and gives both definitions, the display language's first. */
async function hoverTerm(page, locale) {
  const entry = glossaryEntry(HOVER_WORD.term);
  const other = locale === 'ko' ? 'en' : 'ko';
  const [first, second] = [entry.definition[locale], entry.definition[other]].map((d) => squash(d).slice(0, 20));
  const hover = page.locator('.monaco-hover:visible').first();
  const expected = (text) => text.includes(entry.name) && text.includes(first) && text.indexOf(first) < text.indexOf(second);
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
        await page.waitForTimeout(500); // the hover fades in: let the screenshot show it whole
        return;
      }
      if (lastText && !/^Loading/.test(lastText)) {
        break;
      } // a finished hover without our part
    }
  }
  throw new Error(
    `hover on "${HOVER_WORD.text}" did not show "${entry.name}" and its ${locale} definition first; last hover: "${lastText.slice(0, 200) || '(none)'}"`,
  );
}

/** The stale-facts note gets warning squiggles, and the Problems panel lists them with what changed, in the display language. */
async function staleFactWarnings(page, locale) {
  await openNote(page, STALE_NOTE);
  await page.waitForFunction(() => document.querySelectorAll('.monaco-editor .squiggly-warning').length >= 3, null, { timeout: 30_000 });
  await page.keyboard.press('Control+Shift+M');
  const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: STALE_FACT }).first();
  await row.waitFor({ timeout: 10_000 });
  const text = squash(await row.innerText());
  const changed = squash(factEntry(STALE_FACT).changed[locale]).slice(0, 30);
  if (!text.includes(changed)) {
    throw new Error(`the ${STALE_FACT} warning does not say "${changed}…": "${text.slice(0, 200)}"`);
  }
  log(`problem: ${text.slice(0, 160)}`);
}

/** The quiz command, its scope picker and the panel's question and buttons, in the display language. */
async function openQuiz(page, locale) {
  const text = uiText(locale);
  await page.keyboard.press('Escape');
  if (!(await pickFromQuickInput(page, 'F1', text.quizCommand, text.quizCommand, 5000))) {
    throw new Skip('command not found');
  }
  // The command first asks what to study.
  if (!(await pickFromQuickInput(page, null, null, text.wholeWorkspace, 15_000))) {
    const notes = await notifications(page);
    // Listed in package.json but not registered by the extension (yet).
    if (/command '[^']+' not found/i.test(notes)) {
      throw new Skip('command not found');
    }
    throw new Error(`the quiz did not offer the scope "${text.wholeWorkspace}"${notes ? `; notifications: ${notes}` : ''}`);
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
  const button = squash(await app.locator('.card button.primary').first().innerText());
  if (button !== text.showAnswer) {
    throw new Error(`the quiz panel's button reads "${button}", not "${text.showAnswer}"`);
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
async function knowledgeMap(page, locale) {
  const { mapCommand } = uiText(locale);
  await page.keyboard.press('Escape');
  if (!(await pickFromQuickInput(page, 'F1', mapCommand, mapCommand, 5000))) {
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

/** Export Quiz Cards to Anki with the quiz panel open: the save dialog's default file gets the panel's cards. */
async function exportToAnki(page, locale, workspace) {
  const { ankiCommand } = uiText(locale);
  await page
    .locator('.monaco-workbench')
    .click({ position: { x: 5, y: 5 } })
    .catch(() => {});
  if (!(await pickFromQuickInput(page, 'F1', ankiCommand, ankiCommand, 5000))) {
    throw new Error(`the command palette did not list "${ankiCommand}"`);
  }
  // code-server's save dialog is a quick input holding the default path: accept it.
  await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
  const file = join(workspace, 'cloud-notes.anki.txt');
  for (const until = Date.now() + 15_000; !existsSync(file) && Date.now() < until;) {
    await page.waitForTimeout(250);
  }
  if (!existsSync(file)) {
    throw new Error(
      `no ${file} after accepting the save dialog${await notifications(page).then((n) => (n ? `; notifications: ${n}` : ''))}`,
    );
  }
  const lines = readFileSync(file, 'utf8').split('\n');
  const cards = lines.filter((l) => l && !l.startsWith('#')).length;
  if (lines[0] !== '#separator:tab' || cards === 0) {
    throw new Error(`the export is not an Anki file with cards: "${lines.slice(0, 8).join(' | ').slice(0, 200)}"`);
  }
  log(`anki export: ${cards} cards`);
}

/** Keeps the last run's logs (code-server, extension host, our output channel) in .e2e/logs/<locale>/. */
function keepLogs(stateDir, codeServerLog, locale) {
  const dir = join(LOGS_DIR, locale);
  mkdirSync(dir, { recursive: true });
  cpSync(codeServerLog, join(dir, 'code-server.log'));
  const vscodeLogs = join(stateDir, 'user-data', 'logs');
  if (existsSync(vscodeLogs)) {
    cpSync(vscodeLogs, join(dir, 'vscode'), { recursive: true });
  }
  log(`logs in ${dir}`);
}

// ---- main -------------------------------------------------------------------------------------

function options() {
  const { values } = parseArgs({ options: { vsix: { type: 'string' }, locale: { type: 'string', default: LOCALES.join(',') } } });
  const locales = values.locale.split(',');
  const unknown = locales.filter((l) => !LOCALES.includes(l));
  if (unknown.length) {
    throw new Error(`--locale takes ${LOCALES.join(', ')} or a comma-separated list of them, not ${unknown.join(', ')}`);
  }
  const vsix = values.vsix && resolve(values.vsix);
  if (vsix && !existsSync(vsix)) {
    throw new Error(`--vsix: no such file ${vsix} (build it with npm run package)`);
  }
  return { vsix, locales };
}

/**
 * Installs what a user in `locale` would have: the packaged extension (when testing a .vsix) and,
 * for Korean, a display-language pack. Returns the installed extensions.
 */
function installForUser(stateDir, { vsix, locale }) {
  let installed = [];
  if (vsix) {
    installed = installExtensions(stateDir, [vsix]);
    const { publisher, name, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    if (!installed.includes(`${publisher}.${name}@${version}`)) {
      throw new Error(
        `code-server did not install ${publisher}.${name}@${version} from ${vsix}; it lists: ${installed.join(', ') || 'nothing'}`,
      );
    }
  }
  return locale === 'en' ? installed : installLanguagePack(stateDir, locale);
}

/** One run of every step in the display language `locale`, in a code-server and Chromium of its own. */
async function runIn(locale, { vsix, scratch, chromium }) {
  const stateDir = join(scratch, `code-server-${locale}`);
  const workspace = join(scratch, `samples-${locale}`);
  cpSync(SAMPLES_DIR, workspace, { recursive: true });
  const toInstall = [vsix && 'the .vsix', locale !== 'en' && `a ${locale} display language`].filter(Boolean);
  if (toInstall.length) {
    const installed = await step(`[${locale}] install ${toInstall.join(' and ')}`, () => installForUser(stateDir, { vsix, locale }));
    log(`installed: ${installed.join(', ')}`);
  }

  let server;
  let context;
  try {
    server = await step(`[${locale}] start code-server`, async () =>
      startCodeServer({ port: await probePort(0), workspace, stateDir, locale, extensionPath: vsix ? null : REPO_ROOT }),
    );
    context = await step(`[${locale}] launch Chromium`, () =>
      chromium.launchPersistentContext(join(scratch, `chromium-${locale}`), {
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
    await step(`[${locale}] workbench ready with the extension ${vsix ? 'installed' : 'loaded'}`, () =>
      openWorkbench(page, server.url, { installed: Boolean(vsix) }),
    ).catch(async (err) => {
      await screenshot(page, `failure-${locale}`).catch(() => {});
      throw err;
    });
    // The checks below report each failure and go on, so one broken feature does not hide the others.
    await check(page, `[${locale}] open ${NOTE}`, `note-${locale}`, () => openNote(page, NOTE));
    await check(page, `[${locale}] hover "${HOVER_WORD.text}"`, `hover-${locale}`, () => hoverTerm(page, locale));
    await check(page, `[${locale}] run "${uiText(locale).quizCommand}"`, `quiz-${locale}`, () => openQuiz(page, locale));
    await check(page, `[${locale}] quiz stats pictures`, `quiz-stats-${locale}`, () => quizStatsPictures(page));
    await check(page, `[${locale}] run "${uiText(locale).ankiCommand}"`, `anki-${locale}`, () => exportToAnki(page, locale, workspace));
    await check(page, `[${locale}] outdated-fact warnings in ${STALE_NOTE}`, `problems-${locale}`, () => staleFactWarnings(page, locale));
    await check(page, `[${locale}] "${uiText(locale).servicesView}" view`, `services-view-${locale}`, () => servicesView(page));
    await check(page, `[${locale}] run "${uiText(locale).mapCommand}"`, `knowledge-map-${locale}`, () => knowledgeMap(page, locale));
  } finally {
    await context?.close().catch(() => {});
    if (server) {
      await server.stop();
      keepLogs(stateDir, server.logFile, locale);
    }
  }
}

async function main() {
  const { vsix, locales } = options();
  await step('setup (system packages, tools, build)', () => prepare({ browser: true, log, build: !vsix }));
  const { chromium } = createRequire(join(TOOLS_DIR, 'package.json'))('playwright-core');

  for (const dir of [SCREENSHOTS_DIR, LOGS_DIR]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  const scratch = mkdtempSync(join(tmpdir(), 'cloud-notes-e2e-'));
  try {
    for (const locale of locales) {
      // A locale whose workbench never came up is reported; the next one still runs.
      await runIn(locale, { vsix, scratch, chromium }).catch(recordUnexpected);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Failures inside a step are recorded already; anything else (e.g. copying the samples) is recorded here. */
function recordUnexpected(err) {
  if (!results.some((r) => r.status === 'failed' && r.detail === err.message)) {
    results.push({ name: 'e2e script', status: 'failed', seconds: 0, detail: err.message });
  }
}

main()
  .catch(recordUnexpected)
  .finally(() => {
    printReport();
    const failed = results.filter((r) => r.status === 'failed');
    if (failed.length) {
      console.error(`\n[e2e] FAILED:\n${failed.map((r) => `  ${r.name}: ${r.detail}`).join('\n')}`);
      process.exitCode = 1;
    }
  });
