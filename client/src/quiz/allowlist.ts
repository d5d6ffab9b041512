// What a message from the quiz webview may open: only a note or a link that a card of the current
// session shows, and links only over https. The webview renders note text, so it is not trusted.
import type { QuizItem } from '../../../server/src/protocol';

/** The note a webview asks to open, if a card of the session comes from it. */
export function allowedSource(items: Iterable<QuizItem>, uri: string): string | undefined {
  for (const item of items) {
    if (item.source?.uri === uri) {
      return uri;
    }
  }
  return undefined;
}

/** The link a webview asks to open, if a card of the session cites it and it is https. */
export function allowedLink(items: Iterable<QuizItem>, url: string): URL | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') {
    return undefined;
  }
  for (const item of items) {
    if (item.sourceUrl === url) {
      return parsed;
    }
  }
  return undefined;
}
