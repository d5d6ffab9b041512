// Cards the learner set aside from the panel: buried until tomorrow, or suspended until they are
// taken back. Kept in `.cloud-notes/card-flags.json` beside the review log, never inside a note.
// Plain Node `fs`, no vscode import.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SIDECAR_DIR, writeFileAtomic } from './reviewStore';
import { localDayKey } from './stats';

export const FLAGS_FILE = 'card-flags.json';

export type SetAside = 'bury' | 'suspend';

interface FlagsFile {
  version: 1;
  suspended: string[];
  /** Card id → the local day (YYYY-MM-DD) it is buried for. */
  buried: Record<string, string>;
}

export class CardFlags {
  readonly file: string;
  private flags: FlagsFile = empty();

  constructor(root: string) {
    this.file = path.join(root, SIDECAR_DIR, FLAGS_FILE);
  }

  /** Reads the file; a missing or unreadable one means no card is set aside (it is rewritten on the next change). */
  async load(): Promise<void> {
    try {
      this.flags = parse(await fs.readFile(this.file, 'utf8'));
    } catch {
      this.flags = empty();
    }
  }

  async setAside(cardId: string, how: SetAside, now: Date): Promise<void> {
    await this.load();
    if (how === 'suspend') {
      this.flags.suspended = [...new Set([...this.flags.suspended, cardId])];
    } else {
      this.flags.buried[cardId] = localDayKey(now);
    }
    // Burials of past days are dropped when the file is written.
    const today = localDayKey(now);
    this.flags.buried = Object.fromEntries(Object.entries(this.flags.buried).filter(([, day]) => day === today));
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(this.flags, null, 1) + '\n');
  }

  isHidden(cardId: string, now: Date): boolean {
    return this.flags.suspended.includes(cardId) || this.flags.buried[cardId] === localDayKey(now);
  }
}

function empty(): FlagsFile {
  return { version: 1, suspended: [], buried: {} };
}

function parse(text: string): FlagsFile {
  const value = JSON.parse(text) as Partial<FlagsFile>;
  const suspended = Array.isArray(value.suspended) ? value.suspended.filter((id): id is string => typeof id === 'string') : [];
  const buried =
    typeof value.buried === 'object' && value.buried !== null
      ? Object.fromEntries(Object.entries(value.buried).filter(([, day]) => typeof day === 'string'))
      : {};
  return { version: 1, suspended, buried };
}
