import * as assert from 'node:assert/strict';
import { allowedLink, allowedSource } from '../../client/src/quiz/allowlist';
import type { QuizItem } from '../../server/src/protocol';

const card = (over: Partial<QuizItem>): QuizItem => ({ id: 'c', kind: 'card', prompt: 'p', answer: 'a', termIds: [], ...over });
const session = [
  card({ source: { uri: 'file:///notes/s3.md', line: 3 } }),
  card({ kind: 'fact', sourceUrl: 'https://aws.amazon.com/s3/consistency/' }),
  card({ kind: 'fact', sourceUrl: 'http://example.com/plain' }),
];

describe('quiz panel allowlist', () => {
  it('opens only notes that a card of the session comes from', () => {
    assert.equal(allowedSource(session, 'file:///notes/s3.md'), 'file:///notes/s3.md');
    for (const uri of ['file:///etc/passwd', 'file:///notes/s3.md/../secret.md', 'untitled:s3.md', '']) {
      assert.equal(allowedSource(session, uri), undefined, uri);
    }
  });

  it('opens only https links that a card of the session cites', () => {
    assert.equal(allowedLink(session, 'https://aws.amazon.com/s3/consistency/')?.href, 'https://aws.amazon.com/s3/consistency/');
    for (const url of [
      'http://example.com/plain',
      'https://evil.example/',
      'command:workbench.action.terminal.new',
      'javascript:alert(1)',
      'not a url',
    ]) {
      assert.equal(allowedLink(session, url), undefined, url);
    }
  });
});
