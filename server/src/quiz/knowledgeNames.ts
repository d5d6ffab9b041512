// How built-in knowledge names a glossary entry in a question.
import type { GlossaryEntry, Locale } from '../knowledge/glossary';

/** `보안 그룹 (Security Group)` in Korean when the Korean name differs, the English name otherwise. */
export function displayName(entry: GlossaryEntry, locale: Locale): string {
  return locale === 'ko' && isKorean(entry.nameKo) ? `${entry.nameKo} (${entry.name})` : entry.name;
}

export function isKorean(text: string): boolean {
  return /\p{Script=Hangul}/u.test(text);
}
