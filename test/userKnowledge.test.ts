// The team's own knowledge (.cloud-notes/glossary.json, facts.json): merging, validation errors and their ranges.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { GlossaryFile } from '../server/src/knowledge/glossary';
import { userKnowledgeKind, withUserKnowledge, type UserKnowledgeSource } from '../server/src/knowledge/userKnowledge';
import mini from './fixtures/mini-glossary.json';
import { at, serviceOver } from './helpers/service';
import { sandboxEntry, sandboxFact, teamFile } from './helpers/teamKnowledge';
import { fileUri, serverForSuite, type LspSession } from './helpers/lspClient';

const BASE = { glossary: [mini as GlossaryFile], facts: [] };
const GLOSSARY_URI = 'file:///notes/.cloud-notes/glossary.json';
const FACTS_URI = 'file:///notes/.cloud-notes/facts.json';

const glossary = (text: string): UserKnowledgeSource => ({ uri: GLOSSARY_URI, kind: 'glossary', text });
const facts = (text: string): UserKnowledgeSource => ({ uri: FACTS_URI, kind: 'facts', text });
/** The team's sandbox entry with a facts file about it. */
const withSandboxFacts = (text: string) => withUserKnowledge([glossary(teamFile('entries', [sandboxEntry()])), facts(text)], 'en', BASE);

/** Line (0-based) and column of the first `needle` in `text`. */
function positionOf(text: string, needle: string) {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in the file`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const summary = (ds: Diagnostic[] | undefined) => (ds ?? []).map((d) => [d.severity, d.range.start.line, d.message]);

/** The summary of the warning on a noMatch example (its object starts the line before its text) that the fact flags. */
const flaggedQuiet = (text: string, example: string) => [
  DiagnosticSeverity.Warning,
  positionOf(text, example).line - 1,
  'This example must stay quiet, but the fact flags it.',
];

describe('team knowledge files', () => {
  it('recognises which files are knowledge files', () => {
    assert.equal(userKnowledgeKind('file:///w/.cloud-notes/glossary.json'), 'glossary');
    assert.equal(userKnowledgeKind('C:\\w\\.cloud-notes\\facts.json'), 'facts');
    assert.equal(userKnowledgeKind('file:///w/.cloud-notes/reviews.json'), undefined);
    assert.equal(userKnowledgeKind('file:///w/glossary.json'), undefined);
  });

  it('adds a team term that hovers with its definition in notes', async () => {
    const team = withUserKnowledge([glossary(teamFile('entries', [sandboxEntry()]))], 'en', BASE);
    assert.deepEqual(team.ignored, []);
    assert.deepEqual(team.diagnostics.get(GLOSSARY_URI), []);
    const { service, doc } = await serviceOver(team.knowledge, {
      'file:///notes/a.md': '# Accounts\n\nEvery new hire gets a Team Sandbox for EC2 tests.\n',
    });
    const note = doc('file:///notes/a.md');
    const hover = service.hover(note, at(note, 'Team Sandbox', 2));
    assert.match(String((hover?.contents as { value: string }).value), /The team's shared playground account/);
  });

  it('replaces a built-in entry that has the same id, and says so in the file', async () => {
    const text = teamFile('entries', [
      { ...sandboxEntry(), id: 'ec2', name: 'Amazon EC2', shortName: 'EC2', nameKo: 'EC2', aliases: ['EC2'] },
    ]);
    const team = withUserKnowledge([glossary(text)], 'en', BASE);
    assert.deepEqual(summary(team.diagnostics.get(GLOSSARY_URI)), [
      [DiagnosticSeverity.Information, positionOf(text, '"id": "ec2"').line, 'Replaces the built-in entry Amazon EC2 (same id).'],
    ]);
    assert.equal(team.knowledge.glossary.get('ec2')?.definition.en, sandboxEntry().definition.en);
    assert.equal(team.knowledge.glossary.entries.filter((e) => e.id === 'ec2').length, 1);
  });

  it('refuses a new id that takes a built-in name, on that name, and ignores the file with one message', () => {
    const text = teamFile('entries', [
      sandboxEntry(),
      {
        ...sandboxEntry(),
        id: 'our-ec2',
        name: 'Our EC2',
        shortName: 'Our EC2',
        nameKo: '우리 EC2',
        aliases: ['Our EC2', 'Elastic Compute Cloud'],
      },
    ]);
    const team = withUserKnowledge([glossary(text)], 'en', BASE);
    const [d] = team.diagnostics.get(GLOSSARY_URI)!;
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(
      d.message,
      '"Elastic Compute Cloud" is already a name of the entry "ec2". Use "id": "ec2" to replace that entry, or remove this name.',
    );
    const start = positionOf(text, '"Elastic Compute Cloud"');
    assert.deepEqual(d.range, { start, end: { ...start, character: start.character + '"Elastic Compute Cloud"'.length } });
    assert.deepEqual(team.ignored, [`${GLOSSARY_URI} is ignored until its 1 error(s) are fixed; the rest of the knowledge applies.`]);
    assert.equal(team.knowledge.glossary.get('team-sandbox'), undefined, 'nothing of an invalid file applies');
    assert.ok(team.knowledge.glossary.get('ec2'));
  });

  it('refuses two team entries that share a name', () => {
    const text = teamFile('entries', [sandboxEntry(), { ...sandboxEntry(), id: 'sandbox-two' }]);
    const [d] = withUserKnowledge([glossary(text)], 'ko', BASE).diagnostics.get(GLOSSARY_URI)!;
    assert.match(d.message as string, /^"Team Sandbox Account"은\(는\) 이미 "team-sandbox" 항목의 이름입니다/);
  });

  it('puts a schema error on the value it is about', () => {
    const text = teamFile('entries', [{ ...sandboxEntry(), definition: { ko: '팀이 함께 쓰는 실험용 계정입니다.' }, colour: 'blue' }]);
    const team = withUserKnowledge([glossary(text)], 'en', BASE);
    assert.deepEqual(summary(team.diagnostics.get(GLOSSARY_URI)), [
      [DiagnosticSeverity.Error, positionOf(text, '"definition"').line, "/entries/0/definition: must have required property 'en'"],
      [DiagnosticSeverity.Error, positionOf(text, '"colour"').line, '/entries/0/colour: "colour" is not allowed'],
    ]);
    assert.equal(team.ignored.length, 1);
  });

  it('shows a JSON syntax error where it is, and never throws', () => {
    const text = '{\n  "version": 1,\n  "entries": [\n    { "id": "x", }\n  ]\n}\n';
    const team = withUserKnowledge([glossary(text)], 'en', BASE);
    const [d] = team.diagnostics.get(GLOSSARY_URI)!;
    assert.match(d.message as string, /^Not valid JSON: /);
    assert.equal(d.range.start.line, 3);
    assert.equal(team.ignored.length, 1);
    assert.ok(team.knowledge.glossary.get('ec2'));
  });

  it('never throws on damaged files: any JSON, or a valid file with a slice cut out', () => {
    const valid = teamFile('entries', [sandboxEntry()]);
    const validFacts = teamFile('facts', [sandboxFact()]);
    const survives = (sources: UserKnowledgeSource[]) => {
      const team = withUserKnowledge(sources, 'en', BASE);
      assert.ok(team.knowledge.glossary.get('ec2'), 'the built-in knowledge stays');
      for (const [uri, diagnostics] of team.diagnostics) {
        assert.equal(
          team.ignored.some((m) => m.startsWith(uri)),
          diagnostics.some((d) => d.severity === DiagnosticSeverity.Error),
        );
      }
    };
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (g, f) => survives([glossary(JSON.stringify(g)), facts(JSON.stringify(f))])),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.nat(valid.length), fc.nat(40), fc.nat(validFacts.length), (at, length, factAt) =>
        survives([
          glossary(valid.slice(0, at) + valid.slice(at + length)),
          facts(validFacts.slice(0, factAt) + validFacts.slice(factAt + length)),
        ]),
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a relation to an entry that does not exist', () => {
    const text = teamFile('entries', [{ ...sandboxEntry(), relations: [{ type: 'uses', target: 'no-such-service' }] }]);
    const [d] = withUserKnowledge([glossary(text)], 'en', BASE).diagnostics.get(GLOSSARY_URI)!;
    assert.equal(d.message as string, 'No glossary entry has the id "no-such-service".');
    assert.equal(d.range.start.line, positionOf(text, '"no-such-service"').line);
  });

  it('adds a dated fact about a team term that warns in notes', async () => {
    const team = withUserKnowledge(
      [glossary(teamFile('entries', [sandboxEntry()])), facts(teamFile('facts', [sandboxFact()]))],
      'en',
      BASE,
    );
    assert.deepEqual(team.ignored, []);
    assert.deepEqual(team.diagnostics.get(FACTS_URI), [], 'its own examples pass');
    const { service, doc } = await serviceOver(
      team.knowledge,
      { 'file:///notes/a.md': '# Accounts\n\n- The Team Sandbox budget is 50 dollars a month\n' },
      'en',
    );
    const [d] = service.diagnostics(doc('file:///notes/a.md'));
    assert.equal(d.ruleId, 'team-sandbox-budget');
    assert.match(d.message, /The budget is 200 dollars a month\./);
  });

  it('warns on an example its patterns get wrong, and still applies the fact', () => {
    const fact = sandboxFact();
    const wrong = {
      ...fact,
      examples: { ...fact.examples, noMatch: [...fact.examples.noMatch, { text: 'Team Sandbox budget: 50 dollars' }] },
    };
    const text = teamFile('facts', [wrong]);
    const team = withSandboxFacts(text);
    assert.deepEqual(summary(team.diagnostics.get(FACTS_URI)), [flaggedQuiet(text, '"Team Sandbox budget: 50 dollars"')]);
    assert.deepEqual(team.ignored, []);
    assert.ok(team.knowledge.facts.byId.has('team-sandbox-budget'));
  });

  it('runs the list examples of a team fact and tells the one its list gets wrong', () => {
    const { claim: _claim, keywords: _keywords, ...fact } = sandboxFact();
    const listFact = {
      ...fact,
      list: { members: ['dev', 'test'], newer: ['staging'], title: 'sandbox stages' },
      examples: {
        match: [
          { text: 'Team Sandbox stages', items: ['dev: anyone', 'test: CI only'] },
          { text: 'Sandbox stages', items: ['test: nightly', 'dev: daily'] },
        ],
        noMatch: [
          { text: 'Team Sandbox stages', items: ['dev', 'test', 'staging'] },
          { text: 'Team Sandbox stages for now', items: ['dev', 'test'] },
        ],
      },
    };
    const text = teamFile('facts', [listFact]);
    const team = withSandboxFacts(text);
    assert.deepEqual(summary(team.diagnostics.get(FACTS_URI)), [flaggedQuiet(text, '"Team Sandbox stages for now"')]);
  });

  it('refuses a fact about an unknown term or with a broken pattern, on that fact', () => {
    const text = teamFile('facts', [
      { ...sandboxFact(), about: ['team-sandbox'] },
      { ...sandboxFact(), id: 'broken', about: ['ec2'], claim: ['(unclosed'] },
    ]);
    const team = withUserKnowledge([facts(text)], 'en', BASE);
    const diagnostics = team.diagnostics.get(FACTS_URI)!;
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, (d.message as string).replace(/: .*/s, '')]),
      [
        [positionOf(text, '"team-sandbox"').line, 'No glossary entry has the id "team-sandbox".'],
        [positionOf(text, '"broken"').line - 1, 'Cannot be used'],
      ],
    );
    assert.equal(team.knowledge.facts.facts.length, 0);
  });
});

describe('team knowledge files over LSP', () => {
  let folder: string;
  let lsp: LspSession;
  const published = new Map<string, Diagnostic[]>();
  const shown: string[] = [];

  serverForSuite(
    (dir) => writeFileSync(path.join(dir, 'a.md'), '# Accounts\n\nEvery new hire gets a Team Sandbox for tests.\n'),
    { locale: 'en' },
    (started) => {
      ({ folder, lsp } = started);
      lsp.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
        published.set(p.uri, p.diagnostics);
      });
      lsp.connection.onNotification('window/showMessage', (p: { message: string }) => {
        shown.push(p.message);
      });
    },
  );

  /** Writes the team glossary and tells the server, as the editor's file watcher does. */
  const writeGlossary = (text: string) => {
    mkdirSync(path.join(folder, '.cloud-notes'), { recursive: true });
    writeFileSync(path.join(folder, '.cloud-notes', 'glossary.json'), text);
    lsp.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri(folder, '.cloud-notes/glossary.json'), type: 2 }],
    });
  };

  const hoverText = async () => {
    const uri = fileUri(folder, 'a.md');
    const hover = (await lsp.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 2, character: 27 },
    })) as { contents: { value: string } } | null;
    return hover?.contents.value ?? '';
  };

  /** Polls until `ready` holds: the server re-indexes after a knowledge change without telling when. */
  async function until(ready: () => Promise<boolean> | boolean, what: string): Promise<void> {
    for (const deadline = Date.now() + 10_000; !(await ready());) {
      assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('applies a new team term without a restart, and drops it again when the file becomes invalid', async () => {
    lsp.connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: fileUri(folder, 'a.md'),
        languageId: 'markdown',
        version: 1,
        text: '# Accounts\n\nEvery new hire gets a Team Sandbox for tests.\n',
      },
    });
    assert.equal(await hoverText(), '');
    writeGlossary(teamFile('entries', [sandboxEntry()]));
    await until(async () => (await hoverText()).includes("The team's shared playground account"), 'the team term');
    assert.deepEqual(published.get(fileUri(folder, '.cloud-notes/glossary.json')), []);

    writeGlossary(teamFile('entries', [{ ...sandboxEntry(), docs: 'http://example.com' }]));
    const glossaryUri = fileUri(folder, '.cloud-notes/glossary.json');
    await until(() => !!published.get(glossaryUri)?.length, 'diagnostics in the invalid file');
    assert.match(published.get(glossaryUri)![0].message as string, /^\/entries\/0\/docs: must match pattern/);
    await until(async () => (await hoverText()) === '', 'the team term to go');
    assert.deepEqual(shown, [`${glossaryUri} is ignored until its 1 error(s) are fixed; the rest of the knowledge applies.`]);
  });
});

describe('team knowledge files in the CLI', () => {
  let root: string;
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [path.resolve(__dirname, '../dist/cli.js'), 'check', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
    });

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'csn-team-cli-'));
    mkdirSync(path.join(root, 'notes'));
    mkdirSync(path.join(root, '.cloud-notes'));
    mkdirSync(path.join(root, 'broken'));
    writeFileSync(path.join(root, 'notes', 'accounts.md'), '# Accounts\n\n- The Team Sandbox budget is 50 dollars a month\n');
    writeFileSync(path.join(root, '.cloud-notes', 'glossary.json'), teamFile('entries', [sandboxEntry()]));
    writeFileSync(path.join(root, '.cloud-notes', 'facts.json'), teamFile('facts', [sandboxFact()]));
    writeFileSync(path.join(root, 'broken', 'glossary.json'), '{ "version": 2 }\n');
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('uses the .cloud-notes/ above the notes', () => {
    const { status, stdout } = cli('notes');
    assert.equal(status, 1);
    assert.match(stdout, /^notes\/accounts\.md:3:30 warning team-sandbox-budget The team raised the budget in 2026\. Now: /);
  });

  it('reports an invalid file of --knowledge-dir as a finding in that file and checks with the rest', () => {
    const { status, stdout, stderr } = cli('notes', '--knowledge-dir', 'broken');
    assert.equal(status, 1);
    assert.deepEqual(stdout.trim().split('\n'), [
      "broken/glossary.json:1:1 error knowledge-file /: must have required property 'entries'",
      'broken/glossary.json:1:3 error knowledge-file /version: must be equal to constant',
    ]);
    assert.match(stderr, /broken\/glossary\.json is ignored until its 2 error\(s\) are fixed/);
  });
});
