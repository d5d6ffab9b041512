// The team's own knowledge: `.cloud-notes/glossary.json` and `.cloud-notes/facts.json` in a workspace
// folder add glossary entries and dated facts, in the shipped formats and schemas.
//
// Merge rule: an entry or fact with a new id is added. One with the id of a shipped one replaces it
// (the id says "ours instead" on purpose), and the file says so with an information diagnostic. An
// entry that goes by a name of another entry (shipped or the team's) would silently take or share
// its mentions: that is an error. A file with any error is ignored as a whole, never half-applied:
// it gets diagnostics, the caller one message per file, and the rest of the knowledge applies.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import glossarySchema from '../../knowledge/glossary.schema.json';
import factsSchema from '../../knowledge/facts.schema.json';
import { allNames, aliasText, type GlossaryEntry, type GlossaryFile, type Locale } from './glossary';
import { knowledgeFrom, loadKnowledge, type Knowledge } from './loadKnowledge';
import { GLOSSARY_FILES } from './glossaryFiles';
import { compileFactBook, FACT_FILES, type Fact, type FactFile } from '../facts/factBook';
import typoAllowlist from '../../knowledge/typo-allowlist.json';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { LineMap } from '../text/lineMap';
import { failingExamples } from './factExamples';
import { t, type MessageKey } from '../l10n';

export type UserKnowledgeKind = 'glossary' | 'facts';

/** The folder of a workspace folder that holds the team's knowledge, and the files in it. */
export const USER_KNOWLEDGE_FOLDER = '.cloud-notes';
export const USER_KNOWLEDGE_FILES: Record<UserKnowledgeKind, string> = { glossary: 'glossary.json', facts: 'facts.json' };

export const KNOWLEDGE_FILE_RULE = 'knowledge-file';

export interface UserKnowledgeSource {
  uri: string;
  kind: UserKnowledgeKind;
  text: string;
}

export interface UserKnowledge {
  knowledge: Knowledge;
  /** Every source's diagnostics, an empty list when it is fine (so that old ones are cleared). */
  diagnostics: Map<string, Diagnostic[]>;
  /** One message per ignored file. */
  ignored: string[];
}

/** What the team's files are merged into (tests pass a small glossary). */
export interface BaseKnowledge {
  glossary: readonly GlossaryFile[];
  facts: readonly FactFile[];
  englishNearMisses?: readonly string[];
}

const SHIPPED: BaseKnowledge = { glossary: GLOSSARY_FILES, facts: FACT_FILES, englishNearMisses: typoAllowlist.words };

/** Which kind of knowledge file a path or URI is, if any (`…/.cloud-notes/glossary.json`). */
export function userKnowledgeKind(pathOrUri: string): UserKnowledgeKind | undefined {
  const [folder, file] = pathOrUri.split(/[\\/]/).slice(-2);
  if (folder !== USER_KNOWLEDGE_FOLDER) {
    return undefined;
  }
  return (Object.keys(USER_KNOWLEDGE_FILES) as UserKnowledgeKind[]).find((k) => USER_KNOWLEDGE_FILES[k] === file);
}

/** The base knowledge with the team's files merged in (see the rule above). Never throws. */
export function withUserKnowledge(sources: readonly UserKnowledgeSource[], locale: Locale, base?: BaseKnowledge): UserKnowledge {
  const files = sources.map((s) => new CheckedFile(s, locale));
  const baseFiles = base ?? SHIPPED;
  const builtIn = () => (base ? knowledgeFrom(base.glossary, base.facts, base.englishNearMisses) : loadKnowledge());
  const result = (knowledge: Knowledge): UserKnowledge => ({
    knowledge,
    diagnostics: new Map(files.map((f) => [f.source.uri, f.diagnostics.sort(byPosition)])),
    ignored: files.filter((f) => f.failed).map((f) => t(locale, 'knowledgeIgnored', f.source.uri, f.errorCount)),
  });
  const glossaryFiles = files.filter((f) => f.source.kind === 'glossary');
  const factFiles = files.filter((f) => f.source.kind === 'facts');
  if (!sources.length) {
    return result(builtIn());
  }
  const glossary = mergeGlossary(baseFiles.glossary, glossaryFiles);
  const { facts, teamFacts } = mergeFacts(baseFiles.facts, factFiles, glossary);
  try {
    const knowledge = knowledgeFrom(glossary, facts, baseFiles.englishNearMisses);
    for (const { file, fact, i } of teamFacts) {
      for (const { list, index } of failingExamples(knowledge, fact)) {
        file.warn(`/facts/${i}/examples/${list}/${index}`, list === 'match' ? 'knowledgeExampleMissed' : 'knowledgeExampleFlagged');
      }
    }
    return result(knowledge);
  } catch (e) {
    // A check above missed something: keep the built-in knowledge rather than fail.
    for (const f of files.filter((f) => !f.failed)) {
      f.report('', 'knowledgeUnusable', (e as Error).message);
    }
    return result(builtIn());
  }
}

const byPosition = (a: Diagnostic, b: Diagnostic) =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/** A source, parsed and validated against its schema, with what is wrong with it. */
interface Span {
  start: number;
  end: number;
}

class CheckedFile {
  readonly diagnostics: Diagnostic[] = [];
  readonly data: unknown;
  private tree: Node | undefined;
  private readonly lines: LineMap;

  constructor(
    readonly source: UserKnowledgeSource,
    private readonly locale: Locale,
  ) {
    this.lines = new LineMap(source.text);
    try {
      this.data = JSON.parse(source.text);
    } catch (e) {
      const at = /position (\d+)/.exec((e as Error).message);
      this.diagnostics.push(
        this.diagnostic(at ? { start: +at[1], end: +at[1] + 1 } : undefined, 'knowledgeInvalidJson', (e as Error).message),
      );
      return;
    }
    this.tree = parseTree(source.text);
    const validate = validator(source.kind);
    if (!validate(this.data)) {
      for (const [pointer, messages] of schemaErrors(validate.errors ?? [])) {
        this.report(pointer, 'knowledgeSchema', pointer || '/', [...messages].join('; '));
      }
    }
  }

  get errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
  }

  get failed(): boolean {
    return this.errorCount > 0;
  }

  report(pointer: string, key: MessageKey, ...args: (string | number)[]): void {
    this.diagnostics.push(this.diagnostic(this.spanOf(pointer), key, ...args));
  }

  warn(pointer: string, key: MessageKey, ...args: (string | number)[]): void {
    this.diagnostics.push({ ...this.diagnostic(this.spanOf(pointer), key, ...args), severity: DiagnosticSeverity.Warning });
  }

  inform(pointer: string, key: MessageKey, ...args: (string | number)[]): void {
    this.diagnostics.push({ ...this.diagnostic(this.spanOf(pointer), key, ...args), severity: DiagnosticSeverity.Information });
  }

  /** Where the pointer's value is (an object member from its key), or its closest enclosing one that exists. */
  private spanOf(pointer: string): Span | undefined {
    const path = pointer
      .split('/')
      .slice(1)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    for (let n = path.length; this.tree; n--) {
      const node = findNodeAtLocation(this.tree, path.slice(0, n));
      if (node) {
        const at = node.parent?.type === 'property' ? node.parent : node;
        return { start: at.offset, end: at.offset + at.length };
      }
    }
    return undefined;
  }

  private diagnostic(span: Span | undefined, key: MessageKey, ...args: (string | number)[]): Diagnostic {
    const start = this.lines.positionAt(span?.start ?? 0);
    // A value over several lines is marked on its first line.
    const length = Math.min(this.lines.lineText(start.line).length - start.character, span ? span.end - span.start : 1);
    const end = { line: start.line, character: start.character + Math.max(length, 1) };
    return {
      range: { start, end },
      severity: DiagnosticSeverity.Error,
      code: KNOWLEDGE_FILE_RULE,
      source: 'Cloud Study Notes',
      message: t(this.locale, key, ...args),
    };
  }
}

let validators: Record<UserKnowledgeKind, ValidateFunction> | undefined;

function validator(kind: UserKnowledgeKind): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv2020({ allErrors: true });
    validators = { glossary: ajv.compile(glossarySchema), facts: ajv.compile(factsSchema) };
  }
  return validators[kind];
}

/** Ajv errors by the pointer they are about (a property that is not allowed: the property itself). */
function schemaErrors(errors: readonly ErrorObject[]): Map<string, Set<string>> {
  const byPointer = new Map<string, Set<string>>();
  // `if`/`then` only says that the `then` part failed, which its own error tells better.
  for (const e of errors.filter((e) => e.keyword !== 'if')) {
    const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
    const pointer = extra === undefined ? e.instancePath : `${e.instancePath}/${extra}`;
    const message = extra === undefined ? (e.message ?? e.keyword) : `"${extra}" is not allowed`;
    byPointer.set(pointer, (byPointer.get(pointer) ?? new Set()).add(message));
  }
  return byPointer;
}

/** A name as the matcher would confuse it with another: case and spacing aside. */
const nameKey = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

/** The base glossary without the entries the team replaces, plus the team's entries from files without errors. */
function mergeGlossary(base: readonly GlossaryFile[], files: readonly CheckedFile[]): GlossaryFile[] {
  const shipped = new Map(base.flatMap((f) => f.entries.map((e) => [e.id, e] as const)));
  const accepted: { file: CheckedFile; entries: GlossaryEntry[] }[] = [];
  const ids = new Map<string, CheckedFile>();
  const names = new Map<string, string>();
  for (const file of files.filter((f) => !f.failed)) {
    const entries = (file.data as GlossaryFile).entries;
    for (const [i, e] of entries.entries()) {
      const earlier = ids.get(e.id);
      if (earlier) {
        file.report(`/entries/${i}/id`, 'knowledgeDuplicateId', e.id, earlier.source.uri);
      } else if (shipped.has(e.id)) {
        file.inform(`/entries/${i}/id`, 'knowledgeReplacesEntry', shipped.get(e.id)!.name);
      }
      ids.set(e.id, file);
    }
    for (const [i, e] of entries.entries()) {
      allNames(e).forEach((alias, k) => {
        const key = nameKey(aliasText(alias));
        const owner = names.get(key);
        if (owner && owner !== e.id) {
          file.report(namePointer(i, k), 'knowledgeNameTaken', aliasText(alias), owner);
        }
        names.set(key, e.id);
      });
    }
    accepted.push({ file, entries });
  }
  // Shipped names count unless the team replaces their entry (then the team's names are the ones).
  for (const [id, e] of shipped) {
    for (const alias of ids.has(id) ? [] : allNames(e)) {
      const key = nameKey(aliasText(alias));
      const owner = names.get(key);
      if (owner && owner !== id) {
        const { file, i, k } = locateName(accepted, owner, key);
        file.report(namePointer(i, k), 'knowledgeNameTaken', aliasText(alias), id);
      }
    }
  }
  referencesResolve(accepted, shipped);
  const kept = accepted.filter((a) => !a.file.failed).flatMap((a) => a.entries);
  const replaced = new Set(kept.map((e) => e.id));
  return [...base.map((f) => ({ ...f, entries: f.entries.filter((e) => !replaced.has(e.id)) })), { version: 1, entries: kept }];
}

/** The pointer of an entry's `k`th name in the order of `allNames`. */
function namePointer(entry: number, k: number): string {
  return `/entries/${entry}/${k < 3 ? ['name', 'shortName', 'nameKo'][k] : `aliases/${k - 3}`}`;
}

function locateName(accepted: { file: CheckedFile; entries: GlossaryEntry[] }[], id: string, key: string) {
  for (const { file, entries } of accepted) {
    const i = entries.findIndex((e) => e.id === id);
    if (i >= 0) {
      return { file, i, k: allNames(entries[i]).findIndex((a) => nameKey(aliasText(a)) === key) };
    }
  }
  throw new Error(`no team entry ${id}`);
}

/** Relation targets and alias requirements must name entries that exist; a file that fails takes its entries away, so repeat. */
function referencesResolve(accepted: { file: CheckedFile; entries: GlossaryEntry[] }[], shipped: ReadonlyMap<string, GlossaryEntry>): void {
  for (let changed = true; changed;) {
    changed = false;
    const known = new Set([...shipped.keys(), ...accepted.filter((a) => !a.file.failed).flatMap((a) => a.entries.map((e) => e.id))]);
    for (const { file, entries } of accepted.filter((a) => !a.file.failed)) {
      entries.forEach((e, i) => {
        e.relations?.forEach(
          (r, k) => !known.has(r.target) && file.report(`/entries/${i}/relations/${k}/target`, 'knowledgeUnknownId', r.target),
        );
        e.aliases.forEach((a, k) => {
          for (const id of typeof a === 'string' ? [] : (a.requires ?? [])) {
            if (!known.has(id)) {
              file.report(`/entries/${i}/aliases/${k}/requires`, 'knowledgeUnknownId', id);
            }
          }
        });
      });
      changed ||= file.failed;
    }
  }
}

/** The base facts without those the team replaces, plus the team's facts from files without errors (also listed by file). */
function mergeFacts(
  base: readonly FactFile[],
  files: readonly CheckedFile[],
  glossary: readonly GlossaryFile[],
): { facts: FactFile[]; teamFacts: { file: CheckedFile; fact: Fact; i: number }[] } {
  const shipped = new Set(base.flatMap((f) => f.facts.map((fact) => fact.id)));
  const known = new Set(glossary.flatMap((f) => f.entries.map((e) => e.id)));
  const ids = new Map<string, CheckedFile>();
  const teamFacts: { file: CheckedFile; fact: Fact; i: number }[] = [];
  for (const file of files.filter((f) => !f.failed)) {
    const facts = (file.data as FactFile).facts;
    facts.forEach((fact, i) => {
      const earlier = ids.get(fact.id);
      if (earlier) {
        file.report(`/facts/${i}/id`, 'knowledgeDuplicateId', fact.id, earlier.source.uri);
      } else if (shipped.has(fact.id)) {
        file.inform(`/facts/${i}/id`, 'knowledgeReplacesFact', fact.id);
      }
      ids.set(fact.id, file);
      const termLists = { about: fact.about, mentions: fact.mentions, unlessTerms: fact.unlessTerms };
      for (const [list, terms] of Object.entries(termLists)) {
        terms?.forEach((id, k) => !known.has(id) && file.report(`/facts/${i}/${list}/${k}`, 'knowledgeUnknownId', id));
      }
      fact.frames?.forEach(
        (f, k) => f.concept && !known.has(f.concept) && file.report(`/facts/${i}/frames/${k}/concept`, 'knowledgeUnknownId', f.concept),
      );
      try {
        compileFactBook([{ version: 1, facts: [fact] }]);
      } catch (e) {
        file.report(`/facts/${i}`, 'knowledgeUnusable', (e as Error).message);
      }
    });
    if (!file.failed) {
      teamFacts.push(...facts.map((fact, i) => ({ file, fact, i })));
    }
  }
  const kept = teamFacts.map((t) => t.fact);
  const replaced = new Set(kept.map((f) => f.id));
  return {
    facts: [...base.map((f) => ({ ...f, facts: f.facts.filter((fact) => !replaced.has(fact.id)) })), { version: 1, facts: kept }],
    teamFacts,
  };
}
