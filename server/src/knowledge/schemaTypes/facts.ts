// Generated from server/knowledge/facts.schema.json by npm run generate:schema-types. Do not edit.

export type Fact = {
  [k: string]: unknown;
} & {
  /**
   * Stable kebab-case id, e.g. s3-strong-consistency.
   */
  id: string;
  /**
   * Glossary entry ids the claim is about.
   *
   * @minItems 1
   */
  about: [Id, ...Id[]];
  /**
   * Lower-case substrings of which at least one must occur in the lower-cased block text before any `claim` pattern of the fact runs (a cheap prefilter). Every match of every pattern must contain one of them. Required with `claim`.
   *
   * @minItems 1
   */
  keywords?: [string, ...string[]];
  /**
   * Patterns that recognise the old claim, in Korean and English.
   *
   * @minItems 1
   */
  claim?: [Pattern, ...Pattern[]];
  /**
   * Patterns that, when found in the block (or, for `section` context, in the enclosing headings and items), mean the claim is about something for which the old value is still true (e.g. Oracle read replicas).
   */
  exclude?: PatternSource[];
  /**
   * Where one of the `about` terms must be mentioned for a match to count: `sentence` (the same sentence or table cell), `block` (the same paragraph, list item or table row) or `section` (the block, its parent list items or its enclosing headings). A table cell counts its row's first cell and its column's header as named with it, whatever the context; a cell that names no subject itself, under headers that name another service or what the glossary compares the subject with and not the subject (a `NAT Instance` column), is about that instead.
   */
  context: 'sentence' | 'block' | 'section';
  changed: Localized1;
  /**
   * When it changed: YYYY, YYYY-MM or YYYY-MM-DD. Omit when unknown.
   */
  changedOn?: string;
  /**
   * The date is approximate or not confirmed by an AWS source.
   */
  changedOnApprox?: boolean;
  current: Localized2;
  source: string;
  lastVerified: string;
  /**
   * `confirmed`: stated on an AWS page. `third-party`: confirmed only by third-party pages.
   */
  confidence: 'confirmed' | 'third-party';
  /**
   * `warning` for a claim that is false now; `information` for one that is only outdated in wording or incomplete (a renamed service that works the same, a service closed to new customers that existing customers still use, a list that lacks a newer option) and for any fact whose source is third-party.
   */
  severity: 'warning' | 'information';
  replacement?: Localized3;
  examples: {
    /**
     * @minItems 2
     */
    match: [Example, Example, ...Example[]];
    /**
     * @minItems 2
     */
    noMatch: [Example, Example, ...Example[]];
  };
  /**
   * The claim as frames: an attribute of the lexicon (attributes.json) named next to the old value (or the old concept) in one clause, table row or under a heading that names it. The subject comes from `about` and `context` as for patterns.
   *
   * @minItems 1
   */
  frames?: [Frame, ...Frame[]];
  /**
   * Glossary ids of a renamed or retired name: a present-tense mention of one of them is the claim (negated, historical and change-noting sentences stay quiet; code is never prose).
   *
   * @minItems 1
   */
  mentions?: [Id, ...Id[]];
  /**
   * Glossary ids whose mention in the same sentence keeps a mention or frame claim quiet (the successor named beside the old name).
   */
  unlessTerms?: Id[];
  list?: List;
};
export type Id = string;
export type Pattern =
  | PatternSource
  | {
      pattern: PatternSource;
      /**
       * The pattern itself names the subject (for example `Kinesis Data Firehose` or `read replica … 최대 5개`), so the `context` requirement is already met.
       */
      subject?: boolean;
      /**
       * The old claim is itself a negative statement (`비대칭 키는 지원하지 않음`, `MFA 장치는 하나밖에 못 씀`), so negation words in the sentence do not cancel it.
       */
      negated?: boolean;
      replacement?: Localized;
    };
/**
 * A JavaScript regular expression, applied with the flags `giud` (case-insensitive, Unicode). The compiler expands these macros first: `{num:N}` matches the number N written with or without thousands separators (`16000`, `16,000`) and never inside a longer number (`{num:20}` does not match 120, 200 or 2.05); `{qty:N UNIT}` matches a quantity equal to N UNIT in any common spelling and unit of the same family: data sizes (B, KB/KiB, MB/MiB, GB/GiB, TB/TiB, PB and Korean 바이트, 킬로, 메가, 기가, 테라, 페타: `{qty:5 TB}` matches 5TB, 5 TB, 5테라, 5 테라바이트, 5 TiB, 5,000 GB), data rates (bps to Tbps, also Gb/s: `{qty:1.25 Gbps}` matches 1,250 Mbps), durations (ms, s, min, h, day and 초, 분, 시간, 일: `{qty:1 min}` matches 1분, 1 minute, 60초, 60 seconds) and percents (`75%`, `75 %`, `75 퍼센트`, `75 percent`). A named group `(?<claim>…)` narrows the reported span to that group; otherwise the whole match is reported. Write patterns so that they only match the OLD value: a current value must not match.
 */
export type PatternSource = string;
export type Frame = {
  /**
   * An attribute id of attributes.json (max-size, max-count, retention, …).
   */
  attribute: string;
  /**
   * A JavaScript regular expression, applied with the flags `giud` (case-insensitive, Unicode). The compiler expands these macros first: `{num:N}` matches the number N written with or without thousands separators (`16000`, `16,000`) and never inside a longer number (`{num:20}` does not match 120, 200 or 2.05); `{qty:N UNIT}` matches a quantity equal to N UNIT in any common spelling and unit of the same family: data sizes (B, KB/KiB, MB/MiB, GB/GiB, TB/TiB, PB and Korean 바이트, 킬로, 메가, 기가, 테라, 페타: `{qty:5 TB}` matches 5TB, 5 TB, 5테라, 5 테라바이트, 5 TiB, 5,000 GB), data rates (bps to Tbps, also Gb/s: `{qty:1.25 Gbps}` matches 1,250 Mbps), durations (ms, s, min, h, day and 초, 분, 시간, 일: `{qty:1 min}` matches 1분, 1 minute, 60초, 60 seconds) and percents (`75%`, `75 %`, `75 퍼센트`, `75 percent`). A named group `(?<claim>…)` narrows the reported span to that group; otherwise the whole match is reported. Write patterns so that they only match the OLD value: a current value must not match.
   */
  value?: string;
  /**
   * Or the old model as a glossary id (eventual-consistency).
   */
  concept?: string;
  replacement?: Localized4;
} & Frame1 & {
    /**
     * An attribute id of attributes.json (max-size, max-count, retention, …).
     */
    attribute: string;
    /**
     * A JavaScript regular expression, applied with the flags `giud` (case-insensitive, Unicode). The compiler expands these macros first: `{num:N}` matches the number N written with or without thousands separators (`16000`, `16,000`) and never inside a longer number (`{num:20}` does not match 120, 200 or 2.05); `{qty:N UNIT}` matches a quantity equal to N UNIT in any common spelling and unit of the same family: data sizes (B, KB/KiB, MB/MiB, GB/GiB, TB/TiB, PB and Korean 바이트, 킬로, 메가, 기가, 테라, 페타: `{qty:5 TB}` matches 5TB, 5 TB, 5테라, 5 테라바이트, 5 TiB, 5,000 GB), data rates (bps to Tbps, also Gb/s: `{qty:1.25 Gbps}` matches 1,250 Mbps), durations (ms, s, min, h, day and 초, 분, 시간, 일: `{qty:1 min}` matches 1분, 1 minute, 60초, 60 seconds) and percents (`75%`, `75 %`, `75 퍼센트`, `75 percent`). A named group `(?<claim>…)` narrows the reported span to that group; otherwise the whole match is reported. Write patterns so that they only match the OLD value: a current value must not match.
     */
    value?: string;
    /**
     * Or the old model as a glossary id (eventual-consistency).
     */
    concept?: string;
    replacement?: Localized4;
  } & Frame1;
export type Frame1 =
  | {
      [k: string]: unknown;
    }
  | {
      [k: string]: unknown;
    };

/**
 * Time-sensitive AWS facts. Each fact describes an old claim that study notes still make, how to recognise it, and what is true now.
 */
export interface CloudStudyNotesDatedFactsFile {
  $schema?: string;
  version: 1;
  facts: Fact[];
}
/**
 * Overrides the fact's replacement for matches of this pattern.
 */
export interface Localized {
  ko: string;
  en: string;
}
/**
 * What changed, in one sentence.
 */
export interface Localized1 {
  ko: string;
  en: string;
}
/**
 * What is true now, in one or two sentences.
 */
export interface Localized2 {
  ko: string;
  en: string;
}
/**
 * Text that replaces the reported span (a mechanical fix); may use `$1`… for the pattern's capture groups. The Korean text is used in a sentence that contains Hangul, the English text in a Latin one.
 */
export interface Localized3 {
  ko: string;
  en: string;
}
export interface Example {
  /**
   * One block of note text, or, with `items`, the title of a list (a heading's or a parent item's text). In `match` examples, `[[` and `]]` may mark the expected span (they are removed before matching).
   */
  text: string;
  /**
   * Texts of the enclosing headings and parent list items, outermost first.
   */
  context?: string[];
  /**
   * Year of an `<!-- as-of: YYYY -->` marker that applies to the block.
   */
  asOf?: number;
  /**
   * Other facts this example is expected to trigger as well.
   */
  also?: Id[];
  /**
   * For a `list` fact: the texts of the list items directly under `text` (a heading or a parent item); the example is then that section.
   *
   * @minItems 1
   */
  items?: [string, ...string[]];
}
export interface Localized4 {
  ko: string;
  en: string;
}
/**
 * The claim as an incomplete list: a heading or parent list item whose child items (the items directly under it) start with at least `minMembers` different `members`, each named once, while neither its title nor anything in its section names one of `newer`. Every child item must name a member, unless the title matches `title` and says it lists a set (종류, 유형, types, options, strategies): then at most half may be other notes. The finding covers the title. A title that marks the list as a deliberate subset (비교, vs, examples, 예시, 일부), as negated or as historical stays quiet, and so does one matching the fact's `exclude`.
 */
export interface List {
  /**
   * The members the old list had, one pattern each, matched at the start of a child item (after any punctuation).
   *
   * @minItems 2
   */
  members: [PatternSource, PatternSource, ...PatternSource[]];
  /**
   * The members added since, matched anywhere in the section: naming one keeps it quiet.
   *
   * @minItems 1
   */
  newer: [PatternSource, ...PatternSource[]];
  /**
   * How many different members the child items must name (default 2).
   */
  minMembers?: number;
  /**
   * A JavaScript regular expression, applied with the flags `giud` (case-insensitive, Unicode). The compiler expands these macros first: `{num:N}` matches the number N written with or without thousands separators (`16000`, `16,000`) and never inside a longer number (`{num:20}` does not match 120, 200 or 2.05); `{qty:N UNIT}` matches a quantity equal to N UNIT in any common spelling and unit of the same family: data sizes (B, KB/KiB, MB/MiB, GB/GiB, TB/TiB, PB and Korean 바이트, 킬로, 메가, 기가, 테라, 페타: `{qty:5 TB}` matches 5TB, 5 TB, 5테라, 5 테라바이트, 5 TiB, 5,000 GB), data rates (bps to Tbps, also Gb/s: `{qty:1.25 Gbps}` matches 1,250 Mbps), durations (ms, s, min, h, day and 초, 분, 시간, 일: `{qty:1 min}` matches 1분, 1 minute, 60초, 60 seconds) and percents (`75%`, `75 %`, `75 퍼센트`, `75 percent`). A named group `(?<claim>…)` narrows the reported span to that group; otherwise the whole match is reported. Write patterns so that they only match the OLD value: a current value must not match.
   */
  title?: string;
  /**
   * A JavaScript regular expression, applied with the flags `giud` (case-insensitive, Unicode). The compiler expands these macros first: `{num:N}` matches the number N written with or without thousands separators (`16000`, `16,000`) and never inside a longer number (`{num:20}` does not match 120, 200 or 2.05); `{qty:N UNIT}` matches a quantity equal to N UNIT in any common spelling and unit of the same family: data sizes (B, KB/KiB, MB/MiB, GB/GiB, TB/TiB, PB and Korean 바이트, 킬로, 메가, 기가, 테라, 페타: `{qty:5 TB}` matches 5TB, 5 TB, 5테라, 5 테라바이트, 5 TiB, 5,000 GB), data rates (bps to Tbps, also Gb/s: `{qty:1.25 Gbps}` matches 1,250 Mbps), durations (ms, s, min, h, day and 초, 분, 시간, 일: `{qty:1 min}` matches 1분, 1 minute, 60초, 60 seconds) and percents (`75%`, `75 %`, `75 퍼센트`, `75 percent`). A named group `(?<claim>…)` narrows the reported span to that group; otherwise the whole match is reported. Write patterns so that they only match the OLD value: a current value must not match.
   */
  subject?: string;
}
