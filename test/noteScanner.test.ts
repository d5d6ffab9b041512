import * as assert from 'node:assert/strict';
import { definitionSites, forEachOccurrence, headingsOf, scanNote, type ScannedNote } from '../server/src/scan/noteScanner';
import { miniKnowledge } from './helpers/knowledge';
import { loadKnowledge } from '../server/src/knowledge/loadKnowledge';

const { matcher, glossary } = miniKnowledge();

function mentions(note: ScannedNote): string[] {
  const out: string[] = [];
  forEachOccurrence(note, (entry, line, start, end) => {
    out.push(`${glossary.entries[entry].id}@${line}:${start}-${end}`);
  });
  return out;
}

function defs(note: ScannedNote): string[] {
  return definitionSites(note).map((d) => `${glossary.entries[d.entry].id}@${d.line}:${d.start}-${d.end}:${d.kind}`);
}

describe('note scanner', () => {
  it('skips code blocks, inline code, HTML, URLs and front matter', () => {
    const note = scanNote(
      [
        '---',
        'title: EC2 notes',
        '---',
        '```bash',
        'aws ec2 describe-instances # EC2',
        '```',
        'Use `EC2` here, see https://aws.amazon.com/ec2/ and [S3 docs](https://s3.example/EC2). s3://bucket/EC2',
        '<img src="ec2.png" alt="EC2">',
        '',
        '<!-- EC2 in a comment',
        'still EC2 -->  S3',
        '~~~',
        'EC2',
        '~~~',
        '람다',
      ].join('\n'),
      matcher,
    );
    assert.deepEqual(mentions(note), ['s3@6:53-55', 's3@10:15-17', 'lambda@14:0-2']);
  });

  it('reads the prose inside HTML blocks, leaving out tags, comments and raw blocks', () => {
    const note = scanNote(
      [
        '<a name="price"></a>',
        '## EC2 요금',
        '<b>S3</b> 와 람다 <!-- EC2 -->',
        '',
        '<pre>',
        'EC2',
        '',
        'S3 </pre>',
        '<div class="EC2">람다</div>',
      ].join('\n'),
      matcher,
    );
    assert.deepEqual(mentions(note), ['ec2@1:3-6', 's3@2:3-5', 'lambda@2:12-14', 'lambda@8:17-19']);
  });

  it('reads a bare noun as the entry its section is about', () => {
    const real = loadKnowledge();
    const note = scanNote(
      ['## Route 53', '- 레코드 추가', '', '## Kinesis Data Streams', '- 레코드 전송', '', '## 기타', '- 레코드 정리'].join('\n'),
      real.matcher,
    );
    const o = note.occurrences;
    const found: string[] = [];
    for (let i = 0; i < o.length; i += 4) {
      if (o[i + 1] % 3 === 1) {
        found.push(`${o[i + 1]}:${real.glossary.entries[o[i]].id}`);
      }
    }
    assert.deepEqual(found, ['1:dns-record', '4:data-record']);
  });

  it('scans a line of 10,000 unclosed link destinations in linear time, and still skips a closed one', () => {
    const start = performance.now();
    const hostile = scanNote(`${'[a]('.repeat(10_000)} EC2`, matcher);
    assert.ok(performance.now() - start < 300, `${(performance.now() - start).toFixed(0)} ms`);
    assert.deepEqual(mentions(hostile), ['ec2@0:40001-40004']);
    assert.deepEqual(mentions(scanNote('[문서](https://x.com/EC2 "EC2") 와 S3', matcher)), ['s3@0:32-34']);
  });

  it('ends lines at a lone CR as at LF and CRLF', () => {
    for (const eol of ['\n', '\r', '\r\n']) {
      const note = scanNote(['# EC2', '', '- S3 : 객체 스토리지', '람다'].join(eol), matcher);
      assert.deepEqual(mentions(note), ['ec2@0:2-5', 's3@2:2-4', 'lambda@3:0-2'], JSON.stringify(eol));
      assert.deepEqual(
        headingsOf(note).map((h) => h.line),
        [0],
      );
    }
  });

  it('finds headings, including setext ones', () => {
    const note = scanNote('# 1. 가상화\n\nIntro\n===\n\n### CloudTrail ###\n', matcher);
    assert.deepEqual(headingsOf(note), [
      { level: 1, text: '1. 가상화', line: 0 },
      { level: 1, text: 'Intro', line: 2 },
      { level: 3, text: 'CloudTrail', line: 5 },
    ]);
  });

  it('puts a setext heading’s definition on the heading’s own line', () => {
    const note = scanNote('앞 문단\n\nAmazon EC2\n---\n\n본문\n', matcher);
    assert.deepEqual(defs(note), ['ec2@2:0-10:heading']);
  });

  it('finds the places where a note defines a term', () => {
    const note = scanNote(
      [
        '### MFA와 CloudTrail(AWS CloudTrail)', // not only terms: no definition
        '### 2. CloudTrail(감사 로그)',
        '- EC2',
        '\t- eip (탄력적 IP 주소): 변하지 않는 IP',
        '\t- **S3** - 객체 스토리지',
        '\t- S3와 EC2는 다르다: 아님', // a sentence, not a definition
        '',
        '| 특징 | **네트워크 ACL (Network ACL)** | **보안 그룹 (Security Group)** |',
        '| --- | --- | --- |',
        '| 상태 | Stateless | Stateful |',
        '| 람다 | 서버리스 EC2 | x |',
      ].join('\n'),
      matcher,
    );
    assert.deepEqual(defs(note), [
      'cloudtrail@1:7-17:heading',
      'elastic-ip@3:3-6:item',
      's3@4:5-7:item',
      'network-acl@7:9-17:table',
      'security-group@7:38-43:table',
      'lambda@10:2-4:table',
    ]);
  });

  it('keeps a context-bound alias only when its context is in the same section', () => {
    const note = scanNote('## S3 classes\nIA is cheaper\n## Other\nIA means nothing here\n', matcher);
    assert.deepEqual(mentions(note), ['s3@0:3-5', 's3-standard-ia@1:0-2']);
  });

  it('reports positions in the original text of NFD notes', () => {
    const nfd = '가나 보안그룹은 EC2'.normalize('NFD');
    const note = scanNote(nfd, matcher);
    const [sg, ec2] = mentions(note);
    assert.equal(sg, `security-group@0:${'가나 '.normalize('NFD').length}-${'가나 보안그룹'.normalize('NFD').length}`);
    assert.equal(ec2, `ec2@0:${nfd.length - 3}-${nfd.length}`);
  });

  it('handles CRLF line ends', () => {
    assert.deepEqual(mentions(scanNote('EC2\r\nS3\r\n', matcher)), ['ec2@0:0-3', 's3@1:0-2']);
  });
});
