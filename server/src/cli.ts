// `cloud-notes check [paths…] [--format text|json|sarif|github] [--min-severity error|warning|information|hint] [--locale ko|en]`
// The same checks as the editor, for a terminal or a study group's CI.
// `cloud-notes quiz export [paths…] [--format anki-tsv] [--deck NAME] [--locale ko|en]`
// The quiz cards of the notes, for Anki.
// Both take [--max-file-size-mb N] and [--knowledge-dir dir], and use the team's knowledge (`.cloud-notes/` of the
// nearest folder at or above the first path, or the --knowledge-dir folders).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Range } from 'vscode-languageserver-types';
import { LanguageService } from './languageService';
import type { Knowledge } from './knowledge/loadKnowledge';
import { withUserKnowledge, type UserKnowledge } from './knowledge/userKnowledge';
import { readUserKnowledge } from './workspace/userKnowledgeFiles';
import { decodeNote, DEFAULT_LIMITS, type DecodeLimits } from './workspace/decodeNote';
import { FileWorkspace } from './workspace/fileWorkspace';
import { toLocale } from './l10n';
import { SEVERITIES, type Finding, type SeverityName } from './report/finding';
import { toSarif } from './report/sarif';
import { toGithubAnnotation } from './report/githubAnnotations';
import { ruleDescriber } from './report/ruleInfo';
import { ankiTsv, DEFAULT_DECK } from './quiz/ankiExport';
import { homepage, version } from '../../package.json';

const CHECK_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
const EXPORT_FORMATS = ['anki-tsv'] as const;

const MAX_FILE_SIZE_FLAG = '--max-file-size-mb';

const USAGE = `usage: cloud-notes check [paths…] [--format ${CHECK_FORMATS.join('|')}] [--min-severity ${SEVERITIES.join('|')}] [--locale ko|en] [${MAX_FILE_SIZE_FLAG} N] [--knowledge-dir dir]
       cloud-notes quiz export [paths…] [--format ${EXPORT_FORMATS.join('|')}] [--deck NAME] [--locale ko|en] [${MAX_FILE_SIZE_FLAG} N] [--knowledge-dir dir]`;

interface CheckOptions {
  command: 'check';
  paths: string[];
  format: (typeof CHECK_FORMATS)[number];
  minSeverity: SeverityName;
  locale: 'ko' | 'en';
  limits: DecodeLimits;
  /** Folders holding the team's glossary.json and facts.json. */
  knowledgeDirs: string[];
}

interface ExportOptions {
  command: 'quiz export';
  paths: string[];
  format: (typeof EXPORT_FORMATS)[number];
  deck: string;
  locale: 'ko' | 'en';
  limits: DecodeLimits;
  /** Folders holding the team's glossary.json and facts.json. */
  knowledgeDirs: string[];
}

type Options = CheckOptions | ExportOptions;

class UsageError extends Error {}

export function parseArgs(argv: string[]): Options {
  const [command, ...rest] = argv;
  const locale = toLocale(process.env.LC_ALL || process.env.LANG);
  // The size-limit message names the flag that raises the limit, not the editor's setting.
  const limits: DecodeLimits = { maxFileBytes: DEFAULT_LIMITS.maxFileBytes, raiseWith: MAX_FILE_SIZE_FLAG };
  const maxFileSize = (v: string) => {
    const mb = Number(v);
    if (!(mb > 0) || !Number.isFinite(mb)) {
      throw new UsageError(`${MAX_FILE_SIZE_FLAG} must be a positive number, not ${v}`);
    }
    limits.maxFileBytes = mb * 1024 * 1024;
  };
  const knowledgeDirs: string[] = [];
  if (command === 'check') {
    const options: CheckOptions = { command, paths: [], format: 'text', minSeverity: 'warning', locale, limits, knowledgeDirs };
    options.paths = parseOptions(rest, {
      '--format': (v) => (options.format = oneOf('--format', CHECK_FORMATS, v)),
      '--min-severity': (v) => (options.minSeverity = oneOf('--min-severity', SEVERITIES, v)),
      '--locale': (v) => (options.locale = oneOf('--locale', ['ko', 'en'] as const, v)),
      [MAX_FILE_SIZE_FLAG]: maxFileSize,
      '--knowledge-dir': (v) => knowledgeDirs.push(v),
    });
    return options;
  }
  if (command === 'quiz') {
    const [subcommand, ...more] = rest;
    if (subcommand !== 'export') {
      throw new UsageError(subcommand ? `unknown quiz command: ${subcommand}` : 'missing quiz command: export');
    }
    const options: ExportOptions = {
      command: 'quiz export',
      paths: [],
      format: 'anki-tsv',
      deck: DEFAULT_DECK,
      locale,
      limits,
      knowledgeDirs,
    };
    options.paths = parseOptions(more, {
      '--format': (v) => (options.format = oneOf('--format', EXPORT_FORMATS, v)),
      '--deck': (v) => (options.deck = v),
      '--locale': (v) => (options.locale = oneOf('--locale', ['ko', 'en'] as const, v)),
      [MAX_FILE_SIZE_FLAG]: maxFileSize,
      '--knowledge-dir': (v) => knowledgeDirs.push(v),
    });
    return options;
  }
  throw new UsageError(command ? `unknown command: ${command}` : 'missing command');
}

/** Hands each `--option value` to its setter; returns the paths (`.` when none). */
function parseOptions(args: string[], setters: Record<string, (value: string) => void>): string[] {
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (Object.hasOwn(setters, arg)) {
      const value = args[++i];
      if (value === undefined) {
        throw new UsageError(`${arg} needs a value`);
      }
      setters[arg](value);
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option: ${arg}`);
    } else {
      paths.push(arg);
    }
  }
  return paths.length ? paths : ['.'];
}

function oneOf<T extends string>(option: string, allowed: readonly T[], value: string): T {
  if (!allowed.includes(value as T)) {
    const choices = allowed.length <= 2 ? allowed.join(' or ') : `one of ${allowed.join(', ')}`;
    throw new UsageError(`${option} must be ${choices}, not ${value}`);
  }
  return value as T;
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

/** Says on stderr which paths cannot be read, and remembers that some could not. */
function unreadableReporter() {
  let failed = false;
  return {
    unreadable: (p: string, why: string) => {
      failed = true;
      process.stderr.write(`cloud-notes: cannot read ${p}: ${why}\n`);
    },
    failed: () => failed,
  };
}

/** The text of every note given or below a folder given; unreadable and skipped ones are reported and left out. */
async function* readNotes(
  { paths, limits }: Pick<CheckOptions, 'paths' | 'limits'>,
  unreadable: (p: string, why: string) => void,
): AsyncGenerator<{ file: string; text: string }> {
  for (const file of await notesUnder(paths, unreadable)) {
    const bytes = await fs
      .readFile(file)
      .catch((e: NodeJS.ErrnoException) => unreadable(path.relative(process.cwd(), file), e.code ?? e.message));
    if (!bytes) {
      continue;
    }
    const decoded = decodeNote(bytes, limits);
    if ('skipped' in decoded) {
      process.stderr.write(`${path.relative(process.cwd(), file)}: skipped: ${decoded.skipped}\n`);
      continue;
    }
    yield { file, text: decoded.text };
  }
}

/** The built-in knowledge with the team's: the --knowledge-dir files, or those of the nearest `.cloud-notes/` at or above the first path. */
async function teamKnowledge({ knowledgeDirs, paths, locale }: CheckOptions | ExportOptions): Promise<UserKnowledge> {
  const sources = async () => {
    if (knowledgeDirs.length) {
      return readUserKnowledge(
        [],
        knowledgeDirs.map((d) => path.resolve(d)),
      );
    }
    const first = path.resolve(paths[0]);
    const start = (await fs.stat(first).catch(() => undefined))?.isDirectory() ? first : path.dirname(first);
    for (let dir = start; ; dir = path.dirname(dir)) {
      const found = await readUserKnowledge([dir]);
      if (found.length || dir === path.dirname(dir)) {
        return found;
      }
    }
  };
  const team = withUserKnowledge(await sources(), locale);
  team.ignored.forEach((m) => process.stderr.write(`cloud-notes: ${m}\n`));
  return team;
}

/** A service over no workspace folder: the CLI gives it the notes it reads as open documents. */
function serviceFor(knowledge: Knowledge, { locale, limits }: Pick<CheckOptions, 'locale' | 'limits'>): LanguageService {
  return new LanguageService({
    workspace: new FileWorkspace([]),
    knowledge,
    locale,
    logger: { info: () => {}, warn: (m) => process.stderr.write(m + '\n') },
    limits,
  });
}

/** Checks every readable note; exit code 2 when some path could not be read (after checking the rest), else 1 on findings. */
export async function check(options: CheckOptions, write: (s: string) => void): Promise<number> {
  const { unreadable, failed } = unreadableReporter();
  const team = await teamKnowledge(options);
  const { knowledge } = team;
  const service = serviceFor(knowledge, options);
  const threshold = SEVERITIES.indexOf(options.minSeverity);
  const findings: Finding[] = [];
  const report = (file: string, found: { range: Range; severity: SeverityName; rule: string; message: string; source?: string }) => {
    if (SEVERITIES.indexOf(found.severity) > threshold) {
      return;
    }
    const { start, end } = found.range;
    const at = { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
    findings.push({
      file: path.relative(process.cwd(), file),
      ...at,
      severity: found.severity,
      rule: found.rule,
      message: found.message,
      source: found.source,
    });
  };
  // Errors in the team's knowledge files are findings of rule `knowledge-file`.
  for (const [uri, diagnostics] of team.diagnostics) {
    for (const d of diagnostics) {
      report(URI.parse(uri).fsPath, {
        range: d.range,
        severity: SEVERITIES[(d.severity ?? 1) - 1],
        rule: String(d.code),
        message: String(d.message),
      });
    }
  }
  for await (const { file, text } of readNotes(options, unreadable)) {
    const doc = TextDocument.create(URI.file(file).toString(), 'markdown', 0, text);
    for (const d of service.diagnostics(doc)) {
      report(file, { range: d.range, severity: d.severity, rule: d.ruleId, message: d.message, source: d.sourceUrl });
    }
  }
  if (options.format === 'json') {
    write(JSON.stringify(findings, null, 2) + '\n');
  } else if (options.format === 'sarif') {
    const tool = { name: 'cloud-notes', version, informationUri: homepage, describeRule: ruleDescriber(knowledge, options.locale) };
    write(JSON.stringify(toSarif(findings, tool), null, 2) + '\n');
  } else {
    const line =
      options.format === 'github'
        ? toGithubAnnotation
        : (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`;
    for (const f of findings) {
      write(line(f) + '\n');
    }
  }
  return failed() ? 2 : findings.length ? 1 : 0;
}

/** Writes the notes' quiz cards as an Anki import file; exit code 2 when some path could not be read. */
export async function exportQuiz(options: ExportOptions, write: (s: string) => void): Promise<number> {
  const { unreadable, failed } = unreadableReporter();
  const service = serviceFor((await teamKnowledge(options)).knowledge, options);
  for await (const { file, text } of readNotes(options, unreadable)) {
    service.documentChanged(TextDocument.create(URI.file(file).toString(), 'markdown', 0, text));
  }
  const items = await service.quizItems({ scope: { kind: 'all' } });
  const sourceLabel = ({ uri, line }: { uri: string; line: number }) =>
    `${path.relative(process.cwd(), URI.parse(uri).fsPath)}:${line + 1}`;
  write(ankiTsv(items, { deck: options.deck, sourceLabel, locale: options.locale }));
  return failed() ? 2 : 0;
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
    const options = parseArgs(process.argv.slice(2));
    const write = (s: string) => process.stdout.write(s);
    process.exitCode = await (options.command === 'check' ? check(options, write) : exportQuiz(options, write));
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
