// The built server through a real LSP connection (JSON-RPC over stdio).
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileUri, serverForSuite, startServer, type LspSession } from './helpers/lspClient';
import { QuizSummaryRequest, StatusRequest } from '../server/src/protocol';

const FIXTURES = path.join(__dirname, 'fixtures', 'notes');

describe('language server over LSP', function () {
  let folder: string;
  let lsp: LspSession;

  serverForSuite(
    (dir) => {
      cpSync(FIXTURES, dir, { recursive: true });
      writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    },
    {},
    (started) => ({ folder, lsp } = started),
  );

  const open = (name: string) => {
    const uri = fileUri(folder, name);
    lsp.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(path.join(folder, name), 'utf8') },
    });
    return uri;
  };

  it('indexes the folder and reports status, skipping the binary file with a clear log line', async () => {
    const status = await lsp.connection.sendRequest(StatusRequest);
    assert.equal(status.indexing, false);
    const symbols = (await lsp.connection.sendRequest('workspace/symbol', { query: '' })) as { location: { uri: string } }[];
    assert.deepEqual([...new Set(symbols.map((s) => path.basename(s.location.uri)))].sort(), ['compute.md', 'network.md', 'stale.md']);
    assert.equal(status.files, 3);
    assert.ok(
      lsp.logs.some((l) => l === `Skipped ${fileUri(folder, 'binary.md')}: binary file (contains NUL bytes)`),
      lsp.logs.join('\n'),
    );
  });

  it('exports the quiz cards of a note for Anki, the deck named after the scope, sources below the workspace folder', async () => {
    const params = { scope: { kind: 'note', uri: fileUri(folder, 'network.md') }, subdeck: 'network.md', roots: [fileUri(folder, '')] };
    const { tsv, cards } = (await lsp.connection.sendRequest('cloudNotes/ankiExport', params)) as { tsv: string; cards: number };
    const lines = tsv.trimEnd().split('\n');
    assert.equal(lines[3], '#deck:Cloud Study Notes::network.md');
    const rows = lines.filter((l) => !l.startsWith('#'));
    assert.equal(rows.length, cards);
    const sources = rows.map((r) => r.split('\t')[2]).filter(Boolean);
    assert.ok(sources.length > 0, tsv);
    assert.deepEqual(
      sources.filter((s) => !/^network\.md:\d+$/.test(s)),
      [],
    );
  });

  it('hovers a Korean term with a particle', async () => {
    const uri = open('compute.md');
    const hover = (await lsp.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 2, character: 22 },
    })) as {
      contents: { value: string };
      range: unknown;
    };
    assert.deepEqual(hover.range, { start: { line: 2, character: 20 }, end: { line: 2, character: 24 } });
    assert.match(hover.contents.value, /^\*\*보안 그룹 · Security Group\*\* · 네트워킹\n\n/);
    assert.ok(
      hover.contents.value.includes(
        `[fixtures-or-tmp/network.md:3](${fileUri(folder, 'network.md')}#L3)`.replace('fixtures-or-tmp', path.basename(folder)),
      ),
      hover.contents.value,
    );
  });

  it('goes to the definition in another note and finds references in every language', async () => {
    const uri = open('compute.md');
    const defs = (await lsp.connection.sendRequest('textDocument/definition', {
      textDocument: { uri },
      position: { line: 4, character: 6 },
    })) as { uri: string; range: { start: { line: number } } }[];
    assert.deepEqual(
      defs.map((d) => [path.basename(d.uri), d.range.start.line]),
      [
        ['network.md', 2],
        ['network.md', 7],
      ],
    );
    const refs = (await lsp.connection.sendRequest('textDocument/references', {
      textDocument: { uri },
      position: { line: 4, character: 6 },
      context: { includeDeclaration: true },
    })) as { uri: string; range: { start: { line: number; character: number } } }[];
    const where = refs.map((r) => `${path.basename(r.uri)}:${r.range.start.line}:${r.range.start.character}`).sort();
    assert.deepEqual(
      where,
      ['compute.md:2:20', 'compute.md:4:5', 'network.md:2:3', 'network.md:2:10', 'network.md:4:2', 'network.md:7:7'].sort(),
    );
  });

  it('gives semantic tokens for the terms of a note, with the legend it announced', async () => {
    const uri = open('compute.md');
    const tokens = (await lsp.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
    assert.deepEqual(lsp.capabilities.semanticTokensProvider?.legend, { tokenTypes: ['cloudTerm'], tokenModifiers: ['workspace'] });
    // The first token is `EC2` in `- EC2 : AWS의 가상 서버`: line 2, column 2, length 3, type 0, no modifier.
    assert.deepEqual(tokens.data.slice(0, 5), [2, 2, 3, 0, 0]);
    assert.equal(tokens.data.length % 5, 0);
  });

  it('applies a rules change to open notes without indexing again, and ignores an unchanged section', async () => {
    // A note of its own, so that no other test sees its diagnostics.
    writeFileSync(path.join(folder, 'rules.md'), readFileSync(path.join(folder, 'stale.md')));
    const uri = fileUri(folder, 'rules.md');
    // Resolves at the first publication of the note whose codes satisfy `wanted` (earlier ones may still be in flight).
    const published = (wanted: (codes: string[]) => boolean) =>
      new Promise<void>((resolve) => {
        const listener = lsp.connection.onNotification(
          'textDocument/publishDiagnostics',
          (p: { uri: string; diagnostics: { code: string }[] }) => {
            if (p.uri !== uri || !wanted(p.diagnostics.map((d) => d.code))) {
              return;
            }
            listener.dispose();
            resolve();
          },
        );
      });
    const withS3 = (codes: string[]) => codes.includes('s3-strong-consistency');
    const first = published(withS3);
    open('rules.md');
    await first;
    const indexings = lsp.counts.progress;
    const off = published((codes) => codes.length > 0 && !withS3(codes));
    lsp.settings.rules = { 's3-strong-consistency': 'off' };
    lsp.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await off;
    // The unchanged section: once the server has read it, a new indexing would have asked for its progress bar.
    const asked = lsp.counts.configuration;
    lsp.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    while (lsp.counts.configuration === asked) {
      await lsp.connection.sendRequest('cloudNotes/status');
    }
    await lsp.connection.sendRequest('cloudNotes/status');
    assert.equal(lsp.counts.progress, indexings);
    const restored = published(withS3);
    delete lsp.settings.rules;
    lsp.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await restored;
    lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('pushes diagnostics for an open note and offers quick fixes', async () => {
    const uri = fileUri(folder, 'stale.md');
    const published = new Promise<{ uri: string; version: number; diagnostics: { code: string; range: unknown; message: string }[] }>(
      (resolve) => {
        lsp.connection.onNotification(
          'textDocument/publishDiagnostics',
          (p: { uri: string; version: number; diagnostics: { code: string; range: unknown; message: string }[] }) => {
            if (p.uri === uri) {
              resolve(p);
            }
          },
        );
      },
    );
    open('stale.md');
    const { version, diagnostics } = await published;
    assert.equal(version, 1);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['s3-strong-consistency', 'ec2-xen-hypervisor', 'ebs-gp2-max-iops', 'service-name'],
    );
    assert.match(
      diagnostics[0].message,
      /^2020년 12월부터 S3는 .* 현재: .*\(2020년 12월 변경 · 출처: aws\.amazon\.com\/s3\/consistency\)$/,
    );
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[1].range,
      context: { diagnostics: [diagnostics[1]] },
    })) as { title: string; edit?: { changes: Record<string, { newText: string }[]> } }[];
    assert.equal(actions[0].title, '현재 사실로 고치기: Nitro 하이퍼바이저');
    assert.deepEqual(
      actions[0].edit!.changes[uri].map((e) => e.newText),
      ['Nitro 하이퍼바이저'],
    );
  });

  it('answers a hover while a large note it was just given is still being parsed', async () => {
    const small = fileUri(folder, 'small.md');
    const big = fileUri(folder, 'big.md');
    lsp.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: small, languageId: 'markdown', version: 1, text: 'EC2를 쓴다\n' },
    });
    await lsp.connection.sendRequest('cloudNotes/status');
    const order: string[] = [];
    const published = new Promise<number>((resolve) => {
      lsp.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
        if (p.uri !== big) {
          return;
        }
        order.push('diagnostics');
        resolve(p.diagnostics.length);
      });
    });
    const text = Array.from({ length: 300 }, (_, i) => `## EC2 ${i}\n\nEC2 는 Xen 하이퍼바이저 위에서 실행된다.\n`).join('\n');
    lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'markdown', version: 1, text } });
    const hover = lsp.connection
      .sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 1 } })
      .then((h) => {
        order.push('hover');
        return h;
      });
    assert.ok(await hover);
    assert.equal(await published, 300);
    assert.deepEqual(order, ['hover', 'diagnostics']);
  });

  it('sees edits of an open note', async () => {
    const uri = fileUri(folder, 'edited.md');
    lsp.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: '# Amazon EC2 노트\n' },
    });
    lsp.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 12 } }, text: '# CloudTrail' }],
    });
    const hover = (await lsp.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 4 },
    })) as { contents: { value: string } };
    assert.match(hover.contents.value, /^\*\*AWS CloudTrail\*\*/);
  });

  it('summarises the workspace quiz without the questions: card ids and the terms the notes mention', async () => {
    const summary = await lsp.connection.sendRequest(QuizSummaryRequest, {});
    assert.ok(summary.cards.length > 0);
    assert.ok(summary.cards.every((c) => typeof c.id === 'string' && Array.isArray(c.termIds) && !('prompt' in c)));
    const sg = summary.terms.find((t) => t.id === 'security-group');
    assert.deepEqual(sg, { id: 'security-group', name: '보안 그룹', category: 'networking' });
  });

  it('coalesces a burst of edits into a few diagnostics passes, the last for the latest version', async () => {
    const uri = fileUri(folder, 'burst.md');
    const versions: number[] = [];
    let settled!: () => void;
    const last = new Promise<void>((resolve) => (settled = resolve));
    lsp.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version: number }) => {
      if (p.uri === uri) {
        versions.push(p.version);
        if (p.version === 101) {
          settled();
        }
      }
    });
    const line = 'EC2 는 Xen 하이퍼바이저 위에서 실행된다.\n\n';
    lsp.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: `# EC2\n\n${line.repeat(2000)}` },
    });
    for (let version = 2; version <= 101; version++) {
      lsp.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, text: ' ' }],
      });
      await new Promise((resolve) => setTimeout(resolve, 5)); // typing: a few ms apart
    }
    await last;
    assert.equal(versions.at(-1), 101);
    assert.ok(versions.length <= 5, `${versions.length} passes: ${versions.join(', ')}`);
  });
});

describe('language server over LSP: before and while indexing', () => {
  it('answers -32002 before initialize and says it is indexing until the first index is complete', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'csn-lsp-init-'));
    cpSync(FIXTURES, folder, { recursive: true });
    const seen: Record<string, unknown> = {};
    const lsp = await startServer(folder, {
      beforeInitialize: async (c) => {
        seen.beforeInitialize = await c.sendRequest(StatusRequest).catch((e: { code: number }) => e.code);
      },
      beforeInitialized: async (c) => {
        seen.beforeInitialized = (await c.sendRequest(StatusRequest)).indexing;
      },
    });
    try {
      await lsp.indexed;
      assert.deepEqual(seen, { beforeInitialize: -32002, beforeInitialized: true });
      assert.equal((await lsp.connection.sendRequest(StatusRequest)).indexing, false);
    } finally {
      await lsp.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
