// Generated from server/knowledge/attributes.schema.json by npm run generate:schema-types. Do not edit.

/**
 * Bilingual ways notes name an attribute of a service (maximum size, retention, billing unit…). A fact frame names an attribute and an old value; the frame matches when the value sits in a clause next to one of the attribute's phrases.
 */
export interface CloudStudyNotesAttributeLexicon {
  $schema?: string;
  version: 1;
  attributes: {
    id: string;
    description: string;
    /**
     * Regular expressions (flags iu) for phrases that name the attribute just BEFORE the value: `최대 크기는`, `up to`, `retention of`. They are anchored at their end: only spaces, `:` or `=` may stand between the phrase and the value.
     */
    before: string[];
    /**
     * Regular expressions (flags iu) for phrases that name the attribute just AFTER the value: `까지`, `동안 보관`, `per second`. They are anchored at their start.
     */
    after: string[];
  }[];
}
