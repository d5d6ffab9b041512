// `cloud-notes check [paths…] [--format text|json] [--min-severity error|warning|information|hint] [--locale ko|en] [--knowledge-dir dir]`
// The same checks as the editor, for a terminal or a study group's CI, with the team's knowledge
// (`.cloud-notes/` of the nearest folder above the first path, or --knowledge-dir).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { LanguageService } from './languageService';
import { withUserKnowledge } from './knowledge/userKnowledge';
import { readUserKnowledge } from './workspace/userKnowledgeFiles';
import { decodeNote } from './workspace/decodeNote';
import { FileWorkspace } from './workspace/fileWorkspace';
import { toLocale } from './l10n';

const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
type SeverityName = (typeof SEVERITIES)[number];

const USAGE = `usage: cloud-notes check [paths…] [--format text|json] [--min-severity ${SEVERITIES.join('|')}] [--locale ko|en] [--knowledge-dir dir]`;

interface Options {
  paths: string[];
  format: 'text' | 'json';
  minSeverity: SeverityName;
  locale: 'ko' | 'en';
  /** Folders holding the team's glossary.json and facts.json. */
  knowledgeDirs: string[];
}

class UsageError extends Error {}

interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: SeverityName;
  rule: string;
  message: string;
  source?: string;
}

export function parseArgs(argv: string[]): Options {
  const [command, ...rest] = argv;
  if (command !== 'check') {
    throw new UsageError(command ? `unknown command: ${command}` : 'missing command');
  }
  const options: Options = {
    paths: [],
    format: 'text',
    minSeverity: 'warning',
    locale: toLocale(process.env.LC_ALL || process.env.LANG),
    knowledgeDirs: [],
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) {
        throw new UsageError(`${arg} needs a value`);
      }
      return v;
    };
    if (arg === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') {
        throw new UsageError(`--format must be text or json, not ${v}`);
      }
      options.format = v;
    } else if (arg === '--min-severity') {
      const v = value() as SeverityName;
      if (!SEVERITIES.includes(v)) {
        throw new UsageError(`--min-severity must be one of ${SEVERITIES.join(', ')}, not ${v}`);
      }
      options.minSeverity = v;
    } else if (arg === '--locale') {
      const v = value();
      if (v !== 'ko' && v !== 'en') {
        throw new UsageError(`--locale must be ko or en, not ${v}`);
      }
      options.locale = v;
    } else if (arg === '--knowledge-dir') {
      options.knowledgeDirs.push(value());
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option: ${arg}`);
    } else {
      options.paths.push(arg);
    }
  }
  if (!options.paths.length) {
    options.paths.push('.');
  }
  return options;
}

/** Every Markdown file named or below a named folder; a path that cannot be read is told to `unreadable`. */
async function notesUnder(paths: string[], unreadable: (p: string, why: string) => void): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => undefined);
    if (!stat) {
      unreadable(p, 'no such file or folder');
    } else if (stat.isDirectory()) {
      const listable = await fs.readdir(p).then(
        () => true,
        (e: NodeJS.ErrnoException) => unreadable(p, e.code ?? e.message),
      );
      if (listable) {
        files.push(...(await new FileWorkspace([path.resolve(p)]).listNotes()).map((n) => URI.parse(n.uri).fsPath));
      }
    } else if (stat.isFile()) {
      files.push(path.resolve(p));
    } else {
      unreadable(p, 'not a regular file');
    }
  }
  return files.sort();
}

/** The --knowledge-dir files, or else those of the nearest `.cloud-notes/` at or above the first path. */
async function teamKnowledge(options: Options) {
  if (options.knowledgeDirs.length) {
    return readUserKnowledge(
      [],
      options.knowledgeDirs.map((d) => path.resolve(d)),
    );
  }
  const first = path.resolve(options.paths[0]);
  const start = (await fs.stat(first).catch(() => undefined))?.isDirectory() ? first : path.dirname(first);
  for (let dir = start; ; dir = path.dirname(dir)) {
    const sources = await readUserKnowledge([dir]);
    if (sources.length || dir === path.dirname(dir)) {
      return sources;
    }
  }
}

/** Checks every readable note; exit code 2 when some path could not be read (after checking the rest), else 1 on findings. */
export async function check(options: Options, write: (s: string) => void): Promise<number> {
  let failed = false;
  const unreadable = (p: string, why: string) => {
    failed = true;
    process.stderr.write(`cloud-notes: cannot read ${p}: ${why}\n`);
  };
  const files = await notesUnder(options.paths, unreadable);
  const team = withUserKnowledge(await teamKnowledge(options), options.locale);
  team.ignored.forEach((m) => process.stderr.write(`cloud-notes: ${m}\n`));
  const service = new LanguageService({
    workspace: new FileWorkspace([]),
    knowledge: team.knowledge,
    locale: options.locale,
    logger: { info: () => {}, warn: (m) => process.stderr.write(m + '\n') },
  });
  const threshold = SEVERITIES.indexOf(options.minSeverity) + 1;
  const findings: Finding[] = [];
  const report = (file: string, diagnostics: Diagnostic[]) => {
    for (const d of diagnostics) {
      if ((d.severity ?? DiagnosticSeverity.Error) > threshold) {
        continue;
      }
      findings.push({
        file: path.relative(process.cwd(), file),
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: SEVERITIES[(d.severity ?? 1) - 1],
        rule: String(d.code),
        message: d.message as string,
        source: d.codeDescription?.href,
      });
    }
  };
  for (const [uri, diagnostics] of team.diagnostics) {
    report(URI.parse(uri).fsPath, diagnostics);
  }
  for (const file of files) {
    const bytes = await fs
      .readFile(file)
      .catch((e: NodeJS.ErrnoException) => unreadable(path.relative(process.cwd(), file), e.code ?? e.message));
    if (!bytes) {
      continue;
    }
    const decoded = decodeNote(bytes);
    if ('skipped' in decoded) {
      process.stderr.write(`${path.relative(process.cwd(), file)}: skipped: ${decoded.skipped}\n`);
      continue;
    }
    report(file, service.diagnostics(TextDocument.create(URI.file(file).toString(), 'markdown', 0, decoded.text)));
  }
  if (options.format === 'json') {
    write(JSON.stringify(findings, null, 2) + '\n');
  } else {
    for (const f of findings) {
      write(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}\n`);
    }
  }
  return failed ? 2 : findings.length ? 1 : 0;
}

async function main(): Promise<void> {
  // Piped into `head`: a closed pipe ends the output quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') {
      throw e;
    }
    process.exit(process.exitCode ?? 0);
  });
  try {
    process.exitCode = await check(parseArgs(process.argv.slice(2)), (s) => process.stdout.write(s));
  } catch (e) {
    if (!(e instanceof UsageError)) {
      throw e;
    }
    process.stderr.write(`cloud-notes: ${e.message}\n${USAGE}\n`);
    process.exitCode = 2;
  }
}

if (require.main === module) {
  void main();
}
