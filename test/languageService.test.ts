import * as assert from 'node:assert/strict';
import { miniKnowledge } from './helpers/knowledge';
import { at, serviceOver } from './helpers/service';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../server/src/languageService';
import { occurrenceCount } from '../server/src/scan/noteScanner';
import { MemoryWorkspace } from './helpers/memoryWorkspace';
import { scratchDir } from './helpers/scratch';

const readNote = (w: MemoryWorkspace, uri: string) => new TextDecoder().decode(w.files.get(uri));

/** A service over `workspace` that persists its index in `cacheFile` (none: always cold). */
const serviceWithCache = (workspace: MemoryWorkspace, cacheFile?: string, warn: (m: string) => void = () => {}) =>
  new LanguageService({ workspace, knowledge: miniKnowledge(), locale: 'ko', logger: { info() {}, warn }, cacheFile });

const NOTES = {
  'file:///notes/network.md': [
    '# 네트워크',
    '## 보안 그룹 (Security Group)',
    '- 인스턴스 단위 방화벽. SG는 상태 저장',
    '- 네트워크 ACL과 비교',
    '',
    '```',
    'aws ec2 create-security-group # 보안그룹',
    '```',
  ].join('\n'),
  'file:///notes/compute.md': ['# EC2', '- EC2 : 가상 서버', '- 보안그룹은 EC2를 보호', '- 🚀 Security Group 규칙'].join('\n'),
};

describe('language service (in memory)', () => {
  it('hovers a term with both definitions, relations, the note definition and mention counts', async () => {
    const { service, doc } = await serviceOver(miniKnowledge(), NOTES);
    const d = doc('file:///notes/compute.md');
    const hover = service.hover(d, at(d, '보안그룹은', 2))!;
    assert.deepEqual(hover.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 6 } });
    const value = (hover.contents as { value: string }).value;
    assert.equal(
      value,
      [
        '**보안 그룹 · Security Group** · 네트워킹',
        '인스턴스 수준의 상태 저장 방화벽입니다.',
        '*A stateful firewall at the instance level.*',
        `**관련 서비스**: [NACL](command:cloudNotes.showTerm?${encodeURIComponent('["network-acl"]')}) (비교)`,
        '**내 노트의 정의**: [notes/network.md:2](file:///notes/network.md#L2) · 노트 2개에서 5번 언급',
        '[AWS 문서](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html)',
      ].join('\n\n'),
    );
  });

  it('puts English first for an English display language', async () => {
    const { service, doc } = await serviceOver(miniKnowledge(), NOTES, 'en');
    const d = doc('file:///notes/compute.md');
    const value = (service.hover(d, at(d, 'EC2를'))!.contents as { value: string }).value;
    assert.match(
      value,
      /^\*\*Amazon EC2\*\* · Compute\n\nEC2 provides resizable virtual servers\.\n\n\*EC2는 크기를 조정할 수 있는 가상 서버입니다\.\*/,
    );
    assert.match(
      value,
      /\*\*Defined in your notes\*\*: \[notes\/compute\.md:1\]\(file:\/\/\/notes\/compute\.md#L1\), \[notes\/compute\.md:2\]/,
    );
  });

  it('has no hover outside terms or inside code', async () => {
    const { service, doc } = await serviceOver(miniKnowledge(), NOTES);
    const d = doc('file:///notes/network.md');
    assert.equal(service.hover(d, at(d, '방화벽')), undefined);
    assert.equal(service.hover(d, at(d, 'ec2 create')), undefined);
    assert.equal(service.hover(d, at(d, '# 보안그룹', 3)), undefined);
  });

  it('goes to the definitions in the notes, headings first', async () => {
    const { service, doc } = await serviceOver(miniKnowledge(), NOTES);
    const d = doc('file:///notes/compute.md');
    assert.deepEqual(service.definition(d, at(d, 'Security Group')), [
      { uri: 'file:///notes/network.md', range: { start: { line: 1, character: 3 }, end: { line: 1, character: 8 } } },
    ]);
    assert.deepEqual(
      service.definition(d, at(d, 'EC2를')).map((l) => l.range.start.line),
      [0, 1],
    );
  });

  it('finds references under every name and language', async () => {
    const { service, doc } = await serviceOver(miniKnowledge(), NOTES);
    const d = doc('file:///notes/network.md');
    const refs = (await service.references(d, at(d, 'SG'))).map(
      (l) => `${l.uri.slice(14)}:${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`,
    );
    assert.deepEqual(
      refs.sort(),
      ['compute.md:2:2-6', 'compute.md:3:5-19', 'network.md:1:3-8', 'network.md:1:10-24', 'network.md:2:15-17'].sort(),
    );
  });

  it('keeps each reference exact where notes share positions and far along a long line', async () => {
    const long = `${'x'.repeat(70_000)} EC2`;
    const { service, doc } = await serviceOver(miniKnowledge(), {
      'file:///notes/a.md': 'EC2 메모\n',
      'file:///notes/b.md': 'EC2 메모\n',
      'file:///notes/b2.md': 'Amazon EC2 메모\n',
      'file:///notes/c.md': `${long}\n${long}\n`,
    });
    const d = doc('file:///notes/a.md');
    const refs = (await service.references(d, at(d, 'EC2'))).map(
      (l) => `${l.uri.slice(14)}:${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`,
    );
    assert.deepEqual(refs.sort(), ['a.md:0:0-3', 'b.md:0:0-3', 'b2.md:0:0-10', 'c.md:0:70001-70004', 'c.md:1:70001-70004']);
  });

  it('highlights the term in the note, marking its definition', async () => {
    const { service, doc } = await serviceOver(miniKnowledge(), NOTES);
    const d = doc('file:///notes/compute.md');
    assert.deepEqual(
      service.documentHighlights(d, at(d, 'EC2를')).map((h) => `${h.range.start.line}:${h.range.start.character}:${h.kind}`),
      ['0:2:3', '1:2:3', '2:8:1'],
    );
  });

  it('outlines headings and lists workspace symbols', async () => {
    const { service, doc } = await serviceOver(miniKnowledge(), NOTES);
    const d = doc('file:///notes/network.md');
    const [root] = service.documentSymbols(d);
    assert.equal(root.name, '네트워크');
    assert.deepEqual(
      root.children!.map((c) => [c.name, c.range.start.line, c.range.end.line]),
      [['보안 그룹 (Security Group)', 1, 7]],
    );
    const symbols = service.workspaceSymbols('보안').map((s) => s.name);
    assert.deepEqual(symbols, ['Security Group', '## 보안 그룹 (Security Group)']);
  });

  it('completes service names in Korean and English', async () => {
    const { service, doc, workspace } = await serviceOver(miniKnowledge(), NOTES);
    workspace.set('file:///notes/new.md', '람\nsecu');
    const d = doc('file:///notes/new.md');
    assert.deepEqual(
      service.completion(d, { line: 0, character: 1 }).map((c) => c.label),
      ['람다'],
    );
    const [item] = service.completion(d, { line: 1, character: 4 });
    assert.equal(item.label, 'Security Group');
    assert.deepEqual(item.textEdit, {
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } },
      newText: 'Security Group',
    });
  });

  it('reports status and keeps the index current on edits, changes and deletes', async () => {
    const { service, workspace } = await serviceOver(miniKnowledge(), NOTES);
    assert.deepEqual(service.status(), { files: 2, terms: 3, occurrences: 9, indexing: false });
    workspace.set('file:///notes/network.md', '람다');
    await service.noteChanged('file:///notes/network.md');
    assert.deepEqual(service.status(), { files: 2, terms: 3, occurrences: 6, indexing: false });
    service.noteDeleted('file:///notes/compute.md');
    assert.deepEqual(service.status(), { files: 1, terms: 1, occurrences: 1, indexing: false });
  });

  it('starts warm from its persisted index, reading only notes that changed', async () => {
    const cacheFile = path.join(scratchDir('csn-cache-'), 'index.bin');
    const workspace = new MemoryWorkspace(NOTES);
    const start = async () => {
      const service = serviceWithCache(workspace, cacheFile);
      await service.indexWorkspace();
      return service;
    };
    const cold = await start();
    assert.equal(workspace.reads, 2);
    const warm = await start();
    assert.equal(workspace.reads, 2);
    assert.deepEqual(warm.status(), cold.status());
    const d = TextDocument.create('file:///notes/compute.md', 'markdown', 1, readNote(workspace, 'file:///notes/compute.md'));
    assert.deepEqual(warm.references(d, at(d, 'EC2를')), cold.references(d, at(d, 'EC2를')));
    workspace.set('file:///notes/network.md', '람다');
    const third = await start();
    assert.equal(workspace.reads, 3);
    assert.equal(third.status().occurrences, 6);
  });

  it('starts warm with a few notes changed, gone or open, answering as a cold start does', async () => {
    const cacheFile = path.join(scratchDir('csn-cache-'), 'index.bin');
    const notes = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`file:///notes/${i}.md`, i % 2 ? `# EC2 ${i}\nEC2를 쓴다` : `S3 와 EC2 ${i}`]),
    );
    const workspace = new MemoryWorkspace(notes);
    const start = async (open?: TextDocument) => {
      const service = serviceWithCache(workspace, cacheFile);
      if (open) {
        service.documentChanged(open);
      }
      await service.indexWorkspace();
      return service;
    };
    await start();
    workspace.set('file:///notes/1.md', 'S3 만 남았다');
    workspace.files.delete('file:///notes/3.md');
    const editor = TextDocument.create('file:///notes/5.md', 'markdown', 2, '# EC2\nEC2 EC2 EC2');
    const warm = await start(editor);
    assert.equal(workspace.reads, 301);
    const cold = serviceWithCache(workspace);
    cold.documentChanged(editor);
    await cold.indexWorkspace();
    assert.deepEqual(warm.status(), cold.status());
    const refs = async (s: LanguageService) =>
      (await s.references(editor, at(editor, 'EC2'))).map((l) => `${l.uri}:${l.range.start.line}`).sort();
    assert.deepEqual(await refs(warm), await refs(cold));
    assert.deepEqual(warm.definition(editor, at(editor, 'EC2')), cold.definition(editor, at(editor, 'EC2')));
  });

  it('rebuilds a damaged index cache (a changed value in its arrays), saying so once', async () => {
    const cacheFile = path.join(scratchDir('csn-cache-'), 'index.bin');
    const workspace = new MemoryWorkspace(NOTES);
    const warnings: string[] = [];
    const start = async () => {
      const service = serviceWithCache(workspace, cacheFile, (m) => warnings.push(m));
      await service.indexWorkspace();
      return service;
    };
    const cold = await start();
    const bytes = readFileSync(cacheFile);
    bytes.writeInt32LE(-1, bytes.length - 4); // the last note named by the statistics
    writeFileSync(cacheFile, bytes);
    const warm = await start();
    assert.equal(workspace.reads, 4);
    assert.deepEqual(warnings, [`Index cache ${cacheFile} is damaged (its checksum does not match); rebuilding it`]);
    assert.deepEqual(warm.status(), cold.status());
  });

  it('ignores a corrupt index cache and starts cold', async () => {
    const cacheFile = path.join(scratchDir('csn-cache-'), 'index.bin');
    writeFileSync(cacheFile, 'not an index');
    const workspace = new MemoryWorkspace(NOTES);
    const service = serviceWithCache(workspace, cacheFile);
    await service.indexWorkspace();
    assert.equal(service.status().files, 2);
  });

  it('reads a 1 MB line and pathological nesting without structure, saying so once', async () => {
    const { service, doc, workspace, warnings } = await serviceOver(miniKnowledge(), {});
    workspace.set('file:///long.md', `# EC2\n${'EC2 는 Xen 위에서 실행. '.repeat(60000)}\n`);
    workspace.set('file:///deep.md', Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- S3 ${i}`).join('\n'));
    workspace.set('file:///quote.md', `${'>'.repeat(60)} S3`);
    for (const uri of ['file:///long.md', 'file:///deep.md', 'file:///quote.md']) {
      const d = doc(uri);
      assert.deepEqual(service.diagnostics(d), [], uri);
      service.diagnostics(d);
    }
    assert.equal(occurrenceCount(service.scan(doc('file:///long.md'))), 60001);
    assert.deepEqual(
      warnings,
      ['file:///long.md', 'file:///deep.md', 'file:///quote.md'].map(
        (u) => `${u}: 1 section(s) too large or too deeply nested to read as Markdown; outdated-fact checks and quiz questions skip them`,
      ),
    );
  });

  it('says before parsing that a hostile section is left unparsed, in the editor and in the quiz', async () => {
    const hostile = `# EC2\n\n${'*a_'.repeat(20_000)}\n\n# S3\n\nS3 버킷\n`;
    const { service, doc, workspace, warnings } = await serviceOver(miniKnowledge(), { 'file:///disk.md': hostile });
    workspace.set('file:///open.md', hostile);
    const message = (u: string) =>
      `${u}: 1 section(s) too large or too deeply nested to read as Markdown; outdated-fact checks and quiz questions skip them`;
    const pending = service.diagnosticsPausing(doc('file:///open.md'));
    assert.deepEqual(warnings, [message('file:///open.md')]); // said before the first section is parsed
    assert.deepEqual(await pending, []);
    await service.quizItems({ scope: { kind: 'note', uri: 'file:///disk.md' } });
    await service.quizItems({ scope: { kind: 'note', uri: 'file:///disk.md' } });
    assert.deepEqual(warnings, [message('file:///open.md'), message('file:///disk.md')]);
  });

  it('does not check a paragraph over 16 KB for outdated facts, and says so once', async () => {
    const { service, doc, workspace, warnings } = await serviceOver(miniKnowledge(), {});
    workspace.set('file:///paste.md', `# EC2\n\n${'EC2 는 Xen 위에서 실행 '.repeat(1_200)}\n\nEC2 는 Xen 위에서 실행된다.\n`);
    const d = doc('file:///paste.md');
    service.diagnostics(d);
    service.diagnostics(d);
    assert.deepEqual(warnings, ['file:///paste.md: 1 paragraph(s) over 16 KB are not checked for outdated facts']);
  });

  it('leaves an open note over the size limit alone', async () => {
    const { service, doc, workspace, warnings } = await serviceOver(miniKnowledge(), {});
    workspace.set('file:///huge.md', 'EC2 '.repeat(2 * 1024 * 1024));
    const d = doc('file:///huge.md');
    assert.equal(service.hover(d, { line: 0, character: 1 }), undefined);
    assert.deepEqual(service.diagnostics(d), []);
    assert.deepEqual(warnings, ['Skipped file:///huge.md: larger than 5 MB; raise cloudNotes.maxFileSizeMB to use it']);
  });

  it('skips binary, invalid UTF-8 and oversized notes with one clear line each', async () => {
    const { service, warnings } = await serviceOver(miniKnowledge(), {
      'file:///a.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
      'file:///b.md': new Uint8Array([0x45, 0x43, 0x32, 0xff, 0xfe]),
      'file:///c.md': 'EC2 '.repeat(2 * 1024 * 1024),
      'file:///d.md': 'EC2',
      'file:///e.md': new Uint8Array([0xff, 0xfe, 0x45, 0, 0x43, 0, 0x32, 0]),
    });
    assert.deepEqual(warnings, [
      'Skipped file:///a.md: binary file (contains NUL bytes)',
      'Skipped file:///b.md: not valid UTF-8; save it as UTF-8 to index it',
      'Skipped file:///c.md: larger than 5 MB (8.0 MB); raise cloudNotes.maxFileSizeMB to use it',
      'Skipped file:///e.md: UTF-16 text is not supported; save it as UTF-8 to index it',
    ]);
    assert.equal(service.status().files, 1);
  });
});
