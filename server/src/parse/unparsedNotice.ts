// One log line per note when remark is not given some of its sections (see inputGuard.ts), said
// before parsing where the caller can, and again only when the count changes.
import type { Logger } from '../workspace/workspace';

export class UnparsedNotice {
  private readonly told = new Map<string, number>();

  constructor(private readonly logger: Logger) {}

  tell(uri: string, unparsed: number): void {
    if (unparsed && unparsed !== this.told.get(uri)) {
      this.logger.warn(
        `${uri}: ${unparsed} section(s) too large or too deeply nested to read as Markdown; outdated-fact checks and quiz questions skip them`,
      );
    }
    this.told.set(uri, unparsed);
  }

  forget(uri: string): void {
    this.told.delete(uri);
  }
}
