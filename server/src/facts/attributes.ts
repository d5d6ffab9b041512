// The attribute lexicon (server/knowledge/attributes.json): how notes name an attribute of a
// service — a maximum size, a retention period, a billing unit — in Korean and English. Fact
// frames pair an attribute with an old value; see claimMatcher.ts.
import lexicon from '../../knowledge/attributes.json';
import type { CloudStudyNotesAttributeLexicon } from '../knowledge/schemaTypes/attributes';

/** An attribute: phrases that name it just before the value, and just after. */
export type AttributeSpec = CloudStudyNotesAttributeLexicon['attributes'][number];

export interface CompiledAttribute {
  /** Ends where the value starts (a little filler without digits may stand between). */
  before: RegExp;
  /** Starts where the value ends. */
  after: RegExp;
  /** Anywhere in a text: a table header or a heading that names the attribute. */
  anywhere: RegExp;
}

/** What may stand between a phrase before the value and the value: `최대 크기는 단일 객체 기준 5TB`. */
const FILLER = String.raw`[^\d.!?;|\n]{0,15}`;

export function compileAttribute(spec: AttributeSpec): CompiledAttribute {
  const before = spec.before.map((p) => `(?:${p})`).join('|');
  const after = spec.after.map((p) => `(?:${p})`).join('|');
  return {
    before: new RegExp(`(?:${before})${FILLER}$`, 'iu'),
    after: new RegExp(`^(?:${after})`, 'iu'),
    anywhere: new RegExp([before, after.replace(/\\s\*/g, '')].filter(Boolean).join('|'), 'iu'),
  };
}

let compiled: Map<string, CompiledAttribute> | undefined;

/** The bundled attributes by id, compiled once. */
export function attributes(): ReadonlyMap<string, CompiledAttribute> {
  compiled ??= new Map((lexicon.attributes as AttributeSpec[]).map((a) => [a.id, compileAttribute(a)]));
  return compiled;
}
