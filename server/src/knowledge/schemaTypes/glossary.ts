// Generated from server/knowledge/glossary.schema.json by npm run generate:schema-types. Do not edit.

export type Alias =
  | string
  | {
      text: string;
      /**
       * Match only with this exact casing. Defaults to true for all-uppercase aliases of up to 4 characters (SG, AZ, IA).
       */
      caseSensitive?: boolean;
      /**
       * Entry ids of which one must be mentioned in the same section for this alias to count (e.g. IA requires s3).
       */
      requires?: string[];
    };

export interface CloudStudyNotesGlossaryFile {
  $schema?: string;
  version: 1;
  entries: Entry[];
}
export interface Entry {
  id: string;
  /**
   * Official English name: Amazon EC2, AWS CloudTrail, Security Group.
   */
  name: string;
  /**
   * How notes usually write it: EC2, CloudTrail, Security Group.
   */
  shortName: string;
  /**
   * Korean display name: EC2, 보안 그룹, 가용 영역.
   */
  nameKo: string;
  /**
   * Every name the matcher recognises in notes: include name, shortName and nameKo unless one is an everyday word that must not match alone (Config, Shield). Spacing, casing and Korean particles are handled by the matcher.
   */
  aliases: Alias[];
  category:
    | 'compute'
    | 'containers'
    | 'storage'
    | 'database'
    | 'networking'
    | 'security'
    | 'management'
    | 'monitoring'
    | 'integration'
    | 'analytics'
    | 'developer-tools'
    | 'migration'
    | 'ml'
    | 'cost'
    | 'concept';
  definition: Localized;
  docs: string;
  relations?: Relation[];
  exams?: ('SAA' | 'SOA' | 'DVA')[];
}
export interface Localized {
  ko: string;
  en: string;
}
export interface Relation {
  type: 'integrates-with' | 'compared-with' | 'part-of' | 'replaced-by' | 'uses' | 'alternative-to';
  target: string;
}
