// One finding of `cloud-notes check`, as every output format receives it.

export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type SeverityName = (typeof SEVERITIES)[number];

export interface Finding {
  /** Relative to the working directory, with the platform's separators. */
  file: string;
  /** 1-based, like the column; the end is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: SeverityName;
  /** A dated fact's id or a check's name (`service-name`). */
  rule: string;
  message: string;
  /** The AWS page that says what is true now (dated facts). */
  source?: string;
}

/** What a rule is about, for formats that describe their rules (SARIF). */
export interface RuleInfo {
  description: string;
  helpUri?: string;
}
