// Other English forms of a glossary name that learners write for the same concept: plural and
// adjective forms of its words (`Eventually consistent`, `Lifecycle Policies`, `Auto Scale`).
// The matcher already takes a plain `-s` plural and any spacing or hyphenation.

/** Plurals, for the last word only. */
const PLURALS: readonly [RegExp, string][] = [
  [/([^aeiou])y$/i, '$1ies'], // policy → policies
  [/(s|x|ch|sh)$/i, '$1es'], // access → accesses
];
/** Rewrites of a word's ending: [ending, replacement], tried on words of five letters or more. */
const WORD_FORMS: readonly [RegExp, string][] = [
  [/ency$/i, 'ent'], // consistency → consistent
  [/ance$/i, 'ant'], // redundance → redundant
  [/ent$/i, 'ency'], // consistent → consistency
  [/([^l])al$/i, '$1ally'], // eventual → eventually
  [/([^aeiou])ing$/i, '$1e'], // scaling → scale, caching → cache
  [/([^aeiou])ing$/i, '$1ed'], // caching → cached
];
const MAX_FORMS = 8;

/** Inflected forms of an English name (every word may change; the name itself is not included). */
/** Some word of five letters or more has an ending that a rule rewrites (most names have none). */
const INFLECTABLE = /[A-Za-z]{2}(?:y|s|x|ch|sh|ency|ance|ent|al|ing)(?:[ -]|$)/i;

export function inflections(name: string): string[] {
  if (!INFLECTABLE.test(name) || !/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/.test(name)) {
    return [];
  }
  const words = name.split(/([ -])/);
  let forms = [''];
  for (const [i, word] of words.entries()) {
    const rules = i === words.length - 1 ? [...WORD_FORMS, ...PLURALS] : WORD_FORMS;
    const options = [
      word,
      ...(word.length >= 5 && /^[A-Za-z]+$/.test(word)
        ? rules.filter(([end]) => end.test(word)).map(([end, to]) => word.replace(end, to))
        : []),
    ];
    forms = forms.flatMap((f) => options.map((o) => f + o)).slice(0, MAX_FORMS * 4);
  }
  return forms.filter((f) => f !== name).slice(0, MAX_FORMS);
}
