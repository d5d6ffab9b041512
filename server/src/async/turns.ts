// Long work (indexing, parsing a large note, the quiz over many notes) gives pending requests a
// turn now and then, and stops when the request it serves was cancelled.

/** What LSP's CancellationToken offers and the service needs; tests pass a plain object. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** Thrown out of long work whose request was cancelled; the server answers "request cancelled". */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Long work gives pending requests a turn this often. */
const YIELD_EVERY_MS = 8;

export type Turn = () => Promise<void>;

/**
 * A function that long work awaits between steps: it gives pending requests a turn once
 * YIELD_EVERY_MS have passed, and throws Cancelled once `token` is cancelled.
 */
export function turns(token?: Cancellation): Turn {
  let last = Date.now();
  return async () => {
    if (Date.now() - last >= YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      last = Date.now();
    }
    if (token?.isCancellationRequested) {
      throw new Cancelled();
    }
  };
}
