// Comparison tables: `| 특징 | 네트워크 ACL | 보안 그룹 |` over `| 상태 관리 | Stateless | Stateful |`
// asks "상태 관리: "Stateful"인 것은?" with the compared things as options. Tables may also list
// the compared things down the first column (`| 유형 | 설명 | 특징 |`). Each attribute gives one
// question about one of its values: the other values would ask the same thing again. A value that
// repeats its row's name, says nothing alone (`X`, `22`), says little once the names are blanked
// (`View metrics for the _____.`) or may fit several rows (use cases, a description among many
// pricing models) is not asked. A table with a column of addresses lists one example setup (the
// rules of a security group), not things compared, and asks nothing.
import { multipleChoice } from './distractors';
import type { Block } from '../parse/noteModel';
import type { QuizItem } from '../protocol';
import { definedInCell } from '../scan/definitionShapes';
import { generatedCardId, normalizeKey } from './cardIds';
import type { NoteSource } from './noteSource';
import { BLANK } from './quizStrings';
import { contextChain } from './breadcrumbs';
import { givesAway } from './giveaways';
import { saysLittleBesideBlank } from './thinValues';
import { withoutBrackets } from './answerQuality';
import { t } from '../l10n';

const COMPARISON_LABEL =
  /^(?:특징|특성|구분|비교(?:\s*항목)?|항목|기준|차이점?|features?|aspects?|criteria|comparison|attributes?|propert(?:y|ies))?$/i;
/** `10.0.0.0/16`, `122.142.192.15/32`: an address from an example setup, nothing to learn. */
const ADDRESS = /^\s*\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?\s*$/;
/** Attributes whose values fit more than one of the compared things (use cases overlap): no fair question. */
const OVERLAPPING = /사용\s*사례|사례|용도|적합|추천|권장|use\s*cases?|best\s*for|when\s*to\s*use|ideal\s*for|suited/i;
/**
 * `기본 설정 | 활성화 | 비활성화`: whether a setting is on by default may differ between the console
 * and the API (cross-zone load balancing of a Classic Load Balancer) and changes over time.
 */
const DEFAULT_LABEL = /기본\s*(?:값|설정)?$|^기본|\bdefaults?\b/i;
const TOGGLE = /^(?:활성화?|비활성화?|켜짐|꺼짐|사용|미사용|enabled?|disabled?|on|off)(?:\s*\([^()]*\))?\.?$/i;
/**
 * `엔진 업데이트 | Primary만 업데이트 | …`: how an update reaches a deployment depends on the kind of
 * update (OS patches reach a Multi-AZ standby first, engine upgrades reach both at once), which one
 * cell cannot say.
 */
const UPDATE_LABEL = /업데이트|업그레이드|패치|\b(?:upgrades?|updates?|patch(?:es|ing)?)\b/i;
/** `1. 가상 MFA`, `② 하드웨어`: the number of a row, not part of its name. */
const NUMBERING = /^\s*(?:\d{1,2}[.)]|[①-⑳])\s+/;
/** `- 물리 장치- 시간 동기화`: a cell holding a list of points, each of which may fit another row. */
const INLINE_ITEM = /(?:^|\S)-\s/g;
/** A value needs this many letters to say something on its own (`X`, `22` need the note around them). */
const MIN_VALUE_LETTERS = 2;
/** Among this many compared things (pricing models, storage classes) a described value often fits several. */
const MANY_SUBJECTS = 5;
const MIN_DESCRIPTION_WORDS = 3;
const SUBJECT_LABEL = /^(?:유형|종류|이름|서비스|타입|옵션|types?|names?|services?|options?|kinds?)$/i;

interface Cell {
  block: Block;
  index: number;
  text: string;
}

/** A table read as things compared by attributes, whichever way round it is written. */
interface Comparison {
  subjects: Cell[];
  attributes: { label: string; values: Cell[] }[];
}

export function tableQuestions(note: NoteSource): QuizItem[] {
  return tablesOf(note.model.blocks).flatMap((rows) => {
    const comparison = comparisonOf(note, rows);
    return comparison && !isExampleSetup(comparison)
      ? comparison.attributes.flatMap((a, i) => attributeQuestion(note, comparison.subjects, a.label, a.values, i))
      : [];
  });
}

/** The `nth` attribute asks about the subjects in turn, so that answers spread over the options. */
function attributeQuestion(note: NoteSource, subjects: Cell[], label: string, values: Cell[], nth: number): QuizItem[] {
  // Values are told apart as the prompt shows them: with the compared names blanked (`Allowing _____ from anywhere` twice asks nothing).
  const shownValues = values.map((v) => masked(note, v, subjects));
  const unique = (keys: string[]) => keys.map((key) => !!key && keys.indexOf(key) === keys.lastIndexOf(key));
  const shownUnique = unique(shownValues.map(normalizeKey));
  // `가능` and `가능 (계정 ID로)` say the same: a qualifier in brackets does not make another answer.
  const textUnique = unique(values.map((v) => normalizeKey(withoutBrackets(blankNames(v.text, subjects)))));
  const names = shownNames(
    note,
    subjects.map((s) => s.text),
  );
  // Options must be told apart: an unnamed column or two columns named alike make no question.
  if (
    names.some((n) => !normalizeKey(n)) ||
    new Set(names.map(normalizeKey)).size < names.length ||
    OVERLAPPING.test(label) ||
    UPDATE_LABEL.test(label)
  ) {
    return [];
  }
  const fair = (i: number) => {
    const others = names.filter((_, j) => j !== i).map((text) => ({ text }));
    const words = shownValues[i].split(/\s+/).length;
    return (
      (shownValues[i].match(/\p{L}/gu)?.length ?? 0) >= MIN_VALUE_LETTERS &&
      !givesAway(note.glossary, { text: names[i] }, { text: shownValues[i] }, others) &&
      !saysLittleBesideBlank(shownValues[i]) &&
      (shownValues[i].match(INLINE_ITEM) ?? []).length < 2 &&
      !(names.length >= MANY_SUBJECTS && words >= MIN_DESCRIPTION_WORDS) &&
      !(DEFAULT_LABEL.test(label) && TOGGLE.test(shownValues[i].trim()))
    );
  };
  const eligible = values.flatMap((_, i) => (shownUnique[i] && textUnique[i] && !ADDRESS.test(values[i].text) && fair(i) ? [i] : []));
  if (!eligible.length) {
    return [];
  }
  const id = generatedCardId(
    'comparison',
    note.uri,
    `${subjects.map((s) => s.text).join('|')}#${label || values.map((v) => v.text).join('|')}`,
  );
  const answerIndex = eligible[nth % eligible.length];
  const value = shownValues[answerIndex];
  const where = contextOf(note, values[0].block, label, names);
  if (where === null) {
    return [];
  }
  const attribute = where ? (label ? t(note.locale, 'inContext', where, label) : where) : label;
  const prompt = attribute ? t(note.locale, 'whichRow', attribute, value) : t(note.locale, 'whichValue', value);
  const cell = values[answerIndex];
  const { start, end } = rangeOf(cell);
  const group = note.groupOf(subjects[0].block);
  // The compared names in a stable shuffle: in table order the answer stood first more often than not.
  const options = multipleChoice(id, names[answerIndex], [names.filter((_, i) => i !== answerIndex)], 1)!;
  const question = { id, kind: 'comparison' as const, prompt, answer: names[answerIndex], ...options, group };
  // The options are drawn from the subjects' cells too: an outdated name among them is checked like the value.
  const drawnFrom = [...new Set(subjects.map((s) => s.block))];
  return note.place(question, cell.block, start, end, `${names.join('\n')}\n${label}\n${cell.text}`, drawnFrom);
}

/**
 * The compared things as options: `Process-based (CloudFront Functions)` is asked as `CloudFront
 * Functions`, so that the option names the AWS thing and its description cannot give the answer
 * away; `2. 하드웨어 MFA` without the number the note's order gave it.
 */
function shownNames(note: NoteSource, names: string[]): string[] {
  const shown = names.map((raw) => {
    const name = raw.replace(NUMBERING, '');
    const m = /^(.+?)\s*[(（]([^()（）]+)[)）]\s*$/.exec(name);
    return m && !note.namesAwsTerm(m[1]) && note.namesAwsTerm(m[2]) ? m[2].trim() : name;
  });
  return new Set(shown.map(normalizeKey)).size === shown.length ? shown : names;
}

/**
 * The heading a question is asked under: the nearest one that names an AWS term (`RDS 복제` says
 * what `Multi AZ` and `Read Replica` are options of), else with an attribute named in plain words
 * (`기본 설정`) the table's own heading. A heading that names one of the options (`SNS` over SNS
 * and SQS) would give the answer away. Null when nothing names what the table is about.
 */
function contextOf(note: NoteSource, block: Block, label: string, names: readonly string[]): string | undefined | null {
  const namesOption = (heading: string) => names.some((n) => normalizeKey(heading).includes(normalizeKey(n.replace(/[(（].*$/, ''))));
  const around = contextChain(note, block);
  const chain = around.filter((heading) => !namesOption(heading));
  // Else the note's topic (`cloudwatch.md`) says what the table is about.
  const named = chain.find((heading) => note.namesTerm(heading)) ?? note.topic;
  if (named || !names.some((n) => note.namesTerm(n))) {
    return named ?? null;
  }
  return label && !/[A-Z0-9]/.test(label) && chain[0] === around[0] ? chain[0] : undefined;
}

/** A table with a column of addresses (`0.0.0.0/0`, `122.142.192.15/32`) lists the rules of one example setup, not things compared. */
function isExampleSetup(comparison: Comparison): boolean {
  return comparison.attributes.some((a) => a.values.every((v) => ADDRESS.test(v.text)));
}

function comparisonOf(note: NoteSource, [header, ...body]: Block[]): Comparison | undefined {
  const head = cellsOf(header);
  const rows = body.map(cellsOf).filter((r) => r.length === head.length);
  if (head.length < 3 || rows.length < 1) {
    return undefined;
  }
  const label = head[0].text;
  const isTerm = (c: Cell) => isTermCell(note, c);
  const byColumn = COMPARISON_LABEL.test(label) || head.slice(1).every(isTerm);
  if (byColumn) {
    return { subjects: head.slice(1), attributes: rows.map((r) => ({ label: r[0].text, values: r.slice(1) })) };
  }
  if (rows.length >= 2 && (SUBJECT_LABEL.test(label) || rows.every((r) => isTerm(r[0])))) {
    return {
      subjects: rows.map((r) => r[0]),
      attributes: head.slice(1).map((h, j) => ({ label: h.text, values: rows.map((r) => r[j + 1]) })),
    };
  }
  return undefined;
}

function isTermCell(note: NoteSource, cell: Cell): boolean {
  const { start, end } = rangeOf(cell);
  return definedInCell(cell.block.text, start, end, termsOfCell(note, cell)).length > 0;
}

/** The value with every compared thing's name blanked, so the text does not give the answer away. */
function masked(note: NoteSource, cell: Cell, subjects: Cell[]): string {
  const subjectEntries = new Set(subjects.flatMap((s) => termsOfCell(note, s).map((m) => m.entry)));
  const { start, end } = rangeOf(cell);
  let text = cell.block.text.slice(start, end);
  for (const m of termsOfCell(note, cell).reverse()) {
    if (subjectEntries.has(m.entry)) {
      text = text.slice(0, m.start - start) + BLANK + text.slice(m.end - start);
    }
  }
  return blankNames(text, subjects);
}

/** The text with every compared thing's name (and each part of it in brackets) blanked. */
function blankNames(text: string, subjects: Cell[]): string {
  const names = subjects
    .flatMap((s) => [s.text, ...s.text.split(/[()（）]/)])
    .map((n) => n.trim())
    .filter((n) => n.length >= 2);
  for (const name of names.sort((a, b) => b.length - a.length)) {
    text = text.split(name).join(BLANK);
  }
  return text.replace(/\s+/g, ' ').trim();
}

function termsOfCell(note: NoteSource, cell: Cell) {
  const { start, end } = rangeOf(cell);
  return note.termsIn(cell.block).filter((m) => m.start >= start && m.end <= end);
}

function rangeOf(cell: Cell): { start: number; end: number } {
  return cell.block.cells![cell.index];
}

function cellsOf(row: Block): Cell[] {
  return row.cells!.map((c, index) => ({ block: row, index, text: row.text.slice(c.start, c.end).trim() }));
}

/** Header row followed by its body rows. */
function tablesOf(blocks: readonly Block[]): Block[][] {
  const tables: Block[][] = [];
  for (const block of blocks) {
    if (block.kind !== 'tableRow') {
      continue;
    }
    if (block.header) {
      tables.push([block]);
    } else {
      tables.at(-1)?.push(block);
    }
  }
  return tables;
}
