// Knowledge built from the small fixture glossary, for tests that must not move when the real data grows.
import type { GlossaryFile } from '../../server/src/knowledge/glossary';
import type { FactFile } from '../../server/src/facts/factBook';
import { knowledgeFrom } from '../../server/src/knowledge/loadKnowledge';
import mini from '../fixtures/mini-glossary.json';
import variants from '../fixtures/variant-glossary.json';
import quizTerms from '../fixtures/quiz/glossary.json';
import quizFacts from '../fixtures/quiz/facts.json';

export function miniKnowledge() {
  return knowledgeFrom([mini as GlossaryFile]);
}

/** The mini glossary plus concepts whose names learners spell and inflect in more than one way. */
export function variantKnowledge() {
  return knowledgeFrom([mini as GlossaryFile, variants as GlossaryFile]);
}

/**
 * The mini glossary plus the parts and concepts the quiz fixtures define (`버킷 정책`, `Elasticity`),
 * since only glossary terms are asked as definitions, and the quiz's facts.
 */
export function quizKnowledge() {
  return knowledgeFrom([mini as GlossaryFile, quizTerms as GlossaryFile], [quizFacts as unknown as FactFile]);
}

/** `[[term]]` marks expected spans: returns the plain text and the marked spans. */
export function marked(source: string): { text: string; spans: [number, number][] } {
  const spans: [number, number][] = [];
  let text = '';
  const re = /\[\[(.*?)\]\]/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    text += source.slice(last, m.index);
    spans.push([text.length, text.length + m[1].length]);
    text += m[1];
    last = m.index + m[0].length;
  }
  return { text: text + source.slice(last), spans };
}
