import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { QuizNote } from '../server/src/features/quizItems';
import { quizKnowledge } from './helpers/knowledge';
import { quizOf, type QuizOptions } from './helpers/quiz';
import type { QuizItem } from '../server/src/protocol';
import { DEFAULT_SEPARATORS, splitCard } from '../server/src/quiz/explicitCards';
import { multipleChoice } from '../server/src/quiz/distractors';
import { normalizeKey } from '../server/src/quiz/cardIds';
import { serviceOver } from './helpers/service';

const knowledge = quizKnowledge();
const read = (name: string) => readFileSync(join(__dirname, 'fixtures', 'quiz', name), 'utf8');
const note = (name: string, text = read(name)): QuizNote => ({ uri: `file:///notes/${name}`, text });

/** The quiz of some notes, through the functions the service's quiz runs per note and per scope. */
const generate = (notes: QuizNote[], options?: QuizOptions) => quizOf(knowledge, notes, options);

const ofKind = (items: QuizItem[], ...kinds: QuizItem['kind'][]) => items.filter((i) => kinds.includes(i.kind));
/** The questions of one kind generated from a note of these lines, as the user sees them. */
const asked = (kind: QuizItem['kind'], text: string) => ofKind(generate([note('inline.md', text)]), kind).map(shown);

/** What the user sees of a question. */
const shown = (i: QuizItem) => ({
  prompt: i.prompt,
  answer: i.answer,
  ...(i.choices ? { choices: i.choices, answerIndex: i.answerIndex } : {}),
});

describe('quiz: cards written in notes', () => {
  const items = generate([note('cards.md')]);

  it('reads Q::A, Q:::A both ways, the multi-line card and each cloze deletion, and nothing from code', () => {
    assert.deepEqual(
      items.filter((i) => i.source).map((i) => ({ kind: i.kind, ...shown(i), line: i.source!.line })),
      [
        { kind: 'card', prompt: 'S3 의 기본 스토리지 클래스는?', answer: 'S3 Standard', line: 2 },
        { kind: 'card', prompt: 'VPC 하나는 몇 개의 리전에 걸치나', answer: '한 리전', line: 3 },
        { kind: 'card', prompt: '한 리전', answer: 'VPC 하나는 몇 개의 리전에 걸치나', line: 3 },
        { kind: 'card', prompt: '보안 그룹의 기본 인바운드 규칙은?', answer: '모든 인바운드 트래픽 거부', line: 5 },
        { kind: 'cloze', prompt: '_____ 는 최대 15분 동안 실행된다', answer: 'Lambda', line: 9 },
        { kind: 'cloze', prompt: 'Lambda 는 최대 _____ 동안 실행된다', answer: '15분', line: 9 },
      ],
    );
  });

  it('tags cards with the glossary terms they mention', () => {
    assert.deepEqual(
      ofKind(items, 'card', 'cloze').map((i) => i.termIds),
      [['s3'], [], [], ['security-group'], ['lambda'], ['lambda']],
    );
  });

  it('does not take separators inside ARNs, IPv6 addresses or URLs for cards', () => {
    assert.equal(splitCard('버킷은 arn:aws:s3:::my-bucket 형식', DEFAULT_SEPARATORS), undefined);
    assert.equal(splitCard('주소 2001:db8::1 사용', DEFAULT_SEPARATORS), undefined);
    assert.deepEqual(splitCard('Capital::Paris', DEFAULT_SEPARATORS), { question: 'Capital', answer: 'Paris', reversed: false });
    assert.deepEqual(splitCard('term ::: meaning', DEFAULT_SEPARATORS), { question: 'term ', answer: ' meaning', reversed: true });
  });

  it('uses the configured separators', () => {
    const text = '# 설정\n\nA 질문;;A 답\n\nB 질문::B 답\n\nC 질문%%C 답\n';
    const cards = (options: QuizOptions) => ofKind(generate([note('sep.md', text)], options), 'card').map(shown);
    assert.deepEqual(cards({ cardSeparator: ';;', reversedCardSeparator: '' }), [{ prompt: 'A 질문', answer: 'A 답' }]);
    assert.deepEqual(cards({ cardSeparator: ';;', reversedCardSeparator: '%%' }), [
      { prompt: 'A 질문', answer: 'A 답' },
      { prompt: 'C 질문', answer: 'C 답' },
      { prompt: 'C 답', answer: 'C 질문' },
    ]);
    assert.deepEqual(cards({}), [{ prompt: 'B 질문', answer: 'B 답' }]);
  });
});

describe('quiz: questions generated from notes', () => {
  const items = generate([note('network.md')]);

  it('asks for definition items, with the nearest definitions of the same section as options', () => {
    assert.deepEqual(ofKind(items, 'definition').map(shown), [
      { prompt: 'EIP(이)란?', answer: '고정된 퍼블릭 IP' },
      // `배치 그룹` items name no AWS term this glossary knows, in the question, the answer or the headings: not asked.
      { prompt: 'S3 › 덮어쓰기 PUT(이)란?', answer: 'S3 의 덮어쓰기 PUT 과 DELETE 는 강력한 일관성을 가집니다.' },
      { prompt: 'CloudFront(이)란?', answer: 'S3 앞에 두는 CDN' },
    ]);
  });

  it('makes every prompt unique in its note with a breadcrumb, and drops what would make a poor card', () => {
    const text = `# 정리
## Redshift
- Elasticity : 노드를 더해 늘림
## DynamoDB
- Elasticity : 온디맨드 용량 모드
## 기타
- Sc : 나중에 정리
- Lambda : TODO 정리 필요
- CloudFront : 엣지에서 캐시하고
- CloudTrail : 감사를 목적으로 함
- Load Balancer name : elb-demo로 설정했다.
- [EIP - 고정 IP](#eip)
- EIP : 고정된 퍼블릭 IPv4 주소`;
    assert.deepEqual(asked('definition', text), [
      { prompt: 'Redshift › Elasticity(이)란?', answer: '노드를 더해 늘림' },
      { prompt: 'DynamoDB › Elasticity(이)란?', answer: '온디맨드 용량 모드' },
      { prompt: 'EIP(이)란?', answer: '고정된 퍼블릭 IPv4 주소' },
    ]);
  });

  it('asks which side of a comparison table a value belongs to, naming neither side in the prompt', () => {
    // The options are the compared names in a stable shuffle: checked as a set, with the answer where answerIndex says.
    const comparisons = ofKind(items, 'comparison').map((i) => ({
      prompt: i.prompt,
      answer: i.answer,
      options: [...i.choices!].sort(),
      marked: i.choices![i.answerIndex!],
    }));
    const sides = ['네트워크 ACL', '보안 그룹'];
    assert.deepEqual(comparisons, [
      { prompt: '방화벽 › 적용 범위: "서브넷 단위"인 것은?', answer: '네트워크 ACL', options: sides, marked: '네트워크 ACL' },
      { prompt: '방화벽 › 상태 관리: "Stateful"인 것은?', answer: '보안 그룹', options: sides, marked: '보안 그룹' },
      { prompt: '방화벽 › 규칙 종류: "허용과 거부"인 것은?', answer: '네트워크 ACL', options: sides, marked: '네트워크 ACL' },
    ]);
    const masked = generate([
      note(
        'table.md',
        '| 특징 | 네트워크 ACL | 보안 그룹 |\n| - | - | - |\n| 범위 | 서브넷 | 인스턴스 |\n| 참조 | 불가 | 규칙에서 다른 보안 그룹을 출처로 지정 |\n',
      ),
    ]);
    assert.equal(ofKind(masked, 'comparison')[1].prompt, '참조: "규칙에서 다른 _____을 출처로 지정"인 것은?');
    const underOption = asked(
      'comparison',
      '## 보안 그룹\n\n| 특징 | 네트워크 ACL | 보안 그룹 |\n| - | - | - |\n| 범위 | 서브넷 | 인스턴스 |\n',
    );
    assert.deepEqual(
      underOption.map((q) => q.prompt),
      ['범위: "서브넷"인 것은?'],
      'a heading that names an option is left out of the prompt',
    );
  });

  it('asks for the terms noted under a heading or list item only where they read as a set', () => {
    const text = `# EC2
## 배치 그룹 유형
- 클러스터 : 인스턴스를 가까이 배치
- 분산형 : 서로 다른 하드웨어에 배치
## 방화벽 종류
- Security Group : 인스턴스 방화벽
- Network ACL : 서브넷 방화벽
## 정리
- 덮어쓰기 PUT : 강력한 일관성
- 요금 : 사용한 만큼
## 총 3가지 옵션
- 온디맨드 : 약정 없음
- 스팟 : 남는 용량
## 배포
- 장점 : 빠름
- 단점 : 비쌈
## EIP vs SG
- EIP : 고정 IP
- SG : 방화벽`;
    assert.deepEqual(asked('heading', text), [
      { prompt: '노트의 "EC2 › 배치 그룹 유형"에 적어 둔 2가지는?', answer: '클러스터, 분산형' },
      { prompt: '노트의 "EC2 › 방화벽 종류"에 적어 둔 2가지는?', answer: 'Security Group, Network ACL' },
    ]);
    assert.deepEqual(ofKind(items, 'heading').map(shown), []);
  });

  it('lists every outdated claim a card draws from and asks for what is true now', () => {
    const stale = items.filter((i) => i.stale);
    assert.deepEqual(
      stale.map((i) => ({ prompt: i.prompt, answer: i.answer, stale: i.stale })),
      [
        {
          prompt: 'S3 › 덮어쓰기 PUT(이)란?',
          answer: 'S3 의 덮어쓰기 PUT 과 DELETE 는 강력한 일관성을 가집니다.',
          stale: [
            {
              noted: '최종 일관성',
              current: 'S3 의 덮어쓰기 PUT 과 DELETE 는 강력한 일관성을 가집니다.',
              message:
                'S3 는 강력한 읽기 후 쓰기 일관성을 제공합니다. 현재: S3 의 덮어쓰기 PUT 과 DELETE 는 강력한 일관성을 가집니다. (2020년 12월 변경 · 출처: docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html#ConsistencyModel)',
            },
          ],
        },
      ],
    );
    assert.deepEqual(stale[0].termIds, ['s3', 's3-overwrite-put']);
  });

  it('checks every line a heading question draws from, and puts the current value in place of an outdated one', () => {
    const text = '# Lambda\n\n## Lambda 설정 옵션\n\n- 제한 시간 : 최대 5분\n- 메모리 : 128MB부터\n- 런타임 : Node.js, Python\n';
    const [heading] = ofKind(generate([note('lambda.md', text)]), 'heading');
    assert.equal(heading.prompt, '노트의 "Lambda 설정 옵션"에 적어 둔 3가지는?');
    assert.deepEqual(
      heading.stale?.map((f) => f.noted),
      ['5분'],
    );
    assert.deepEqual(
      asked('definition', '# Lambda\n\n- 최대 5분 제한 : 실행 시간의 한도\n'),
      [],
      'a question about the outdated value is not asked',
    );
    const [definition] = ofKind(generate([note('lambda.md', text)]), 'definition');
    assert.deepEqual(shown(definition), {
      prompt: 'Lambda 설정 옵션 › 제한 시간(이)란?',
      answer: 'Lambda 함수는 최대 15분까지 실행됩니다.',
    });
  });

  it('words note questions in the language of the note', () => {
    assert.deepEqual(ofKind(generate([note('english.md')]), 'definition').map(shown), [
      { prompt: 'What is Lambda?', answer: 'runs code without servers' },
      { prompt: 'What is Auto Scaling?', answer: 'adds and removes EC2 instances' },
    ]);
  });

  it('keeps ids when an answer is edited and changes them when the question is', () => {
    const ids = (name: string, text: string) =>
      generate([note(name, text)])
        .filter((i) => i.source)
        .map((i) => i.id);
    const cards = read('cards.md');
    assert.deepEqual(
      ids('cards.md', cards.replace('S3 Standard', 'S3 Standard 클래스').replace('==15분==', '==900초==')),
      ids('cards.md', cards),
    );
    const network = read('network.md');
    assert.deepEqual(
      ids(
        'network.md',
        network.replace('EIP - 고정된 퍼블릭 IP', 'EIP - 고정된 퍼블릭 IPv4 주소').replace('| Stateful |', '| Stateful (상태 저장) |'),
      ),
      ids('network.md', network),
    );
    assert.deepEqual(ids('cards.md', `\n\n${cards}`), ids('cards.md', cards), 'lines added above');
    const edited = ids('cards.md', cards.replace('기본 스토리지 클래스는', '기본 클래스는'));
    assert.notEqual(edited[0], ids('cards.md', cards)[0]);
  });

  it('gives every question its own id, even a question written twice', () => {
    const all = generate([note('cards.md'), note('copy.md', read('cards.md')), note('network.md')]);
    assert.equal(new Set(all.map((i) => i.id)).size, all.length);
  });
});

describe('quiz: hostile notes', () => {
  it('reads a note with a 30,000-blank run in linear time', () => {
    const text = `뼆퉅 kP${' '.repeat(30_000)}끝\n\n- **Amazon S3** : 객체 스토리지\n`;
    const start = performance.now();
    const items = generate([note('blanks.md', text)]);
    const ms = performance.now() - start;
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms`); // 4 s when the definition separator's pattern started with blanks
    assert.ok(items.some((i) => i.kind === 'definition' && i.answer.includes('객체 스토리지')));
  });
});

describe('quiz: distractors', () => {
  it('never offers the answer twice and takes the first tier first', () => {
    const mc = multipleChoice('seed', 'Alpha', [
      ['alpha', 'Beta', 'beta ', 'Gamma'],
      ['Delta', 'Epsilon'],
    ])!;
    assert.equal(mc.choices.length, 4);
    assert.equal(mc.choices[mc.answerIndex], 'Alpha');
    assert.equal(new Set(mc.choices.map(normalizeKey)).size, 4);
    assert.deepEqual(
      mc.choices
        .filter((c) => c !== 'Alpha')
        .slice(0, 2)
        .map(normalizeKey)
        .sort(),
      ['beta', 'gamma'],
    );
    assert.deepEqual(
      multipleChoice('seed', 'Alpha', [
        ['alpha', 'Beta', 'beta ', 'Gamma'],
        ['Delta', 'Epsilon'],
      ]),
      mc,
      'stable',
    );
  });

  it('takes an option and the same option with a remark in brackets for one', () => {
    const mc = multipleChoice('seed', '1433', [['3306', '3306 (MySQL 과 같음)', '1521', '1433 (기본값)']])!;
    assert.deepEqual(mc.choices.map((c) => c.slice(0, 4)).sort(), ['1433', '1521', '3306']);
    assert.equal(mc.choices[mc.answerIndex], '1433');
  });

  it('asks without options when fewer than two distractors are left', () => {
    assert.equal(multipleChoice('seed', 'Alpha', [['ALPHA', 'Beta']]), undefined);
  });

  it('draws definition options from the same section and glossary options from the same category', () => {
    const placement =
      '## EC2 배치 그룹\n- 클러스터 : 인스턴스를 가까이 배치\n- 분산형 : 서로 다른 하드웨어에 배치\n- 묶음형 : 랙 단위로 나눠 둠\n';
    const items = generate([note('network.md'), note('cards.md'), note('placement.md', placement)]);
    const definitions = ofKind(items, 'definition').filter((i) => i.choices);
    assert.deepEqual(
      definitions.map((d) => [d.prompt, [...d.choices!].sort()]),
      ['클러스터', '분산형', '묶음형'].map((term) => [
        `EC2 배치 그룹 › ${term}(이)란?`,
        ['랙 단위로 나눠 둠', '서로 다른 하드웨어에 배치', '인스턴스를 가까이 배치'],
      ]),
    );
    const names = new Map(
      knowledge.glossary.entries.map((e) => [e.nameKo === e.name || !/[가-힣]/.test(e.nameKo) ? e.name : `${e.nameKo} (${e.name})`, e]),
    );
    for (const g of ofKind(items, 'glossary').filter((i) => i.choices)) {
      const category = knowledge.glossary.get(g.termIds[0])!.category;
      assert.deepEqual(
        g.choices!.map((c) => names.get(c)?.category),
        g.choices!.map(() => category),
        g.id,
      );
      assert.equal(new Set(g.choices!.map(normalizeKey)).size, g.choices!.length, g.id);
      assert.equal(g.choices![g.answerIndex!], g.answer);
    }
  });
});

describe('quiz: questions from the knowledge base', () => {
  it('asks about the glossary terms the notes in scope mention, both ways', () => {
    const items = generate([note('network.md')]);
    assert.deepEqual(
      ofKind(items, 'glossary').map((i) => i.id),
      [
        's3',
        'security-group',
        'network-acl',
        'elastic-ip',
        'cloudfront',
        's3-overwrite-put',
        'cluster-placement',
        'spread-placement',
        'partition-placement',
      ].flatMap((id) => [`glossary:${id}:definition`, `glossary:${id}:name`]),
    );
    const [define, name] = ofKind(items, 'glossary');
    assert.deepEqual(shown(define), { prompt: 'Amazon S3(이)란?', answer: 'S3는 객체 스토리지 서비스입니다.' });
    // The glossary's storage classes are not services: no options of another type.
    assert.deepEqual(shown(name), { prompt: '다음 설명에 해당하는 것은?\n_____는 객체 스토리지 서비스입니다.', answer: 'Amazon S3' });
    assert.equal(define.sourceUrl, 'https://docs.aws.amazon.com/s3/');
  });

  it('asks each dated fact once, for what is true now, in the UI language', () => {
    const en = ofKind(generate([note('network.md')], { locale: 'en' }), 'fact');
    assert.deepEqual(
      en.map((i) => ({ id: i.id, ...shown(i), explanation: i.explanation, sourceUrl: i.sourceUrl, termIds: i.termIds, group: i.group })),
      [
        {
          id: 'fact:quiz-s3-consistency',
          prompt: 'An older note says:\nS3 overwrite PUTs are eventually consistent\nWhat is true now?',
          answer: 'S3 overwrite PUTs and DELETEs are strongly consistent.',
          explanation: 'S3 now provides strong read-after-write consistency. (changed Dec 2020)',
          sourceUrl: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html#ConsistencyModel',
          termIds: ['s3'],
          group: 'fact:quiz-s3-consistency',
        },
      ],
    );
    const ko = ofKind(generate([note('network.md')]), 'fact');
    assert.deepEqual(ko.map(shown), [
      {
        prompt: '예전 노트에 이렇게 적혀 있습니다.\n[S3] 덮어쓰기 PUT 은 최종 일관성\n지금은 어떤가요?',
        answer: 'S3 의 덮어쓰기 PUT 과 DELETE 는 강력한 일관성을 가집니다.',
      },
    ]);
  });

  it('narrows a term scope to the term and its relations', () => {
    const items = generate([note('network.md'), note('cards.md')], { scope: { kind: 'term', termId: 'security-group' } });
    assert.deepEqual([...new Set(ofKind(items, 'glossary').map((i) => i.termIds[0]))], ['security-group', 'network-acl']);
    assert.deepEqual(new Set(items.map((i) => i.kind)), new Set(['card', 'comparison', 'glossary']));
    for (const i of items) {
      assert.ok(
        i.termIds.some((id) => id === 'security-group' || id === 'network-acl'),
        i.prompt,
      );
    }
  });

  it('narrows a category scope to its terms that the notes mention', () => {
    const items = generate([note('network.md'), note('cards.md')], { scope: { kind: 'category', category: 'compute' } });
    assert.deepEqual(
      [...new Set(items.filter((i) => !i.source).map((i) => i.id.split(':').slice(0, 2).join(':')))],
      [
        'glossary:lambda',
        'glossary:cluster-placement',
        'glossary:spread-placement',
        'glossary:partition-placement',
        'fact:quiz-lambda-timeout',
      ],
    );
    assert.deepEqual(
      items.filter((i) => i.source).map((i) => i.answer),
      ['Lambda', '15분'],
    );
  });
});

describe('quiz: language service', () => {
  it('reads the notes of a folder and prefers the editor text of open notes', async () => {
    const { service } = await serviceOver(knowledge, {
      'file:///ws/net/network.md': read('network.md'),
      'file:///ws/cards.md': read('cards.md'),
    });
    const folder = await service.quizItems({ scope: { kind: 'folder', uri: 'file:///ws/net' } });
    assert.deepEqual(new Set(folder.filter((i) => i.source).map((i) => i.source!.uri)), new Set(['file:///ws/net/network.md']));

    service.documentChanged(TextDocument.create('file:///ws/cards.md', 'markdown', 2, '# 새 카드\n\nIAM 은 글로벌 서비스인가?::예\n'));
    const open = await service.quizItems({ scope: { kind: 'note', uri: 'file:///ws/cards.md' }, cardSeparator: '::' });
    assert.deepEqual(ofKind(open, 'card').map(shown), [{ prompt: 'IAM 은 글로벌 서비스인가?', answer: '예' }]);

    const all = await service.quizItems({ scope: { kind: 'all' } });
    assert.deepEqual(
      new Set(all.filter((i) => i.source).map((i) => i.source!.uri)),
      new Set(['file:///ws/net/network.md', 'file:///ws/cards.md']),
    );
  });
});

describe('quiz: inline code in questions', () => {
  it('keeps inline code in what it shows, but never reads a separator inside it', () => {
    const items = generate([
      note(
        'code.md',
        '# EC2\n\n- 인스턴스 유형 : `m5.large` 처럼 패밀리, 세대, 크기를 이은 이름\n- 버킷 ARN::`arn:aws:s3:::bucket` 형식\n- `a::b` 는 카드가 아니다\n',
      ),
    ]);
    assert.deepEqual(items.filter((i) => i.source).map(shown), [
      { prompt: '버킷 ARN', answer: 'arn:aws:s3:::bucket 형식' },
      { prompt: 'EC2 › 인스턴스 유형(이)란?', answer: 'm5.large 처럼 패밀리, 세대, 크기를 이은 이름' },
    ]);
  });
});

describe('quiz: struck-out text', () => {
  it('leaves out of questions and answers what the note has struck out', () => {
    const items = generate([note('struck.md', '# S3\n\n- 일관성 모델::~~최종 일관성~~ 강력한 읽기 후 쓰기 일관성\n')]);
    assert.deepEqual(items.filter((i) => i.source).map(shown), [{ prompt: '일관성 모델', answer: '강력한 읽기 후 쓰기 일관성' }]);
  });
});

describe('quiz: language service cache', () => {
  it('reads and parses a note again only when it changed', async () => {
    const { service, workspace } = await serviceOver(knowledge, {
      'file:///ws/network.md': read('network.md'),
      'file:///ws/cards.md': read('cards.md'),
    });
    const readsAfterIndexing = workspace.reads;
    const first = await service.quizItems({ scope: { kind: 'all' } });
    assert.equal(workspace.reads, readsAfterIndexing + 2);
    assert.deepEqual(await service.quizItems({ scope: { kind: 'all' } }), first);
    assert.equal(workspace.reads, readsAfterIndexing + 2);
    workspace.set('file:///ws/cards.md', '# 카드\n\nIAM 은 글로벌 서비스인가?::예\n');
    await service.noteChanged('file:///ws/cards.md');
    const after = await service.quizItems({ scope: { kind: 'note', uri: 'file:///ws/cards.md' } });
    assert.deepEqual(ofKind(after, 'card').map(shown), [{ prompt: 'IAM 은 글로벌 서비스인가?', answer: '예' }]);
  });
});
