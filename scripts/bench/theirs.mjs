// vscode-markdown-languageservice (the engine behind VS Code's built-in Markdown features) over
// the same notes, in a process of its own so that its memory is measured alone:
//   node scripts/bench/theirs.mjs <dir> <note with the heading to find references of>
// prints one JSON object.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, githubSlugifier, LogLevel } from 'vscode-markdown-languageservice';
import { URI } from 'vscode-uri';
import { firstHeading, listMarkdown, peakRssMB, summarize, time } from './util.mjs';

const REF_SAMPLES = 30;
const READ_BATCH = 16;
const noEvent = () => ({ dispose() {} });

/** IWorkspace over a folder on disk: reads every note on first use, like a language server would. */
class FolderWorkspace {
  docs = new Map();
  onDidChangeMarkdownDocument = noEvent;
  onDidCreateMarkdownDocument = noEvent;
  onDidDeleteMarkdownDocument = noEvent;

  constructor(dir) {
    this.dir = dir;
  }

  get workspaceFolders() {
    return [URI.file(this.dir)];
  }

  async getAllMarkdownDocuments() {
    const files = listMarkdown(this.dir);
    for (let i = 0; i < files.length; i += READ_BATCH) {
      await Promise.all(files.slice(i, i + READ_BATCH).map((f) => this.openMarkdownDocument(URI.file(f))));
    }
    return this.docs.values();
  }

  hasMarkdownDocument(resource) {
    return this.docs.has(resource.toString());
  }

  async openMarkdownDocument(resource) {
    const key = resource.toString();
    const cached = this.docs.get(key);
    if (cached) {
      return cached;
    }
    try {
      const doc = TextDocument.create(key, 'markdown', 1, await fs.readFile(resource.fsPath, 'utf8'));
      this.docs.set(key, doc);
      return doc;
    } catch {
      return undefined;
    }
  }

  async stat(resource) {
    const s = await fs.stat(resource.fsPath).catch(() => undefined);
    return s && { isDirectory: s.isDirectory() };
  }

  async readDirectory(resource) {
    const entries = await fs.readdir(resource.fsPath, { withFileTypes: true });
    return entries.map((e) => [e.name, { isDirectory: e.isDirectory() }]);
  }
}

export async function benchTheirs(dir, hubNote) {
  const md = MarkdownIt({ html: true });
  const parser = { slugifier: githubSlugifier, tokenize: async (doc) => md.parse(doc.getText(), {}) };
  const workspace = new FolderWorkspace(dir);
  const ls = createLanguageService({ workspace, parser, logger: { level: LogLevel.Off, log() {} } });
  const token = new CancellationTokenSource().token;

  // Workspace symbols over all notes: reads, parses and outlines every note (first call is cold).
  const cold = await time(() => ls.getWorkspaceSymbols('', token));
  const warm = await time(() => ls.getWorkspaceSymbols('', token));

  // References to a heading: the first call collects the links of every note.
  const hub = await workspace.openMarkdownDocument(URI.file(path.join(dir, hubNote)));
  const heading = firstHeading(hub.getText());
  const refs = () => ls.getReferences(hub, heading, { includeDeclaration: true }, token);
  const first = await time(refs);
  const ms = [];
  for (let i = 0; i < REF_SAMPLES; i++) {
    ms.push((await time(refs)).ms);
  }
  ls.dispose();
  return {
    files: workspace.docs.size,
    symbols: { coldMs: round(cold.ms), warmMs: round(warm.ms), count: cold.result.length },
    headerRefs: { firstMs: round(first.ms), ...summarize(ms), results: first.result.length },
    peakRssMB: peakRssMB(),
  };
}

const round = (x) => Math.round(x * 10) / 10;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, hubNote] = process.argv.slice(2);
  process.stdout.write(JSON.stringify(await benchTheirs(dir, hubNote)) + '\n');
}
