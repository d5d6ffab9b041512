// The Anki text import file: what `cloud-notes quiz export` writes and the quiz panel saves.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from './helpers/cli';
import { ankiTsv, sourceLabelUnder } from '../server/src/quiz/ankiExport';
import type { QuizItem } from '../server/src/protocol';

const CARDS = path.join('test', 'fixtures', 'quiz', 'cards.md');
const question = (fields: Partial<QuizItem>): QuizItem => ({ id: 'q', kind: 'fact', prompt: 'P', answer: 'A', termIds: [], ...fields });

describe('Anki export', () => {
  it('writes the headers, then the cards of the notes with their source line and tags', () => {
    const { code, stdout, stderr } = runCli('quiz', 'export', CARDS, '--format', 'anki-tsv', '--deck', 'AWS::SAA');
    assert.deepEqual([code, stderr], [0, '']);
    const lines = stdout.split('\n');
    assert.deepEqual(lines.slice(0, 6), [
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#deck:AWS::SAA',
      '#columns:Front\tBack\tSource\tTags',
      '#tags column:4',
    ]);
    const source = (line: number) => `<br><br><small>Source: ${CARDS}:${line}</small>\t${CARDS}:${line}`;
    assert.deepEqual(lines.slice(6, 12), [
      `S3 의 기본 스토리지 클래스는?\tS3 Standard${source(3)}\tcloud-notes kind::card term::s3 term::s3-storage-class term::s3-standard`,
      `VPC 하나는 몇 개의 리전에 걸치나\t한 리전${source(4)}\tcloud-notes kind::card term::vpc term::region`,
      `한 리전\tVPC 하나는 몇 개의 리전에 걸치나${source(4)}\tcloud-notes kind::card term::vpc term::region`,
      `보안 그룹의 기본 인바운드 규칙은?\t모든 인바운드 트래픽 거부${source(6)}\tcloud-notes kind::card term::security-group term::inbound-rule`,
      `_____ 는 최대 15분 동안 실행된다\tLambda${source(10)}\tcloud-notes kind::cloze term::lambda`,
      `Lambda 는 최대 _____ 동안 실행된다\t15분${source(10)}\tcloud-notes kind::cloze term::lambda`,
    ]);
    // Every row has the four columns, the knowledge-base questions (no source line) too.
    const rows = lines.slice(6, -1);
    assert.ok(rows.length > 6);
    assert.deepEqual(
      rows.filter((r) => r.split('\t').length !== 4),
      [],
    );
    assert.equal(lines.at(-1), '');
  });

  it('escapes every field as HTML, so note text can neither inject markup nor break a row', () => {
    const item = question({
      kind: 'comparison',
      prompt: 'Which <b>one</b>\tis "fast" & cheap?\nPick:',
      answer: 'SQS <standard>',
      choices: ['SQS <standard>', 'SNS & "fan-out"'],
      answerIndex: 0,
      explanation: 'line one\r\nline two',
      sourceUrl: 'javascript:alert(1)',
      source: { uri: 'file:///notes/a%20b/q&a.md', line: 4 },
      termIds: ['sqs', 'sns'],
    });
    const tsv = ankiTsv([item], { deck: 'My\tdeck\n', sourceLabel: sourceLabelUnder(['file:///notes']), locale: 'ko' });
    const lines = tsv.split('\n');
    assert.equal(lines[3], '#deck:My deck');
    assert.deepEqual(lines[6].split('\t'), [
      'Which &lt;b&gt;one&lt;/b&gt;&#9;is &quot;fast&quot; &amp; cheap?<br>Pick:<ol><li>SQS &lt;standard&gt;</li><li>SNS &amp; &quot;fan-out&quot;</li></ol>',
      'SQS &lt;standard&gt;<br><br>line one<br>line two<br><br><small>출처: a b/q&amp;a.md:5</small>',
      'a b/q&amp;a.md:5',
      'cloud-notes kind::comparison term::sqs term::sns',
    ]);
    assert.equal(lines.length, 8);
  });

  it('links only web sources', () => {
    const item = question({ sourceUrl: 'https://aws.amazon.com/s3/?a=1&b=2' });
    const row = ankiTsv([item], { deck: 'D', sourceLabel: () => '', locale: 'en' }).split('\n')[6];
    assert.equal(
      row,
      'P\tA<br><br><a href="https://aws.amazon.com/s3/?a=1&amp;b=2">https://aws.amazon.com/s3/?a=1&amp;b=2</a>\t\tcloud-notes kind::fact',
    );
  });

  it('labels a source by its path below the workspace folder that holds it', () => {
    const label = sourceLabelUnder(['file:///home/me/notes', 'file:///work/']);
    assert.equal(label({ uri: 'file:///home/me/notes/aws/%EB%84%A4%ED%8A%B8%EC%9B%8C%ED%81%AC.md', line: 0 }), 'aws/네트워크.md:1');
    assert.equal(label({ uri: 'file:///work/x.md', line: 9 }), 'x.md:10');
    assert.equal(label({ uri: 'file:///elsewhere/y.md', line: 1 }), 'y.md:2');
  });
});
