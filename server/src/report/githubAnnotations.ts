// `cloud-notes check --format github`: GitHub Actions workflow commands, which the run's page and
// the pull request's diff show as annotations on the note's lines.
import type { Finding, SeverityName } from './finding';

const COMMANDS: Record<SeverityName, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/** `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, one line per finding. */
export function toGithubAnnotation(f: Finding): string {
  const properties = {
    file: f.file.split('\\').join('/'),
    line: f.line,
    col: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    title: `cloud-notes ${f.rule}`,
  };
  const list = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${COMMANDS[f.severity]} ${list}::${escapeData(f.message)}`;
}

// The escapes of @actions/core's command.ts: a message may not break the line; a property may not
// end itself (`,`) or the property list (`:`) either.
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
