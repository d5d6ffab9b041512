// Section shapes on which remark's cost is far from linear: tests, the fuzz test and the probe
// script (scripts/probe.ts) share them.

/** Each took remark 1 s or more on its own before the guard in parse/inputGuard.ts (40–50 s for the first two). */
/** Each took remark 1 s or more on its own before the guard (40–50 s for the first two). */
export const HOSTILE_SECTIONS: Record<string, string> = {
  'list markers on one line': '- '.repeat(10_000) + 'EC2',
  'emphasis run': '*a_'.repeat(20_000),
  'quote and list markers on one line': '> - '.repeat(5_000) + 'S3',
  'ordered markers on one line': '1. '.repeat(5_000) + 'S3',
  'bold and underscore runs': '**a__'.repeat(4_000),
  'emphasis around links': '*[a](b)_'.repeat(3_000),
  'open links': '[a]('.repeat(10_000),
  brackets: '['.repeat(50_000) + 'a',
  'deeply nested lines': Array.from({ length: 1_000 }, () => '- '.repeat(20) + 'EC2').join('\n'),
  'indented nesting': Array.from({ length: 3_000 }, (_, i) => ' '.repeat((i % 33) * 3) + '- a').join('\n'),
  'nested quotes': Array.from({ length: 1_000 }, () => '> '.repeat(45) + 'w').join('\n'),
  'emphasis continued on indented lines': Array.from({ length: 500 }, () => '   ' + '*a_'.repeat(20)).join('\n'),
  'long table': '| a | b |\n| - | - |\n' + '| x | y |\n'.repeat(20_000),
};
