// Where each value of a JSON text lies, by JSON pointer (`/entries/3/definition`), so that a schema
// error can be shown on the part of the file it is about. The text must already be valid JSON.

export interface Span {
  start: number;
  end: number;
}

/** Offsets of every value by pointer; an object member's span starts at its key. */
export function jsonLocations(text: string): Map<string, Span> {
  const spans = new Map<string, Span>();
  let i = 0;
  const skipSpace = () => {
    while (/\s/.test(text[i] ?? '')) {
      i++;
    }
  };
  const readString = (): string => {
    const start = i;
    for (i++; text[i] !== '"'; i++) {
      if (text[i] === '\\') {
        i++;
      }
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string, start: number): void => {
    skipSpace();
    const open = text[i];
    if (open === '{' || open === '[') {
      i++;
      skipSpace();
      for (let n = 0; text[i] !== (open === '{' ? '}' : ']'); n++) {
        skipSpace();
        const itemStart = i;
        let key = String(n);
        if (open === '{') {
          key = readString();
          skipSpace();
          i++; // ':'
        }
        value(`${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, itemStart);
        skipSpace();
        if (text[i] === ',') {
          i++;
        }
        skipSpace();
      }
      i++;
    } else if (open === '"') {
      readString();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i])) {
        i++;
      }
    }
    spans.set(pointer, { start, end: i });
  };
  skipSpace();
  value('', i);
  return spans;
}
