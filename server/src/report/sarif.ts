// `cloud-notes check --format sarif`: a SARIF 2.1.0 log for code-scanning dashboards.
// One run; the rules are those with findings, each with its help page (the fact's AWS source).
import type { Finding, RuleInfo, SeverityName } from './finding';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVELS: Record<SeverityName, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export interface SarifTool {
  name: string;
  version: string;
  informationUri: string;
  /** What the rule `id` is about; undefined for an unknown id. */
  describeRule: (id: string) => RuleInfo | undefined;
}

/** Findings as a SARIF log; file paths become relative URIs with `/` separators. */
export function toSarif(findings: readonly Finding[], tool: SarifTool) {
  const ruleIds = [...new Set(findings.map((f) => f.rule))].sort();
  const rules = ruleIds.map((id) => {
    const info = tool.describeRule(id);
    return {
      id,
      ...(info ? { shortDescription: { text: info.description } } : {}),
      ...(info?.helpUri ? { helpUri: info.helpUri } : {}),
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, informationUri: tool.informationUri, rules } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: LEVELS[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relativeUri(f.file) },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
}

/** A relative path as a relative URI reference: `/` separators, each segment percent-encoded. */
function relativeUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
