// Quiz cards in Anki's text import format (Anki 2.1.55+ file headers), so a deck built from the
// notes can be reviewed in Anki on a phone. One row per question: front, back, source, tags.
// Fields are HTML (`#html:true`): every piece of note text is escaped, line breaks become <br>.
import type { AnkiExport, AnkiExportParams, QuizItem } from '../protocol';
import type { Locale } from '../knowledge/glossary';

export const DEFAULT_DECK = 'Cloud Study Notes';

export interface AnkiExportOptions {
  deck: string;
  /** Where a question came from, as the user reads it: `notes/ec2.md:12`. */
  sourceLabel: (source: NonNullable<QuizItem['source']>) => string;
  /** The language of the few words the export adds ("Source"). */
  locale: Locale;
}

const COLUMNS = ['Front', 'Back', 'Source', 'Tags'];
const SOURCE_WORD: Record<Locale, string> = { en: 'Source', ko: '출처' };

export function ankiTsv(items: readonly QuizItem[], options: AnkiExportOptions): string {
  const header = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    `#deck:${oneLine(options.deck)}`,
    `#columns:${COLUMNS.join('\t')}`,
    `#tags column:${COLUMNS.indexOf('Tags') + 1}`,
  ];
  const rows = items.map((item) => {
    const source = item.source ? options.sourceLabel(item.source) : '';
    return [front(item), back(item, source, options.locale), escapeHtml(source), tags(item)].join('\t');
  });
  return [...header, ...rows].join('\n') + '\n';
}

function front(item: QuizItem): string {
  const prompt = escapeHtml(item.prompt);
  if (!item.choices?.length) {
    return prompt;
  }
  return `${prompt}<ol>${item.choices.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ol>`;
}

function back(item: QuizItem, source: string, locale: Locale): string {
  const parts = [escapeHtml(item.answer)];
  if (item.explanation) {
    parts.push(escapeHtml(item.explanation));
  }
  if (item.sourceUrl && /^https?:\/\//.test(item.sourceUrl)) {
    parts.push(`<a href="${escapeHtml(item.sourceUrl)}">${escapeHtml(item.sourceUrl)}</a>`);
  }
  if (source) {
    parts.push(`<small>${SOURCE_WORD[locale]}: ${escapeHtml(source)}</small>`);
  }
  return parts.join('<br><br>');
}

/** Anki tags: space-separated, hierarchical with `::`. */
function tags(item: QuizItem): string {
  return ['cloud-notes', `kind::${item.kind}`, ...item.termIds.map((id) => `term::${id}`)].map((tag) => tag.replace(/\s+/g, '_')).join(' ');
}

/** Text as HTML that cannot end its field or row: tabs and line breaks become entities and <br>. */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\r?\n|\r/g, '<br>');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Labels a source by its path below the first of `roots` (folder URIs) that holds it, with its 1-based line. */
export function sourceLabelUnder(roots: readonly string[]): AnkiExportOptions['sourceLabel'] {
  const folders = roots.map((r) => r.replace(/\/?$/, '/'));
  return ({ uri, line }) => {
    const root = folders.find((f) => uri.startsWith(f));
    const path = root ? uri.slice(root.length) : uri.slice(uri.lastIndexOf('/') + 1);
    return `${decodeURIComponent(path)}:${line + 1}`;
  };
}

/** The answer to the client's AnkiExportRequest. */
export function ankiExport(items: readonly QuizItem[], params: AnkiExportParams, locale: Locale): AnkiExport {
  const deck = params.subdeck ? `${DEFAULT_DECK}::${params.subdeck}` : DEFAULT_DECK;
  return { tsv: ankiTsv(items, { deck, sourceLabel: sourceLabelUnder(params.roots), locale }), cards: items.length };
}
