// One note as the quiz generators see it: its model, its language, the glossary terms it
// mentions, where a block's text sits in the source, and the outdated-fact findings that a card
// built from it must carry.
import type { Knowledge } from '../knowledge/loadKnowledge';
import type { FactBook } from '../facts/factBook';
import type { Glossary, GlossaryEntry, Locale } from '../knowledge/glossary';
import { buildNoteModel, sourceOffset, type Block, type NoteModel } from '../parse/noteModel';
import { computeFindings, type DiagnosticsContext, type Finding, type RuleSettings } from '../features/diagnostics';
import { resolveInContext, type TermMatch } from '../terms/termMatcher';
import type { Position, Range } from 'vscode-languageserver-types';
import { LineMap } from '../text/lineMap';
import { isAsciiLetter, isHangul } from '../text/charClass';
import type { QuizItem } from '../protocol';
import { askCurrent, staleFindings, type FactFinding } from './staleCards';
import { displayName, isKorean } from './knowledgeNames';
import { firstSentence } from './sentences';
import { t } from '../l10n';

export interface QuizNote {
  uri: string;
  text: string;
  /** The cached model of an open note; built from `text` when absent. */
  model?: NoteModel;
  /** An open note's findings as its diagnostics have them; checked from `model` when absent. */
  findings?: readonly Finding[];
}

export interface QuizContext {
  knowledge: Knowledge;
  /** The UI language: knowledge-base questions and stale warnings use it. */
  locale: Locale;
  rules?: RuleSettings;
  /** The outdated-fact checker (built once per service, not per note). */
  checker: DiagnosticsContext;
}

/** A question before it is placed in a note. */
export type NoteQuestion = Pick<QuizItem, 'id' | 'kind' | 'prompt' | 'answer' | 'choices' | 'answerIndex' | 'explanation' | 'group'>;

/** Share of Hangul among letters above which a note counts as Korean (Korean notes are full of English service names). */
const KOREAN_SHARE = 0.2;
/** A title naming more AWS terms than this is a collection (`EC2, EBS, ELB 정리`), not one topic. */
const MAX_TOPIC_TERMS = 2;

/** What each glossary entry's definition and relations name, per knowledge in use: the same for every note. */
const namedWithEntry = new WeakMap<Knowledge, Map<GlossaryEntry, Set<string>>>();

/** Per fact book: the entries some dated fact is about, and the retired or renamed names its facts mention. */
const factIds = new WeakMap<FactBook, { about: Set<string>; mentions: Set<string> }>();

function idsOf(facts: FactBook): { about: Set<string>; mentions: Set<string> } {
  let ids = factIds.get(facts);
  if (!ids) {
    ids = { about: new Set(facts.facts.flatMap((f) => [...f.about])), mentions: new Set(facts.facts.flatMap((f) => [...f.mentions])) };
    factIds.set(facts, ids);
  }
  return ids;
}

export class NoteSource {
  readonly uri: string;
  readonly model: NoteModel;
  /** The language the note is written in: note-derived prompts use it. */
  readonly locale: Locale;
  /** Glossary entry indices the note mentions. */
  readonly mentioned = new Set<number>();
  private readonly text: string;
  private readonly lines: LineMap;
  private readonly matches = new Map<Block, TermMatch[]>();
  private readonly textMatches = new Map<string, TermMatch[]>();
  private readonly parents = new Set<Block>();
  /** List items and the paragraph right above their list. */
  private readonly intros = new Map<Block, Block>();
  private readonly findings: readonly Finding[] | undefined;
  private factFindings: FactFinding[] | undefined;
  private topicName: string | undefined | null = null;

  constructor(
    note: QuizNote,
    private readonly ctx: QuizContext,
  ) {
    this.uri = note.uri;
    this.text = note.text;
    this.findings = note.findings;
    this.model = note.model ?? buildNoteModel(note.text);
    this.lines = new LineMap(note.text);
    this.locale = languageOf(this.model);
    const conditional: TermMatch[] = [];
    this.model.blocks.forEach((block, i) => {
      if (block.parent) {
        this.parents.add(block.parent);
      }
      this.noteIntro(block, i);
      const found = ctx.knowledge.matcher.find(block.text);
      this.matches.set(block, found);
      for (const m of found) {
        if (m.requires) {
          conditional.push(m);
        } else {
          this.mentioned.add(m.entry);
        }
      }
    });
    for (const m of conditional) {
      const resolved = resolveInContext(m, (e) => this.mentioned.has(e));
      if (resolved) {
        this.mentioned.add(resolved.entry);
      }
    }
  }

  /** The paragraph right above the list a list item is in (`볼륨 생성 단계다.`, a screenshot). */
  introOf(item: Block): Block | undefined {
    return this.intros.get(item);
  }

  /**
   * An item's intro is the paragraph before it (or, when that is a screenshot of no text, the one
   * before that, which says what it shows), or that of the sibling whose sub-items come before it.
   */
  private noteIntro(block: Block, at: number): void {
    const [previous, before] = [this.model.blocks[at - 1], this.model.blocks[at - 2]];
    if (block.kind !== 'listItem' || !previous) {
      return;
    }
    const paragraph = (b: Block | undefined) => b?.kind === 'paragraph' && b.parent === block.parent;
    let sibling: Block | undefined = previous;
    while (sibling && sibling.parent !== block.parent) {
      sibling = sibling.parent;
    }
    const intro = paragraph(previous)
      ? previous.text.trim() || !paragraph(before)
        ? previous
        : before
      : sibling && this.intros.get(sibling);
    if (intro) {
      this.intros.set(block, intro);
    }
  }

  /** Glossary matches in a block's text that count in this note. */
  termsIn(block: Block): TermMatch[] {
    return this.matches.get(block)!.flatMap((m) => this.inNote(m) ?? []);
  }

  /** What a match stands for in this note, if it counts here. */
  private inNote(m: TermMatch): TermMatch | undefined {
    return resolveInContext(m, (e) => this.mentioned.has(e));
  }

  hasChildren(block: Block): boolean {
    return this.parents.has(block);
  }

  /** The section a block belongs to, for same-section distractors: its list item, else its heading. */
  sectionOf(block: Block): Block | undefined {
    return block.parent ?? block.headings.at(-1);
  }

  /** The source line a block starts on, as written (Markdown marks and all). */
  sourceLine(block: Block): string {
    const line = this.lineOf(block, 0);
    return this.text.slice(this.lines.offsetAt({ line, character: 0 }), this.lines.offsetAt({ line: line + 1, character: 0 })).trimEnd();
  }

  /** Cards drawn from the same block (a section, a table, a card's line) are siblings: `group` names it. */
  groupOf(block: Block, part = 0): string {
    return `${this.uri}#${this.lineOf(block, 0)}${part ? `.${part}` : ''}`;
  }

  /**
   * Places a question at `block.text[start, end)` (none when it cannot be asked without teaching an
   * outdated claim, or when it is about a retired service): source line, heading, the outdated claims on
   * every line it is drawn from (that range and the `drawnFrom` blocks), and the terms of
   * `termText` and of the block's context (`덮어쓰기 PUT : …` under `## S3` is about S3).
   */
  place(question: NoteQuestion, block: Block, start: number, end: number, termText: string, drawnFrom: readonly Block[] = []): QuizItem[] {
    if (this.underRetiredName(block)) {
      return [];
    }
    const line = this.lineOf(block, start);
    const heading = block.headings.at(-1)?.text;
    const context = [heading, block.parent?.text].filter((t) => t !== undefined);
    // A table cell's claims are its own, not its row's: a card about Spot's discount does not carry the RI column's.
    const own = block.cells
      ? { start: this.positionOf(block, start), end: this.positionOf(block, Math.max(start, end - 1)) }
      : this.linesOf(block, start, end);
    const spans = [own, ...drawnFrom.map((b) => this.linesOf(b, 0, b.text.length))];
    const findings = this.findingsOn(spans);
    const stale = staleFindings(this.ctx.knowledge, this.ctx.locale, findings);
    const asked = findings.length ? askCurrent(question, findings, stale) : question;
    if (!asked) {
      return [];
    }
    return [
      {
        ...asked,
        source: { uri: this.uri, line, ...(heading ? { heading } : {}) },
        termIds: this.termIds([termText, ...context].join('\n')),
        ...(stale.length ? { stale } : {}),
      },
    ];
  }

  /**
   * Whether a heading or item above the block names a retired service (`AWS Snowmobile` over its
   * features): what it says of the service is not worth learning any more.
   */
  private underRetiredName(block: Block): boolean {
    const above = [...block.headings, ...(block.parent ? [block.parent] : [])];
    const lines = above.map((b) => this.linesOf(b, 0, 1));
    const { byId } = this.ctx.knowledge.facts;
    return this.findingsOn(lines).some(({ finding }) => {
      const fact = byId.get(finding.ruleId)?.fact;
      return !!fact?.mentions && !fact.replacement;
    });
  }

  /**
   * The glossary's own definition of the term a text is, whole, in the UI language: the back of a
   * definition card shows it beside the note's, so a note that got the term wrong does not go unseen.
   */
  glossaryDefinition(text: string): string | undefined {
    const entry = this.glossaryEntryOf(text);
    const definition = entry?.definition[this.ctx.locale];
    return entry && definition
      ? t(this.ctx.locale, 'glossarySays', displayName(entry, this.ctx.locale), firstSentence(definition))
      : undefined;
  }

  /**
   * The glossary entry a text is, whole, that counts in this note: `CloudFront`, and, with a
   * translation or an expansion in brackets, `Dedicated Host (전용 호스트)` or `TDE(Transparent Data Encryption)`.
   */
  glossaryEntryOf(text: string): GlossaryEntry | undefined {
    const bracketed = /^(.*?)\s*[(（]([^()（）]+)[)）]$/u.exec(text.trim());
    const [named, translated] = (bracketed ? [bracketed[1], bracketed[2]] : []).map((name) => wholeOf(this.matchesIn(name), name));
    // `io1 / io2 (SSD)`: a general concept in brackets, in the language of the words before it,
    // qualifies them rather than translating them (`게으른 로딩 (Lazy Loading)`).
    const { glossary } = this.ctx.knowledge;
    const qualifier =
      !named &&
      translated &&
      glossary.typeOf(glossary.entries[translated.entry].id) === 'concept' &&
      isKorean(bracketed![1]) === isKorean(bracketed![2]);
    const whole = wholeOf(this.matchesIn(text), text) ?? named ?? (qualifier ? undefined : translated);
    return whole && this.ctx.knowledge.glossary.entries[whole.entry];
  }

  /** The glossary in use, a team's own entries included. */
  get glossary(): Glossary {
    return this.ctx.knowledge.glossary;
  }

  /** Whether a text names a glossary term that counts in this note. */
  namesTerm(text: string): boolean {
    return this.termIds(text).length > 0;
  }

  /** Whether a text names an AWS term: a service or one of its parts, not a general concept (`Elasticity`, `RAID`). */
  namesAwsTerm(text: string): boolean {
    return this.awsEntries(text).length > 0;
  }

  /** Whether a text is, whole, the name of an AWS service (`CloudFront`, `S3`): not a part of another service. */
  isServiceName(text: string): boolean {
    return !!wholeOf(this.services(text), text);
  }

  /** Whether a text names an AWS service (`EBS 볼륨 타입`), not only a part of one or a general term. */
  namesService(text: string): boolean {
    return this.services(text).length > 0;
  }

  /**
   * The ids of what an entry's own definition (in either language) or its relations name, with the
   * wholes they are part of (`S3 버킷` names S3 too).
   */
  namedWith(entry: GlossaryEntry): Set<string> {
    const { knowledge } = this.ctx;
    const cache = namedWithEntry.get(knowledge) ?? new Map<GlossaryEntry, Set<string>>();
    namedWithEntry.set(knowledge, cache);
    let named = cache.get(entry);
    if (!named) {
      const { glossary, matcher } = knowledge;
      const inDefinition = Object.values(entry.definition).flatMap((text) => matcher.find(text).map((m) => glossary.entries[m.entry].id));
      const ids = [entry.id, ...inDefinition, ...glossary.related(entry.id).map((r) => r.target.id)];
      named = new Set(ids.flatMap((id) => glossary.withBroader(id)));
      cache.set(entry, named);
    }
    return named;
  }

  /** Whether the fact book follows anything of an entry (a dated fact is about it). */
  watched(id: string): boolean {
    return idsOf(this.ctx.knowledge.facts).about.has(id);
  }

  /**
   * Whether an entry names something gone or renamed: something replaced it, or a dated fact
   * treats a mention of it as outdated (`FSx File Gateway`, closed to new customers).
   */
  outdated(id: string): boolean {
    const { facts, glossary } = this.ctx.knowledge;
    return idsOf(facts).mentions.has(id) || glossary.isRetired(id);
  }

  /** The glossary entries of the AWS services a text names. */
  servicesIn(text: string): Set<number> {
    return new Set(this.services(text).map((m) => m.entry));
  }

  /**
   * Whether a text names an AWS term that is no part of another but a service or a whole with parts
   * (`ELB`, `Lambda`, not `실행 환경` nor a feature of no service such as `cold start`).
   */
  namesWhole(text: string): boolean {
    const { glossary } = this.ctx.knowledge;
    return this.awsEntries(text).some((e) => {
      const { id } = glossary.entries[e];
      const type = glossary.typeOf(id);
      return type === 'service' || (type !== 'part' && glossary.related(id).some((r) => r.type === 'part-of' && r.inverse));
    });
  }

  private services(text: string): TermMatch[] {
    const { glossary } = this.ctx.knowledge;
    return this.matchesIn(text).filter((m) => glossary.typeOf(glossary.entries[m.entry].id) === 'service');
  }

  /**
   * The AWS terms the note's title (its one top-level heading) or else its file name names
   * (`s3.md`, `lambda/README.md`, `# SQS와 SNS`): what a question is about when no heading or item
   * above it says. Undefined when neither names one, or when they name too many to be one topic.
   */
  get topic(): string | undefined {
    if (this.topicName === null) {
      const tops = this.model.blocks.filter((b) => b.kind === 'heading' && b.depth === 1);
      const title = tops.length === 1 ? tops[0].text : undefined;
      // `owner__repo__dir__note.md`: a path flattened into one file name, as collections of notes store it.
      const file = decodeURIComponent(this.uri).split(/[/\\]|__/);
      const candidates = [
        title,
        ...file
          .slice(-2)
          .reverse()
          .map((part) => part.replace(/\.[^.]*$/, '').replace(/[_+.-]+/g, ' ')),
      ];
      const { glossary } = this.ctx.knowledge;
      const names = candidates
        .map((c) => (c ? [...new Set(this.awsEntries(c).map((e) => glossary.entries[e].shortName))] : []))
        .find((n) => n.length);
      this.topicName = names && names.length <= MAX_TOPIC_TERMS ? names.join(' · ') : undefined;
    }
    return this.topicName;
  }

  private lineOf(block: Block, index: number): number {
    return this.positionOf(block, index).line;
  }

  private positionOf(block: Block, index: number): Position {
    return this.lines.positionAt(sourceOffset(block, index));
  }

  /** The whole lines `block.text[start, end)` is written on. */
  private linesOf(block: Block, start: number, end: number): Range {
    return {
      start: { line: this.lineOf(block, start), character: 0 },
      end: { line: this.lineOf(block, Math.max(start, end - 1)), character: Number.MAX_SAFE_INTEGER },
    };
  }

  /**
   * The glossary matches in a text that count in this note. Kept per text: the generators ask of
   * the same labels and terms again and again (every item of a section shares its headings).
   */
  private matchesIn(text: string): TermMatch[] {
    let found = this.textMatches.get(text);
    if (!found) {
      found = this.ctx.knowledge.matcher.find(text).flatMap((m) => this.inNote(m) ?? []);
      this.textMatches.set(text, found);
    }
    return found;
  }

  private termIds(text: string): string[] {
    const { glossary } = this.ctx.knowledge;
    return [...new Set(this.matchesIn(text).map((m) => glossary.entries[m.entry].id))];
  }

  private awsEntries(text: string): number[] {
    const { glossary } = this.ctx.knowledge;
    return this.matchesIn(text)
      .map((m) => m.entry)
      .filter((e) => glossary.entries[e].category !== 'concept');
  }

  /** Every outdated-fact finding on the given line spans, each once. */
  private findingsOn(spans: readonly Range[]): FactFinding[] {
    this.factFindings ??= this.findFacts();
    const on = this.factFindings.filter(({ finding: f }) =>
      spans.some((s) => !before(f.range.end, s.start) && !before(s.end, f.range.start)),
    );
    // Two checks of one fact on one claim (a frame and a pattern) are one finding for the learner.
    return on.filter((f, i) => on.findIndex((g) => g.claim === f.claim && g.finding.ruleId === f.finding.ruleId) === i);
  }

  private findFacts(): FactFinding[] {
    const { checker, rules } = this.ctx;
    return (this.findings ?? computeFindings(checker, this.text, this.model, rules))
      .filter((f) => f.kind === 'fact')
      .map((finding) => ({
        finding,
        claim: this.text.slice(this.lines.offsetAt(finding.range.start), this.lines.offsetAt(finding.range.end)),
      }));
  }
}

/** The match that is the whole text (`CloudFront`, not `CloudFront 배포`). */
function wholeOf(matches: readonly TermMatch[], text: string): TermMatch | undefined {
  return matches.find((m) => m.start === 0 && m.end >= text.trim().length);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function languageOf(model: NoteModel): Locale {
  let hangul = 0;
  let latin = 0;
  for (const block of model.blocks) {
    for (let i = 0; i < block.text.length; i++) {
      const c = block.text.charCodeAt(i);
      if (isHangul(c)) {
        hangul++;
      } else if (isAsciiLetter(c)) {
        latin++;
      }
    }
  }
  return hangul > 0 && hangul >= KOREAN_SHARE * (hangul + latin) ? 'ko' : 'en';
}
