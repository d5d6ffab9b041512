// Cards drawn from lines the outdated-facts checker flags: every finding is listed on the card,
// and the card asks for what is true now. An outdated value (a number with its unit) in the
// question or the options is replaced by the current one where the fact has a mechanical
// replacement; a name is never spliced into the note's sentence (`통신` with a new product name
// is nonsense). An answer that is the outdated claim without one becomes the current fact (the
// card lists the note's wording); one that only mentions it among other things is not asked.
import type { Finding } from '../features/diagnostics';
import type { Knowledge } from '../knowledge/loadKnowledge';
import type { Locale } from '../knowledge/glossary';
import type { StaleFinding } from '../protocol';
import type { NoteQuestion } from './noteSource';
import { firstSentence } from './sentences';
import { contentWords } from './giveaways';

export interface FactFinding {
  finding: Finding;
  /** The flagged text as the note has it. */
  claim: string;
}

export function staleFindings(knowledge: Knowledge, locale: Locale, findings: readonly FactFinding[]): StaleFinding[] {
  return findings.map(({ finding: { ruleId, message }, claim }) => {
    const fact = knowledge.facts.byId.get(ruleId)?.fact;
    return { noted: claim, current: fact ? firstSentence(fact.current[locale]) : message, message };
  });
}

/** An answer with more words than this beside its outdated claim says more than the claim: the current fact would not answer it. */
const MAX_WORDS_BESIDE_CLAIM = 3;
/** `5TB`, `15 분`, `1,000`: a number with its unit, which may be swapped in place without breaking the sentence. */
const VALUE = /^[~≈]?\d[\d,.]*\s*[\p{L}%]{0,5}$/u;

function isValue(text: string): boolean {
  return VALUE.test(text.trim());
}

/**
 * The question as it must be asked when its source makes these outdated claims; undefined when
 * it cannot be: a question about an outdated claim, or a name in a list or a comparison that is
 * outdated, with nothing to replace it.
 * Options that would show an outdated claim are left out: the question is asked without them.
 */
export function askCurrent<Q extends NoteQuestion>(
  question: Q,
  findings: readonly FactFinding[],
  stale: readonly StaleFinding[],
): Q | undefined {
  let { prompt, answer, choices } = question;
  let dropChoices = false;
  for (const [i, { finding, claim }] of findings.entries()) {
    const { replacement } = finding;
    // A list's title is not itself outdated, but the list lacks a member: a card asking for the
    // set would teach it incomplete; any other card from the list is asked, with the finding listed.
    if (finding.listTitle && question.kind === 'heading') {
      return undefined;
    }
    if (!claim || finding.listTitle) {
      continue;
    }
    if (replacement !== undefined && isValue(claim) && isValue(replacement)) {
      const swap = (text: string) => text.split(claim).join(replacement);
      prompt = swap(prompt);
      answer = swap(answer);
      choices = choices?.map(swap);
    } else if (prompt.includes(claim)) {
      // A question about what is retired or no longer true (`Scheduled Reserved Instances(이)란?`) is not asked.
      return undefined;
    } else if (answer.includes(claim) || choices?.some((c) => c.includes(claim))) {
      if (question.kind === 'heading' || question.kind === 'comparison') {
        return undefined;
      }
      if (answer.includes(claim)) {
        // The current fact answers the question only where the claim was the answer, not a detail of it.
        if (contentWords(answer.split(claim).join(' ')).length > MAX_WORDS_BESIDE_CLAIM) {
          return undefined;
        }
        answer = stale[i].current;
      }
      dropChoices = true;
    }
  }
  const { choices: _old, answerIndex, ...rest } = question;
  return { ...rest, prompt, answer, ...(choices && !dropChoices ? { choices, answerIndex } : {}) } as Q;
}
