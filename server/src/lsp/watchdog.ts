// Notices when the server could not answer for over a second — some work ran without giving
// requests a turn — and says which work it was, so that a stall is reported, not just suffered.
import type { Logger } from '../workspace/workspace';

const CHECK_EVERY_MS = 200;
export const STALL_MS = 1000;

export class Watchdog {
  private work: string | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(logger: Logger, now: () => number = performance.now.bind(performance)) {
    let expected = now() + CHECK_EVERY_MS;
    this.timer = setInterval(() => {
      const late = now() - expected;
      if (late > STALL_MS) {
        logger.warn(`No request could be answered for ${Math.round(late)} ms while the server was busy with ${this.work ?? 'other work'}`);
      }
      expected = now() + CHECK_EVERY_MS;
    }, CHECK_EVERY_MS);
    this.timer.unref();
  }

  /** Runs `work`, naming it in any stall report meanwhile. */
  async during<T>(name: string, work: () => Promise<T>): Promise<T> {
    const outer = this.work;
    this.work = name;
    try {
      return await work();
    } finally {
      this.work = outer;
    }
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}
