// Random protocol messages to the built server over a real LSP connection: requests of every kind
// with well-formed, odd or nonsense parameters, and notifications that open, edit and close notes
// with out-of-range edits. The server must answer every request (a result or an error), stay
// alive, and answer a status request within a second after each batch.
import * as assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { fileUri, serverForSuite, type LspSession } from './helpers/lspClient';
import { StatusRequest } from '../server/src/protocol';

const FIXTURES = path.join(__dirname, 'fixtures', 'notes');
const ANSWER_WITHIN_MS = 1000;

const REQUESTS = [
  'textDocument/hover',
  'textDocument/definition',
  'textDocument/references',
  'textDocument/documentHighlight',
  'textDocument/completion',
  'textDocument/documentSymbol',
  'textDocument/codeAction',
  'textDocument/semanticTokens/full',
  'workspace/symbol',
  'cloudNotes/quizItems',
  'cloudNotes/quizSummary',
  'cloudNotes/termLocations',
  'cloudNotes/termNames',
  'cloudNotes/servicesOverview',
  'cloudNotes/ankiExport',
  'cloudNotes/noSuchRequest',
];

type Message = { request: string; params: unknown } | { notification: string; params: unknown };

function messages(folder: string): fc.Arbitrary<Message[]> {
  const uri = fc.oneof(
    fc.constantFrom('compute.md', 'network.md', 'stale.md', 'fuzz.md').map((n) => fileUri(folder, n)),
    fc.constantFrom('file:///etc/passwd', 'untitled:x.md', 'not a uri', ''),
  );
  const position = fc.record({ line: fc.integer({ min: -2, max: 400 }), character: fc.integer({ min: -2, max: 2000 }) });
  const range = fc.record({ start: position, end: position });
  const text = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.constantFrom('# EC2\n\nEC2 는 Xen 위에서 실행\n', '- '.repeat(2000), '*a_'.repeat(2000)),
  );
  const params = fc.oneof(
    fc.record({
      textDocument: fc.record({ uri }),
      position,
      context: fc.record({ diagnostics: fc.array(fc.anything(), { maxLength: 2 }) }),
    }),
    fc.record({
      scope: fc.oneof(fc.record({ kind: fc.constantFrom('all', 'note', 'folder', 'term', 'category', 'bogus') }), fc.anything()),
      uri,
    }),
    fc.record({ termId: fc.oneof(fc.constantFrom('ec2', 's3', 'nope'), fc.anything()), termIds: fc.anything(), query: fc.anything() }),
    fc.anything(),
  );
  const request = fc.record({ request: fc.constantFrom(...REQUESTS), params });
  const notification = fc.oneof(
    fc.record({
      notification: fc.constant('textDocument/didOpen'),
      params: fc.record({ textDocument: fc.record({ uri, languageId: fc.constant('markdown'), version: fc.nat(5), text }) }),
    }),
    fc.record({
      notification: fc.constant('textDocument/didChange'),
      params: fc.record({
        textDocument: fc.record({ uri, version: fc.integer({ min: 2, max: 1000 }) }),
        contentChanges: fc.array(fc.oneof(fc.record({ range, text }), fc.record({ text })), { maxLength: 3 }),
      }),
    }),
    fc.record({ notification: fc.constant('textDocument/didClose'), params: fc.record({ textDocument: fc.record({ uri }) }) }),
    fc.record({
      notification: fc.constantFrom('workspace/didChangeConfiguration', '$/cancelRequest', 'cloudNotes/bogus'),
      params: fc.anything(),
    }),
  );
  return fc.array(fc.oneof(request, notification), { minLength: 1, maxLength: 12 });
}

/** Resolves with how long `promise` took, or rejects once `ms` have passed. */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  try {
    await Promise.race([
      promise.then(
        () => undefined,
        () => undefined,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe('fuzz: random protocol messages to the built server', function () {
  this.timeout(120_000);
  let folder = '';
  let lsp: LspSession;
  serverForSuite(
    (dir) => cpSync(FIXTURES, dir, { recursive: true }),
    { locale: 'ko' },
    (started) => ({ folder, lsp } = started),
  );

  it('answers every request, stays alive and answers status within a second after each batch', async () => {
    let batches = 0;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => messages(folder)),
        async (batch) => {
          const answers: Promise<unknown>[] = [];
          for (const message of batch) {
            if ('request' in message) {
              answers.push(lsp.connection.sendRequest(message.request, message.params));
            } else {
              void lsp.connection.sendNotification(message.notification, message.params);
            }
          }
          sent += batch.length;
          await Promise.all(answers.map((a, i) => within(10_000, `request ${i} of batch ${batches}`, a)));
          const start = performance.now();
          await within(ANSWER_WITHIN_MS, 'status after the batch', lsp.connection.sendRequest(StatusRequest));
          assert.ok(performance.now() - start < ANSWER_WITHIN_MS);
          assert.equal(lsp.process.exitCode, null, 'the server exited');
          batches++;
        },
      ),
      { seed: 7, numRuns: 30 },
    );
    assert.equal(batches, 30);
    assert.ok(sent >= 30);
  });
});
