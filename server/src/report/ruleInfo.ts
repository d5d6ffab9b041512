// What each rule of `cloud-notes check` is about: a dated fact says what changed and links its AWS
// source; the service-name check has a fixed description.
import type { Knowledge } from '../knowledge/loadKnowledge';
import type { Locale } from '../knowledge/glossary';
import { TYPO_RULE } from '../features/diagnostics';
import { t } from '../l10n';
import type { RuleInfo } from './finding';

export function ruleDescriber(knowledge: Knowledge, locale: Locale): (id: string) => RuleInfo | undefined {
  return (id) => {
    if (id === TYPO_RULE) {
      return { description: t(locale, 'typoRule') };
    }
    const fact = knowledge.facts.byId.get(id)?.fact;
    return fact && { description: fact.changed[locale], helpUri: fact.source };
  };
}
