// How built-in knowledge names a glossary entry in a question.
import type { Glossary, GlossaryEntry, Locale } from '../knowledge/glossary';
import { aliasText } from '../knowledge/glossary';

/** `보안 그룹 (Security Group)` in Korean when the Korean name differs, the English name otherwise. */
export function displayName(entry: GlossaryEntry, locale: Locale): string {
  return locale === 'ko' && isKorean(entry.nameKo) ? `${entry.nameKo} (${entry.name})` : entry.name;
}

export function isKorean(text: string): boolean {
  return /\p{Script=Hangul}/u.test(text);
}

/**
 * The service a part is asked under (`EC2` of `전용 인스턴스`, `CloudFront` of `Origin Request`),
 * unless `name` already says a whole it is part of, or the entry is named Amazon or AWS.
 */
export function unnamedService(glossary: Glossary, entry: GlossaryEntry, name: string): GlossaryEntry | undefined {
  const wholes = glossary
    .withBroader(entry.id)
    .slice(1)
    .flatMap((id) => glossary.get(id) ?? []);
  const said = (w: GlossaryEntry) =>
    [w.shortName, w.nameKo, ...w.aliases.map(aliasText)].some((n) => name.toLowerCase().includes(n.toLowerCase()));
  const service = wholes.find((w) => glossary.typeOf(w.id) === 'service');
  return service && !/^(?:Amazon|AWS)\s/.test(entry.name) && !wholes.some(said) ? service : undefined;
}
