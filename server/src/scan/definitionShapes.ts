// The shapes in which notes define a term: a heading about it (`### CloudTrail`,
// `## 2. IAM(AWS Identity and Access Management)`), a definition item (`EBS : 블록 스토리지`,
// `**SQS**: 메시지 큐`, `eip (탄력적 IP 주소) - 고정 IP`) and a table header or row-header cell.
import type { TermMatch } from '../terms/termMatcher';

const NUMBERING = /^\s*(?:\d+(?:[-.]\d+)*[.)]?|[IVXivx]+\.|[①-⑳]|[가-하][.)])\s+|^\s*\d+(?:-\d+)*[.)]/;
const PARENS = /\([^()]*\)|（[^（）]*）|\[[^[\]]*\]/g;
const MARKUP = /[*_`#:：.,;!?/&|~=<>"'“”‘’\-–—→\s]+/g;
const GENERIC =
  /^(?:정리|개요|요약|이란|란|란\?|기본|기초|소개|개념|특징|정의|종류|유형|및|와|과|vs|basics?|overview|summary|intro|introduction|concepts?|and|or|notes?)$/i;

/** Terms a heading is about: nothing is left once terms, numbering, asides and filler words are taken out. */
export function definedInHeading(text: string, start: number, end: number, matches: TermMatch[]): TermMatch[] {
  if (!matches.length) {
    return [];
  }
  const rest = blankOut(text, start, end, matches).replace(NUMBERING, ' ');
  const words = rest
    .replace(PARENS, ' ')
    .split(MARKUP)
    .filter((w) => w && !GENERIC.test(w));
  return words.length ? [] : firstPerEntry(matches);
}

/** The term a definition item starts with, when a separator follows it (and maybe an aside). */
export function definedInItem(text: string, start: number, end: number, matches: TermMatch[]): TermMatch[] {
  const first = matches[0];
  if (!first || !/^[\s*_[]*$/.test(text.slice(start, first.start))) {
    return [];
  }
  const after = text.slice(first.end, Math.min(end, first.end + 200));
  return /^(?:[*_\]]*)\s*(?:\([^()]*\)|（[^（）]*）)?\s*[*_]*\s*(?::(?!:)|：|\s[-–—=]\s|\s?→)/.test(after) ? [first] : [];
}

/** Terms a table cell consists of. */
export function definedInCell(text: string, start: number, end: number, matches: TermMatch[]): TermMatch[] {
  if (!matches.length) {
    return [];
  }
  const rest = blankOut(text, start, end, matches).replace(PARENS, ' ');
  return rest.split(MARKUP).some(Boolean) ? [] : firstPerEntry(matches);
}

function blankOut(text: string, start: number, end: number, matches: TermMatch[]): string {
  let out = '';
  let at = start;
  for (const m of matches) {
    out += text.slice(at, m.start) + ' ';
    at = m.end;
  }
  return out + text.slice(at, end);
}

function firstPerEntry(matches: TermMatch[]): TermMatch[] {
  const seen = new Set<number>();
  return matches.filter((m) => !seen.has(m.entry) && seen.add(m.entry));
}
