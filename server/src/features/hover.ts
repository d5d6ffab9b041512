// Hover: what a term is, in the user's language first, how it relates to other services (links
// that jump to where the notes discuss them), and where the user's own notes define it.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { GlossaryEntry, Locale } from '../knowledge/glossary';
import { categoryLabel, t, type MessageKey } from '../l10n';
import { ownTermAt, termAt, type FeatureContext, type OwnTermAt } from './context';
import { noteLabel } from './noteLabel';
import { ShowTermCommand } from '../protocol';

const MAX_DEFINITION_LINKS = 3;
const MAX_RELATED = 8;

export function hover(ctx: FeatureContext, doc: TextDocument, pos: Position): Hover | undefined {
  const term = termAt(ctx, doc, pos);
  if (!term) {
    const own = ownTermAt(ctx, doc, pos);
    return own && ownTermHover(ctx, own);
  }
  const { entry, entryIndex } = term;
  const { locale } = ctx;
  const other: Locale = locale === 'ko' ? 'en' : 'ko';
  const parts = [
    `**${escape(title(entry, locale))}** · ${escape(categoryLabel(locale, entry.category))}`,
    escape(entry.definition[locale]),
    `*${escape(entry.definition[other])}*`,
  ];

  const related = ctx.glossary.related(entry.id).slice(0, MAX_RELATED);
  if (related.length) {
    const links = related.map(
      (r) => `[${escape(r.target.shortName)}](${commandUri(r.target.id)}) (${t(locale, `relation.${r.type}` as MessageKey)})`,
    );
    parts.push(`**${t(locale, 'related')}**: ${links.join(' · ')}`);
  }

  const definitions = ctx.index.definitions(entryIndex);
  const mentions = t(locale, 'mentions', ctx.index.mentionCount(entryIndex), ctx.index.noteCount(entryIndex));
  if (definitions.length) {
    const links = definitions.slice(0, MAX_DEFINITION_LINKS).map((d) => noteLink(d.uri, d.line));
    if (definitions.length > MAX_DEFINITION_LINKS) {
      links.push(t(locale, 'andMore', definitions.length - MAX_DEFINITION_LINKS));
    }
    parts.push(`**${t(locale, 'definedInNotes')}**: ${links.join(', ')} · ${mentions}`);
  } else {
    parts.push(`${t(locale, 'notDefinedInNotes')} · ${mentions}`);
  }
  parts.push(`[${t(locale, 'awsDocs')}](${entry.docs})`);

  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') }, range: term.range };
}

/** A term only the notes define: what they say it is, where, and its other names. */
function ownTermHover(ctx: FeatureContext, { term, range }: OwnTermAt): Hover {
  const { locale } = ctx;
  const parts = [`**${escape(term.name)}** · ${t(locale, 'ownTerm')}`];
  const shown = term.definitions.slice(0, MAX_DEFINITION_LINKS);
  for (const d of shown) {
    parts.push(`${d.gist ? `${escape(d.gist)} — ` : ''}${noteLink(d.uri, d.line)}`);
  }
  if (term.definitions.length > shown.length) {
    parts.push(t(locale, 'andMore', term.definitions.length - shown.length));
  }
  if (term.names.length > 1) {
    parts.push(`${t(locale, 'alsoWritten')}: ${term.names.slice(1).map(escape).join(', ')}`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') }, range };
}

/** `[notes/a.md:3](file:///…#L3)`; a URI may hold characters that end a Markdown link (`)`, spaces). */
function noteLink(uri: string, line: number): string {
  const target = uri.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escape(noteLabel(uri))}:${line + 1}](${target}#L${line + 1})`;
}

/** `Amazon EC2`, or `보안 그룹 · Security Group` when the Korean name differs. */
function title(entry: GlossaryEntry, locale: Locale): string {
  if (entry.nameKo === entry.shortName || entry.nameKo === entry.name) {
    return entry.name;
  }
  return locale === 'ko' ? `${entry.nameKo} · ${entry.name}` : `${entry.name} · ${entry.nameKo}`;
}

function commandUri(id: string): string {
  return `command:${ShowTermCommand}?${encodeURIComponent(JSON.stringify([id]))}`;
}

/** Glossary text is ours, but file names are not: keep Markdown syntax in them literal. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#|]/g, '\\$&');
}
