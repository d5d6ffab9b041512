// Compiles fact claim patterns: JS regular expressions plus the `{num:N}` and `{qty:N UNIT}`
// macros documented in facts.schema.json.
import { escapeRegExp } from '../text/regExp';

/** Not preceded by a digit or by a digit and a separator, so `{num:20}` never matches in 120 or 1,20. */
const NUM_BEFORE = String.raw`(?<!\d|\d[.,])`;
/** Not followed by more digits, so `{num:20}` never matches in 200, 20,000 or 20.5. */
const NUM_AFTER = String.raw`(?![.,]?\d)`;

/** Digits of `value` with optional thousands separators: 16000 -> 16,?000. */
function digitsSource(value: string): string {
  const [int, frac] = value.split('.');
  const groups: string[] = [];
  for (let end = int.length; end > 0; end -= 3) {
    groups.unshift(int.slice(Math.max(0, end - 3), end));
  }
  return groups.join(',?') + (frac ? String.raw`\.${frac}` : '');
}

export function numSource(value: string): string {
  if (!/^\d+(\.\d+)?$/.test(value)) {
    throw new Error(`{num:${value}}: not a plain number`);
  }
  return `${NUM_BEFORE}${digitsSource(value)}${NUM_AFTER}`;
}

type Family = 'size' | 'rate' | 'time' | 'percent';

interface Unit {
  family: Family;
  /** Size in the family's base unit (bytes, bits per second, seconds, percent). */
  factor: number;
  /** Binary factor for sizes (KiB…), so 5 TiB also reads as 5,120 GiB. */
  binary?: number;
  spellings: string[];
}

const sizeUnit = (power: number, latin: string[], korean: string[]): Unit => ({
  family: 'size',
  factor: 1000 ** power,
  binary: 1024 ** power,
  spellings: [...latin, ...korean],
});
const rateUnit = (power: number, prefix: string): Unit => ({
  family: 'rate',
  factor: 1000 ** power,
  spellings: [`${prefix}bps`, `${prefix}b/s`, `${prefix}bit/s`],
});

const UNITS: Unit[] = [
  sizeUnit(0, ['bytes', 'byte', 'B'], ['바이트']),
  sizeUnit(1, ['KiB', 'KB', 'K'], ['킬로바이트', '킬로']),
  sizeUnit(2, ['MiB', 'MB'], ['메가바이트', '메가']),
  sizeUnit(3, ['GiB', 'GB'], ['기가바이트', '기가']),
  sizeUnit(4, ['TiB', 'TB'], ['테라바이트', '테라']),
  sizeUnit(5, ['PiB', 'PB'], ['페타바이트', '페타']),
  rateUnit(0, ''),
  rateUnit(1, 'K'),
  rateUnit(2, 'M'),
  rateUnit(3, 'G'),
  rateUnit(4, 'T'),
  { family: 'time', factor: 0.001, spellings: ['milliseconds', 'millisecond', 'ms', '밀리초'] },
  { family: 'time', factor: 1, spellings: ['seconds', 'second', 'secs', 'sec', 's', '초'] },
  { family: 'time', factor: 60, spellings: ['minutes', 'minute', 'mins', 'min', '분'] },
  { family: 'time', factor: 3600, spellings: ['hours', 'hour', 'hrs', 'hr', 'h', '시간'] },
  { family: 'time', factor: 86400, spellings: ['days', 'day', '일'] },
  { family: 'percent', factor: 1, spellings: ['%', 'percent', '퍼센트', '프로'] },
];

function findUnit(spelling: string): Unit {
  const unit = UNITS.find((u) => u.spellings.some((s) => s.toLowerCase() === spelling.toLowerCase()));
  if (!unit) {
    throw new Error(`{qty}: unknown unit ${spelling}`);
  }
  return unit;
}

/** A Latin unit must not run into a longer word (`5 s3`, `5 GBps`); Korean particles may follow. */
function spellingSource(spelling: string): string {
  const escaped = escapeRegExp(spelling);
  return /[a-z]$/i.test(spelling) ? `${escaped}(?![a-z0-9])` : escaped;
}

/** Values people actually write: at most two decimals and not absurdly long. */
function niceNumber(v: number): string | undefined {
  if (v < 0.01 || v > 1e6) {
    return undefined;
  }
  const rounded = Math.round(v * 100) / 100;
  if (Math.abs(rounded - v) > 1e-9 * v) {
    return undefined;
  }
  return String(rounded);
}

export function qtySource(spec: string): string {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(\S+)\s*$/.exec(spec);
  if (!m) {
    throw new Error(`{qty:${spec}}: expected "NUMBER UNIT"`);
  }
  const value = Number(m[1]);
  const unit = findUnit(m[2]);
  const alternatives: string[] = [];
  for (const u of UNITS) {
    if (u.family !== unit.family) {
      continue;
    }
    const values = new Set<string>();
    const decimal = niceNumber((value * unit.factor) / u.factor);
    if (decimal) {
      values.add(decimal);
    }
    if (unit.binary && u.binary) {
      const binary = niceNumber((value * unit.binary) / u.binary);
      if (binary) {
        values.add(binary);
      }
    }
    if (values.size === 0) {
      continue;
    }
    const spellings = [...u.spellings].sort((a, b) => b.length - a.length).map(spellingSource);
    const numbers = [...values].map((v) => `${NUM_BEFORE}${digitsSource(v)}`);
    alternatives.push(`(?:${numbers.join('|')})\\s*(?:${spellings.join('|')})`);
  }
  return `(?:${alternatives.join('|')})`;
}

/** Expands the macros of one pattern; throws on a malformed macro. */
export function expandMacros(source: string): string {
  return source.replace(/\{(num|qty):([^}]+)\}/g, (_, kind: string, arg: string) =>
    kind === 'num' ? numSource(arg.trim()) : qtySource(arg),
  );
}

/** `d` gives the indices of the `claim` group. */
export function compilePattern(source: string, global = true): RegExp {
  return new RegExp(expandMacros(source), global ? 'giud' : 'iu');
}
