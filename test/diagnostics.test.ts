// What a user sees: the outdated-fact and typo diagnostics on a note, and the quick fixes' edits.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { loadKnowledge } from '../server/src/knowledge/loadKnowledge';
import { serviceOver } from './helpers/service';
import type { LanguageService } from '../server/src/languageService';
import { findingOf, toCodeActions, toDiagnostic } from '../server/src/lsp/diagnostics';
import { computeFindings, DiagnosticsCache, diagnosticsContext } from '../server/src/features/diagnostics';
import { buildNoteModel } from '../server/src/parse/noteModel';

const NOTE = readFileSync(path.join(__dirname, 'fixtures/notes/stale.md'), 'utf8');
const URI = 'file:///notes/stale.md';

async function diagnose(locale: 'ko' | 'en' = 'ko', text = NOTE, rules = {}) {
  const { service } = await serviceOver(loadKnowledge(), {}, locale);
  const doc = TextDocument.create(URI, 'markdown', 1, text);
  return { service, doc, diagnostics: service.diagnostics(doc, rules).map(toDiagnostic) };
}

/** The quick fixes VS Code shows for a diagnostic, through the same conversions as the server. */
const codeActions = (service: LanguageService, doc: TextDocument, d: Diagnostic) =>
  toCodeActions(doc.uri, d, service.quickFixes(doc, findingOf(d)!));

const at = (d: Pick<Diagnostic, 'range'>) =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

function applyEdits(text: string, edits: TextEdit[]): string {
  const doc = TextDocument.create(URI, 'markdown', 1, text);
  return TextDocument.applyEdits(doc, edits);
}

describe('diagnostics', () => {
  it('flags the stale claims, and not the true, negated or historical ones', async () => {
    const { diagnostics } = await diagnose();
    assert.deepEqual(
      diagnostics.map((d) => `${d.code}@${at(d)}`),
      ['s3-strong-consistency@2:25-2:31', 'ec2-xen-hypervisor@7:6-7:16', 'ebs-gp2-max-iops@14:11-14:20', 'service-name@16:0-16:10'],
    );
  });

  it('puts the same ranges on a note with old Mac (lone CR) or Windows line endings', async () => {
    const expected = (await diagnose()).diagnostics.map((d) => `${d.code}@${at(d)}`);
    for (const eol of ['\r', '\r\n']) {
      const { diagnostics } = await diagnose('ko', NOTE.replace(/\n/g, eol));
      assert.deepEqual(
        diagnostics.map((d) => `${d.code}@${at(d)}`),
        expected,
        JSON.stringify(eol),
      );
    }
  });

  it('says what changed, what is true now, since when and where, in Korean', async () => {
    const { diagnostics } = await diagnose();
    const [s3] = diagnostics;
    assert.equal(s3.severity, DiagnosticSeverity.Warning);
    assert.equal(s3.source, 'Cloud Study Notes');
    assert.deepEqual(s3.codeDescription, { href: 'https://aws.amazon.com/s3/consistency/' });
    assert.equal(
      s3.message,
      '2020년 12월부터 S3는 모든 리전에서 추가 비용 없이 강력한 read-after-write 일관성을 제공합니다. 현재: GET, PUT, LIST, 덮어쓰기와 삭제 모두 강력한 일관성을 가집니다. 버킷 구성 작업(버킷 생성·삭제·설정)과 복제(비동기)는 여전히 최종 일관성입니다. (2020년 12월 변경 · 출처: aws.amazon.com/s3/consistency)',
    );
    const typo = diagnostics[3];
    assert.equal(typo.message, "'Cloudfrond'은(는) CloudFront의 오타 같습니다. CloudFront을(를) 말씀하신 건가요?");
  });

  it('speaks English to an English UI', async () => {
    const { diagnostics } = await diagnose('en');
    assert.equal(
      diagnostics[1].message,
      'Since November 2017 (C5), current-generation EC2 instances run on the Nitro System, whose hypervisor is based on KVM. Now: Current-generation instances use the Nitro Hypervisor (based on KVM); Xen remains only on previous-generation families such as T2. (changed Nov 2017 · source: docs.aws.amazon.com/ec2/latest/instancetypes/ec2-nitro-instances.html)',
    );
    assert.equal(diagnostics[3].message, '"Cloudfrond" looks like a misspelling of CloudFront. Did you mean CloudFront?');
  });

  it('follows cloudNotes.rules: off, or another level', async () => {
    const { diagnostics } = await diagnose('ko', NOTE, {
      'ec2-xen-hypervisor': 'off',
      'service-name': 'off',
      'ebs-gp2-max-iops': 'information',
    });
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [
        ['s3-strong-consistency', DiagnosticSeverity.Warning],
        ['ebs-gp2-max-iops', DiagnosticSeverity.Information],
      ],
    );
  });

  it('keeps quiet under an as-of marker for changes after that year only', async () => {
    const { diagnostics } = await diagnose('ko', `<!-- as-of: 2019 -->\n${NOTE}`);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['ec2-xen-hypervisor', 'ebs-gp2-max-iops', 'service-name'],
    );
  });

  it('keeps quiet on a claim the note has struck out, and flags it written plainly', async () => {
    const text = '# EC2\n\n- ~~EC2 는 Xen 하이퍼바이저 위에서 실행된다.~~\n- EC2 는 Xen 하이퍼바이저 위에서 실행된다.\n';
    const { diagnostics } = await diagnose('ko', text);
    assert.deepEqual(
      diagnostics.map((d) => `${d.code}@${at(d)}`),
      ['ec2-xen-hypervisor@3:8-3:18'],
    );
  });

  it('keeps each note its own ranges when two notes share a section', async () => {
    const { service } = await serviceOver(loadKnowledge(), {});
    const section = '## EC2\n\nEC2 는 Xen 하이퍼바이저 위에서 실행된다.\n';
    const a = TextDocument.create('file:///notes/a.md', 'markdown', 1, `# A\n\n${section}`);
    const b = TextDocument.create('file:///notes/b.md', 'markdown', 1, `# B\n\n첫 줄\n\n둘째 줄\n\n${section}`);
    const ranges = (doc: TextDocument) => service.diagnostics(doc).map(at);
    const first = ranges(a);
    assert.deepEqual(first, ['4:6-4:16']);
    assert.deepEqual(ranges(b), ['8:6-8:16']);
    assert.deepEqual(ranges(a), first);
  });

  it('gives way to other work while parsing a note, and drops a pass that its note outran', async () => {
    const { service } = await serviceOver(loadKnowledge(), {});
    const text = Array.from({ length: 300 }, (_, i) => `## EC2 ${i}\n\nEC2 는 Xen 하이퍼바이저 위에서 실행된다.\n`).join('\n');
    const doc = TextDocument.create('file:///notes/big.md', 'markdown', 1, text);
    service.documentChanged(doc);
    let turns = 0;
    let done = false;
    const count = () => !done && (turns++, setImmediate(count));
    setImmediate(count);
    const diagnostics = await service.diagnosticsPausing(doc);
    done = true;
    assert.ok(turns >= 2, `${turns} turns`);
    assert.deepEqual(diagnostics?.map(toDiagnostic), (await diagnose('ko', text)).diagnostics);

    const pass = service.diagnosticsPausing(TextDocument.update(doc, [{ text: `${text}\n## S3\n\nS3 는 최종 일관성이다.\n` }], 2));
    TextDocument.update(doc, [{ text: `${text}\n## S3\n\nS3 덮어쓰기 PUT 은 최종 일관성이다.\n` }], 3);
    assert.equal(await pass, undefined);
    assert.equal((await service.diagnosticsPausing(doc))!.length, 301);
  });

  it('puts ranges on the original text of a note saved as NFD (macOS)', async () => {
    const nfd = NOTE.normalize('NFD');
    const { diagnostics } = await diagnose('ko', nfd);
    const claim = '최종 일관성'.normalize('NFD');
    const start = nfd.split('\n')[2].indexOf(claim);
    assert.deepEqual(diagnostics[0].range, { start: { line: 2, character: start }, end: { line: 2, character: start + claim.length } });
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['s3-strong-consistency', 'ec2-xen-hypervisor', 'ebs-gp2-max-iops', 'service-name'],
    );
  });

  it('re-checks only what changed and gives the same answer', () => {
    const knowledge = loadKnowledge();
    const checker = diagnosticsContext(knowledge, 'ko');
    const cache = new DiagnosticsCache();
    const model = buildNoteModel(NOTE);
    computeFindings(checker, NOTE, model, {}, cache);
    assert.ok(cache.checkedBlocks > 5, `${cache.checkedBlocks} blocks checked`);
    const edited = NOTE.split('\n')
      .map((line, i) => (i === 7 ? `참고: ${line}` : line))
      .join('\n');
    const findings = computeFindings(checker, edited, buildNoteModel(edited, model), {}, cache);
    assert.equal(cache.checkedBlocks, 1);
    assert.deepEqual(findings.map(at), ['2:25-2:31', '7:10-7:20', '14:11-14:20', '16:0-16:10']);
  });
});

describe('quick fixes', () => {
  async function fixesFor(code: string) {
    const { service, doc, diagnostics } = await diagnose();
    const d = diagnostics.find((x) => x.code === code)!;
    return { doc, actions: codeActions(service, doc, d) };
  }

  it('replaces an outdated value with the current one', async () => {
    const { doc, actions } = await fixesFor('ec2-xen-hypervisor');
    assert.equal(actions[0].title, '현재 사실로 고치기: Nitro 하이퍼바이저');
    assert.equal(actions[0].isPreferred, true);
    assert.equal(applyEdits(doc.getText(), actions[0].edit!.changes![URI]).split('\n')[7], 'EC2 는 Nitro 하이퍼바이저 위에서 실행된다.');
  });

  it('replaces exactly the claim on a continuation line and after escapes', async () => {
    const text =
      '# EC2\n\n- 가상화 이야기, 첫 줄\n    EC2 는 Xen 하이퍼바이저 위에서 실행된다.\n- \\*주의\\* &amp; EC2 는 Xen 하이퍼바이저 위에서 실행된다.\n';
    const { service, doc, diagnostics } = await diagnose('ko', text);
    const fixed = diagnostics.map((d) => applyEdits(text, codeActions(service, doc, d)[0].edit!.changes![URI]).split('\n'));
    assert.deepEqual(
      fixed.map((lines, i) => lines[3 + i]),
      ['    EC2 는 Nitro 하이퍼바이저 위에서 실행된다.', '- \\*주의\\* &amp; EC2 는 Nitro 하이퍼바이저 위에서 실행된다.'],
    );
  });

  it('updates an old value found as a frame: a terse value under its heading, and a table cell under its header', async () => {
    const text = '## Lambda 제한\n\n- 최대 실행 시간\n  - 5분\n\n| 서비스 | 최대 실행 시간 |\n| --- | --- |\n| Lambda | 300초 |\n';
    const { service, doc, diagnostics } = await diagnose('ko', text);
    const frames = diagnostics.filter((d) => d.code === 'lambda-max-timeout');
    assert.deepEqual(frames.map(at), ['3:4-3:6', '7:11-7:15']);
    const fixed = frames.map((d) => applyEdits(text, codeActions(service, doc, d)[0].edit!.changes![URI]).split('\n'));
    assert.equal(fixed[0][3], '  - 15분(900초)');
    assert.equal(fixed[1][7], '| Lambda | 15분(900초) |');
  });

  it('marks a claim as historical with what changed', async () => {
    const { doc, actions } = await fixesFor('s3-strong-consistency');
    const historical = actions.find((a) => a.title === '변경 내용을 덧붙여 과거 사실로 표시')!;
    assert.equal(
      applyEdits(doc.getText(), historical.edit!.changes![URI]).split('\n')[2],
      '- S3 덮어쓰기 PUT 과 DELETE 는 최종 일관성 모델 (2020년 12월 변경: GET, PUT, LIST, 덮어쓰기와 삭제 모두 강력한 일관성을 가집니다. 버킷 구성 작업(버킷 생성·삭제·설정)과 복제(비동기)는 여전히 최종 일관성입니다.)',
    );
  });

  it('silences a list item on its own line, a paragraph on the line before, or the whole file', async () => {
    const s3 = await fixesFor('s3-strong-consistency');
    const onLine = s3.actions.find((a) => a.title === '이 줄에서 s3-strong-consistency 무시')!;
    assert.equal(
      applyEdits(s3.doc.getText(), onLine.edit!.changes![URI]).split('\n')[2],
      '- S3 덮어쓰기 PUT 과 DELETE 는 최종 일관성 모델 <!-- cloud-notes-disable-line s3-strong-consistency -->',
    );
    const xen = await fixesFor('ec2-xen-hypervisor');
    const before = xen.actions.find((a) => a.title === '이 줄에서 ec2-xen-hypervisor 무시')!;
    assert.deepEqual(applyEdits(xen.doc.getText(), before.edit!.changes![URI]).split('\n').slice(7, 9), [
      '<!-- cloud-notes-disable-next-line ec2-xen-hypervisor -->',
      'EC2 는 Xen 하이퍼바이저 위에서 실행된다.',
    ]);
    const file = xen.actions.find((a) => a.title === '이 파일에서 ec2-xen-hypervisor 무시')!;
    assert.equal(applyEdits(xen.doc.getText(), file.edit!.changes![URI]).split('\n')[0], '<!-- cloud-notes-disable ec2-xen-hypervisor -->');
  });

  it('turns a rule off for the workspace through a command', async () => {
    const { actions } = await fixesFor('ebs-gp2-max-iops');
    assert.deepEqual(actions.at(-1)!.command, {
      title: '이 워크스페이스에서 ebs-gp2-max-iops 끄기',
      command: 'cloudNotes.disableRule',
      arguments: ['ebs-gp2-max-iops'],
    });
  });

  it('appends at the end of the line, not past it, in a note with lone-CR line endings', async () => {
    const text = '# EC2\r\r- EC2 는 Xen 하이퍼바이저 위에서 실행된다.\r다음 줄\r';
    const { service, doc, diagnostics } = await diagnose('ko', text);
    const d = diagnostics.find((x) => x.code === 'ec2-xen-hypervisor')!;
    const appended = codeActions(service, doc, d)
      .flatMap((a) => a.edit?.changes?.[URI] ?? [])
      .filter((e) => e.range.start.line === 2 && e.range.start.character > 0 && e.range.end.character === e.range.start.character);
    assert.equal(appended.length, 2); // marked as historical, ignored on the line
    for (const edit of appended) {
      assert.equal(edit.range.start.character, '- EC2 는 Xen 하이퍼바이저 위에서 실행된다.'.length);
      assert.equal(applyEdits(text, [edit]).split('\r')[3], '다음 줄');
    }
  });

  it('corrects a misspelled service name', async () => {
    const { doc, actions } = await fixesFor('service-name');
    assert.equal(actions[0].title, 'CloudFront(으)로 고치기');
    assert.equal(applyEdits(doc.getText(), actions[0].edit!.changes![URI]).split('\n')[16], 'CloudFront 배포에 OAC 를 붙인다.');
  });

  it('applied fixes leave nothing to warn about', async () => {
    const { service, doc, diagnostics } = await diagnose();
    const edits = diagnostics.flatMap((d) => {
      const actions = codeActions(service, doc, d);
      return actions.find((a) => a.title.includes('무시'))!.edit!.changes![URI];
    });
    const fixed = TextDocument.create(URI, 'markdown', 2, applyEdits(doc.getText(), edits));
    assert.deepEqual(service.diagnostics(fixed), []);
  });
});
