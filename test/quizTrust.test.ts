// Questions a learner can trust: options that neither the wording nor the form of the answer give
// away, outdated names never spliced into a note's sentence, no choice among overlapping
// categories, and no question that never says what AWS thing it is about.
import assert from 'node:assert/strict';
import { quizKnowledge } from './helpers/knowledge';
import { quizOf } from './helpers/quiz';
import { knowledgeFrom, loadKnowledge } from '../server/src/knowledge/loadKnowledge';
import type { GlossaryFile } from '../server/src/knowledge/glossary';
import type { FactFile } from '../server/src/facts/factBook';
import type { Finding } from '../server/src/features/diagnostics';
import type { QuizItem } from '../server/src/protocol';
import { askCurrent } from '../server/src/quiz/staleCards';
import { alsoDescribes, givesAway } from '../server/src/quiz/giveaways';
import { sameShape, shapeOf } from '../server/src/quiz/optionShape';
import mini from './fixtures/mini-glossary.json';
import { factQuestions } from '../server/src/quiz/factQuestions';
import { glossaryQuestions, headNoun, maskNames } from '../server/src/quiz/glossaryQuestions';

const knowledge = quizKnowledge();
const builtInKnowledge = loadKnowledge();
const builtIn = builtInKnowledge.glossary;
const asked = (kind: QuizItem['kind'], text: string, uri = 'file:///notes/trust.md') =>
  quizOf(knowledge, [{ uri, text }])
    .filter((i) => i.kind === kind)
    .map((i) => ({ prompt: i.prompt, answer: i.answer, ...(i.choices ? { choices: i.choices } : {}) }));

describe('quiz: limits as bare numbers', () => {
  const definitions = (text: string) =>
    quizOf(builtInKnowledge, [{ uri: 'file:///notes/limits.md', text }]).filter((i) => i.kind === 'definition');

  it('asks a limit as a bare number only of a service whose limits the fact book follows', () => {
    // Shipped knowledge: dated facts follow Lambda's limits, none Transit Gateway's.
    const prompts = (text: string) => definitions(text).map((i) => i.prompt);
    assert.deepEqual(prompts('## AWS Transit Gateway\n- 대역폭 제한 : 50 Gbps'), []);
    assert.deepEqual(prompts('## AWS Lambda\n- 배포 패키지 제한 : 50MB'), ['AWS Lambda › 배포 패키지 제한(이)란?']);
  });

  it('asks no value of a general term under a label that names nothing of AWS', () => {
    const prompts = (text: string) => definitions(text).map((i) => i.prompt);
    assert.deepEqual(prompts('# Amazon ElastiCache\n## 중요한 포트\n- SSH : 22\n- HTTPS : 443'), []);
    assert.deepEqual(prompts('# Amazon RDS\n## RDS 데이터베이스 포트\n- MySQL : 3306\n- PostgreSQL : 5432').length, 2);
  });

  it('asks no size or time given only as where its range starts', () => {
    const prompts = (body: string) => definitions(`## AWS Lambda\n- 배포 패키지 크기 : ${body}`).map((q) => q.answer);
    assert.deepEqual(prompts('minimum 1 MB'), []);
    assert.deepEqual(prompts('최소 1MB'), []);
    assert.deepEqual(prompts('최소 1MB, 최대 50MB'), ['최소 1MB, 최대 50MB']);
  });
});

describe('quiz: options the wording does not give away', () => {
  it('asks without options when a word of the term shows up in the answer but not in the other options', () => {
    const text = `# EC2 기능
- 트래픽 미러링 : 인스턴스의 트래픽을 복사해 분석 도구로 보냄
- 사용자 데이터 : 처음 부팅할 때 한 번 실행하는 스크립트
- 키 페어 : 접속할 때 쓰는 공개 키와 개인 키의 묶음
- 메타데이터 서비스 : 인스턴스 안에서 자신의 정보를 조회하는 주소`;
    const questions = asked('definition', text);
    const mirroring = questions.find((q) => q.prompt.includes('트래픽 미러링'));
    assert.deepEqual(mirroring, { prompt: 'EC2 기능 › 트래픽 미러링(이)란?', answer: '인스턴스의 트래픽을 복사해 분석 도구로 보냄' });
    // `키`, a word of one syllable of the name, is said again in the answer.
    assert.equal(questions.find((q) => q.prompt.includes('키 페어'))?.choices, undefined);
    assert.equal(questions.find((q) => q.prompt.includes('사용자 데이터'))?.choices?.length, 4);
  });

  it('counts a plural, a particle and another name of the same glossary entry as the same word', () => {
    assert.ok(givesAway(builtIn, { text: 'Access Logs' }, { text: 'log every request' }, [{ text: 'keep old versions' }]));
    assert.ok(givesAway(builtIn, { text: '트래픽 미러링' }, { text: '트래픽을 복사' }, [{ text: '경로를 바꿈' }]));
    assert.ok(
      givesAway(builtIn, { text: 'SG', entries: [6] }, { text: '보안 그룹에 붙음', entries: [6] }, [
        { text: '서브넷에 붙음', entries: [] },
      ]),
    );
    assert.ok(
      !givesAway(builtIn, { text: 'stream 처리' }, { text: '이벤트를 바로 처리' }, [{ text: '큐에 넣어 처리' }]),
      'a word every option has',
    );
  });

  it('counts a word of the name said in the other language: a loanword, or a word the glossary names translate', () => {
    // [why, name, clue, another option]
    const cases: [string, string, string, string][] = [
      ['loanword list', 'Process-based', '프로세스 단위로 가볍게 격리', 'VM-based'],
      ['word list', 'Elastic Disaster Recovery', '장애가 나면 AWS에서 재해 복구', 'Application Migration Service'],
      ['joined word', 'GovCloud (US)', '미국 정부 기관용 격리 리전', 'Local Zones'],
      ['Korean name, English clue', '컨테이너 기반', 'one container per task', '가상 머신 기반'],
      ['from glossary names', 'NAT Gateway', '게이트웨이를 AZ마다 둠', 'NAT Instance'],
      ['a word joined into a name', 'AWS CodeArtifact', '완전 관리형 아티팩트 리포지토리', '완전 관리형 배포 서비스'],
      ['an acronym joined into a name', 'FSx for OpenZFS', '관리형 ZFS 파일 시스템', 'Windows 파일 서버'],
      ['a loanword of one syllable', 'AWS Cloud Shell', '브라우저 기반 셸', '컨테이너 레지스트리'],
      ['initials of words of the name', 'Internet Small Computer Systems Interface', 'SCSI 명령을 IP로 전달', 'Border Gateway Protocol'],
      ['initials across a minor word', 'Infrastructure as Code', 'IaC 도구로 배포', 'Single Tenancy'],
      ['a Korean word of one syllable', '열 기반 스토리지', '데이터를 열 단위로 저장', '행 기반 스토리지'],
    ];
    for (const [why, name, clue, other] of cases) {
      assert.ok(givesAway(builtIn, { text: name }, { text: clue }, [{ text: other }]), why);
    }
    const team = knowledgeFrom([
      {
        version: 1,
        entries: [
          {
            id: 'blue-panel',
            name: 'Blue Panel',
            shortName: 'Blue Panel',
            nameKo: '파랑 Panel',
            aliases: ['Blue Panel', '파랑 Panel'],
            category: 'management',
            definition: { ko: '파랑 Panel 은 팀이 쓰는 대시보드입니다.', en: 'Blue Panel is the dashboard the team uses.' },
            docs: 'https://example.com/',
          },
        ],
      },
    ]).glossary;
    const blue = [{ text: 'Blue Switch' }, { text: '파랑 불이 켜짐' }, [{ text: 'Red Switch' }]] as const;
    assert.ok(givesAway(team, ...blue), "from the names of a team's own glossary");
    assert.ok(!givesAway(builtIn, ...blue));
    assert.ok(
      !givesAway(builtIn, { text: 'VM-based' }, { text: '독립적인 가상 환경' }, [{ text: 'Process-based' }]),
      'no word of the name',
    );
    assert.ok(
      !givesAway(builtIn, { text: 'NAT Gateway' }, { text: '인스턴스 하나로 충분' }, [{ text: 'NAT Instance' }]),
      'a word of another option',
    );
  });

  it('asks a comparison about another value when one says the name of its row in the other language', () => {
    const text = `## Lambda 실행 방식
| 구분 | Container-based | Function-based |
| --- | --- | --- |
| 격리 | 컨테이너 단위로 나눔 | 호출마다 새로 시작 |`;
    assert.deepEqual(
      asked('comparison', text).map((q) => ({ prompt: q.prompt, answer: q.answer })),
      [{ prompt: 'Lambda 실행 방식 › 격리: "호출마다 새로 시작"인 것은?', answer: 'Function-based' }],
    );
  });

  it('does not ask about a value that says little once the compared names are blanked', () => {
    const text = `## EC2 주소
| 구분 | Elastic IP address | Public IP |
| --- | --- | --- |
| 확인 | See the metrics of the Elastic IP address. | - |
| 요금 | Billed at 0.005 USD an hour when the Elastic IP address is idle | - |
| 유지 | Kept until you release it | - |
| 부여 | 계정에 할당한 탄력적 IP 주소를 연결 | 인스턴스를 시작할 때 자동으로 받음 |`;
    assert.deepEqual(
      asked('comparison', text).map((q) => q.prompt),
      [
        // `See the metrics of the _____.` is true of either: no question about `확인`.
        'EC2 주소 › 요금: "Billed at 0.005 USD an hour when the _____ is idle"인 것은?',
        'EC2 주소 › 유지: "Kept until you release it"인 것은?',
        'EC2 주소 › 부여: "인스턴스를 시작할 때 자동으로 받음"인 것은?',
      ],
    );
  });

  it('asks nothing about a table that lists the rules of an example setup', () => {
    const rules = (source: string) => `## 보안 그룹 규칙
| Type | Port | Source | Description |
| --- | --- | --- | --- |
| HTTPS | 443 | ${source} | Web front end |
| RDP | 3389 | 203.0.113.7/32 | Admin desktop |`;
    assert.deepEqual(asked('comparison', rules('0.0.0.0/0')), []);
    assert.deepEqual(
      asked('comparison', rules('Anywhere')).map((q) => q.prompt),
      ['보안 그룹 규칙 › Source: which one is "Anywhere"?', '보안 그룹 규칙 › Description: which one is "Web front end"?'],
      'the same table without addresses',
    );
  });

  it('does not ask about a comparison value that repeats the name of its row', () => {
    const text = `## 방화벽 비교
| 구분 | 보안 그룹 | 네트워크 ACL |
| --- | --- | --- |
| 적용 대상 | 인스턴스 그룹 | 서브넷 |
| 규칙 평가 | 모든 규칙을 본다 | 번호 순서대로 본다 |`;
    assert.deepEqual(
      asked('comparison', text).map((q) => q.prompt),
      // `인스턴스 그룹` would point at `보안 그룹`: the row asks about the other value.
      ['방화벽 비교 › 적용 대상: "서브넷"인 것은?', '방화벽 비교 › 규칙 평가: "번호 순서대로 본다"인 것은?'],
    );
  });
});

describe('quiz: options of one shape', () => {
  it('tells durations, sizes, counts, lists and sentences apart', () => {
    assert.equal(shapeOf('900초 (15분)'), 'quantity:duration');
    assert.equal(shapeOf('128MB에서 10GB까지'), 'quantity:size');
    assert.equal(shapeOf('1000 (증가 가능)'), 'quantity:count');
    assert.equal(shapeOf('범용 SSD, 프로비저닝된 IOPS SSD, 콜드 HDD'), 'list');
    assert.equal(shapeOf('볼륨을 다른 가용 영역으로 옮길 수 있다.'), 'prose');
    assert.ok(sameShape('15분', '2시간'));
    assert.ok(!sameShape('15분', '10GB'));
    assert.ok(!sameShape('3306 (MySQL과 같음)', '5432'), 'a remark only the answer has');
    assert.ok(sameShape('3306 (MySQL과 같음)', '1433 (SQL Server)'));
    assert.ok(!sameShape('짧은 설명', '아주 길게 늘어놓은 설명으로 다른 선택지보다 몇 배나 되는 길이의 문장'));
  });

  it('asks without options when no other definition nearby has the shape of the answer', () => {
    const text = `## Lambda 제한
- 최대 실행 시간 : 900초
- 배포 패키지 : 압축해서 50MB
- 동시 실행 수 : 리전마다 1000
- 임시 저장소 : 512MB부터 10GB까지`;
    const questions = asked('definition', text);
    assert.equal(questions.length, 4);
    assert.deepEqual(
      questions.filter((q) => q.choices),
      [],
    );
  });
});

describe('quiz: options that are not also right', () => {
  it('leaves out an option that says what the answer says', () => {
    const text = `## EC2 에 직접 설치한 DB 의 포트
- PostgreSQL 포트 : 5432
- MySQL 포트 : 3306
- Aurora MySQL 포트 : 3306 (MySQL 과 같음)
- SQL Server 포트 : 1433
- Oracle 포트 : 1521`;
    const mysql = asked('definition', text).find((q) => q.prompt.includes('› MySQL 포트'));
    assert.deepEqual(mysql?.choices && [...mysql.choices].sort(), ['1433', '1521', '3306', '5432']);
  });

  /** The options of the definition question a note asks with this prompt, with the shipped glossary. */
  const definitionChoices = (text: string, prompt: string) =>
    quizOf(builtInKnowledge, [{ uri: 'file:///notes/options.md', text }]).find((q) => q.kind === 'definition' && q.prompt === prompt)
      ?.choices;

  it('offers no description of a thing that shares a defining trait with the asked one', () => {
    const text = `## EC2 purchasing options
- On-Demand Instances : pay by the second with no commitment
- Spot Instances : spare capacity at a discount that can be reclaimed
- Dedicated Instances : no other customer shares your hardware
- Dedicated Hosts : a whole physical server whose sockets and cores you see`;
    const hosts = definitionChoices(text, 'What is EC2 purchasing options › Dedicated Hosts?');
    const spot = definitionChoices(text, 'What is EC2 purchasing options › Spot Instances?');
    assert.ok(!hosts?.includes('no other customer shares your hardware'), String(hosts));
    assert.ok(spot?.includes('no other customer shares your hardware'), String(spot));
  });

  it('offers a service only descriptions of other services, not of its own features', () => {
    const text = `## AWS 스토리지
- EBS : 하드디스크처럼 쓰는 블록 스토리지 서비스
- 암호화 : KMS 키로 볼륨과 스냅샷을 암호화한다
- 스냅샷 : 볼륨의 특정 시점 백업을 보관한다
- S3 : 객체 단위로 접근하는 스토리지 서비스
- Glacier : 장기 보관용 아카이브 서비스
- EFS : 여러 인스턴스가 함께 쓰는 파일 시스템`;
    const ebs = definitionChoices(text, 'EBS(이)란?');
    assert.ok(ebs?.length, 'asked with options');
    assert.deepEqual(
      ebs.filter((c) => c.includes('백업') || c.includes('암호화')),
      [],
    );
  });

  it('offers no file system that the answer describes as well (EFS beside FSx for Lustre)', () => {
    const text = `## AWS 파일 스토리지
- EFS : Linux 인스턴스용 POSIX 네트워크 파일 시스템
- FSx for Lustre : HPC용 고성능 병렬 파일 시스템
- FSx for Windows : Windows 서버용 SMB 파일 시스템
- S3 : 객체를 버킷에 저장하는 스토리지`;
    const lustre = definitionChoices(text, 'AWS 파일 스토리지 › FSx for Lustre(이)란?');
    assert.ok(lustre?.length, 'asked with options');
    assert.ok(!lustre.includes('Linux 인스턴스용 POSIX 네트워크 파일 시스템'), String(lustre));
  });
});

describe('quiz: outdated names are not spliced into a sentence', () => {
  const finding = (replacement: string) => ({ ruleId: 'renamed', replacement, kind: 'fact', message: '' }) as unknown as Finding;
  const question = { id: 'q', kind: 'definition' as const, prompt: '클라이언트(이)란?', answer: '옛 프록시와 통신' };
  const stale = [{ noted: '옛 프록시', current: '지금은 새 엔드포인트를 씁니다.', message: '' }];

  it('swaps an outdated value with its unit in place', () => {
    const asked = askCurrent({ ...question, answer: '최대 5TB' }, [{ finding: finding('50TB'), claim: '5TB' }], stale);
    assert.equal(asked?.answer, '최대 50TB');
  });

  it('answers with the current fact instead of putting a new name into the note sentence', () => {
    const asked = askCurrent(question, [{ finding: finding('새 엔드포인트'), claim: '옛 프록시' }], stale);
    assert.equal(asked?.answer, '지금은 새 엔드포인트를 씁니다.');
  });

  it('does not ask a card whose answer only mentions the outdated claim among other things', () => {
    const longer = { ...question, answer: '서비스 사이 통신을 옛 프록시 같은 메시 도구로 관리하고 재시도와 암호화를 맡김' };
    assert.equal(askCurrent(longer, [{ finding: finding('새 엔드포인트'), claim: '옛 프록시' }], stale), undefined);
  });
});

describe('quiz: comparison tables of overlapping things', () => {
  it('asks no multiple choice about use cases, or about a described value among many compared things', () => {
    const text = `## EC2 구매 옵션
| 구분 | 온디맨드 | 예약 | 스팟 | 전용 호스트 | 전용 인스턴스 |
| --- | --- | --- | --- | --- | --- |
| 대표 사용 사례 | 짧은 작업 | 꾸준한 작업 | 중단돼도 되는 작업 | 라이선스 요건 | 규정 준수 |
| 과금 방식 | 초 단위로 쓰는 만큼 | 1년 또는 3년 약정 | 남는 용량을 싸게 | 호스트 단위 | 인스턴스 단위 |
| 할인 | 없음 | 최대 72% | 최대 90% | 있음 | 있음 |`;
    assert.deepEqual(
      asked('comparison', text).map((q) => q.prompt),
      ['EC2 구매 옵션 › 할인: "최대 90%"인 것은?'],
    );
  });

  it('asks not how an update reaches each compared deployment, which depends on the kind of update', () => {
    const text = `## RDS 배포 비교
| 비교 항목 | Multi AZ | Read Replica |
| --- | --- | --- |
| 엔진 업데이트 | Primary만 업데이트 | 인스턴스마다 따로 업데이트 |
| 복제 방식 | 동기 복제 | 비동기 복제 |`;
    assert.deepEqual(
      asked('comparison', text).map((q) => q.prompt),
      ['RDS 배포 비교 › 복제 방식: "비동기 복제"인 것은?'],
    );
  });

  it("asks not which one's setting is on by default, which may differ between the console and the API", () => {
    const text = `## Auto Scaling 비교
| 항목 | 대상 추적 | 단계 조정 | 예약된 조정 |
| --- | --- | --- | --- |
| 기본 설정 | 활성화 | 비활성화 | 비활성화 |
| 조정 기준 | 지표 목표값 유지 | 경보 단계별 조정 | 정해진 시각 |`;
    assert.deepEqual(
      asked('comparison', text).map((q) => q.prompt),
      ['Auto Scaling 비교 › 조정 기준: "정해진 시각"인 것은?'],
    );
  });
});

describe('quiz: comparison values that another side shares', () => {
  it('asks about no value that differs from another only by a qualifier in brackets', () => {
    const text = `## S3 접근 제어
| 구분 | 버킷 정책 | ACL | IAM 정책 |
| --- | --- | --- | --- |
| 다른 계정에 권한 부여 | 가능 | 가능 (계정 ID로) | 불가 |`;
    assert.deepEqual(
      asked('comparison', text).map((q) => [q.prompt, q.answer]),
      [['S3 접근 제어 › 다른 계정에 권한 부여: "불가"인 것은?', 'IAM 정책']],
    );
  });
});

describe('quiz: comparison options that name the AWS thing', () => {
  it('asks a description with the AWS name in brackets as that name', () => {
    const text = `## 엣지 실행 비교
| 구분 | 경량 실행 (CloudFront) | 서버 실행 (Lambda) |
| --- | --- | --- |
| 격리 | 프로세스 단위로 격리 | 가상 머신 단위로 격리 |`;
    const [question] = asked('comparison', text);
    assert.deepEqual([...question.choices!].sort(), ['CloudFront', 'Lambda']);
  });
});

describe('quiz: questions that say what they are about', () => {
  it('names the service a definition is noted under, and drops one that names no AWS term at all', () => {
    const text = `# Lambda
## 실행
- 실행 제한 시간 : 설정할 수 있는 가장 긴 시간
# 일반
- 데이터베이스 : 검색할 수 있게 모아 둔 자료`;
    assert.deepEqual(asked('definition', text), [
      { prompt: 'Lambda › 실행 › 실행 제한 시간(이)란?', answer: '설정할 수 있는 가장 긴 시간' },
    ]);
  });

  it('asks a part of a service under the label above it that names another AWS term, and a service alone', () => {
    const text = `## 보안 그룹 규칙
- 보존 기간 : 규칙을 바꾼 기록을 남겨 두는 기간
- CloudFront : 엣지에서 콘텐츠를 캐시하는 CDN`;
    assert.deepEqual(
      asked('definition', text).map((q) => q.prompt),
      ['보안 그룹 규칙 › 보존 기간(이)란?', 'CloudFront(이)란?'],
    );
  });

  it('names the service of a part that a label above names, from a heading further up or the topic', () => {
    const item = '## 배포 패키지\n- 임시 저장소 : 실행 중에 쓰는 /tmp 공간';
    const prompts = (text: string, uri?: string) => asked('definition', text, uri).map((q) => q.prompt);
    assert.deepEqual(prompts(`# AWS Lambda\n${item}`), ['AWS Lambda › 배포 패키지 › 임시 저장소(이)란?']);
    assert.deepEqual(prompts(item, 'file:///notes/lambda.md'), ['Lambda › 배포 패키지 › 임시 저장소(이)란?']);
  });

  it('takes a label naming a feature of no service (환경 변수) for no whole, and names the topic above it', () => {
    const text =
      '## 실행 환경 및 제한 사항\n### 환경 변수 및 비밀 관리\n- environment variable encryption : KMS 키로 환경 변수 값을 암호화해 저장하는 기능';
    assert.deepEqual(
      quizOf(builtInKnowledge, [{ uri: 'file:///notes/lambda.md', text }])
        .filter((i) => i.kind === 'definition')
        .map((i) => i.prompt),
      ['Lambda › 실행 환경 및 제한 사항 › 환경 변수 및 비밀 관리 › environment variable encryption(이)란?'],
    );
  });

  it("falls back to the note's topic, from its one title or its file name, and to nothing from a plain name", () => {
    const flat = `## 실행 환경
- 실행 제한 시간 : 설정할 수 있는 가장 긴 시간`;
    const prompts = (text: string, uri?: string) => asked('definition', text, uri).map((q) => q.prompt);
    assert.deepEqual(prompts(flat, 'file:///notes/lambda/README.md'), ['Lambda › 실행 환경 › 실행 제한 시간(이)란?']);
    // A title too long to be a breadcrumb still gives the topic.
    assert.deepEqual(prompts(`# 람다 정리본: 서버리스 스터디 3주차에 함께 읽고 토론한 내용 모음\n${flat}`), [
      'Lambda › 실행 환경 › 실행 제한 시간(이)란?',
    ]);
    assert.deepEqual(prompts(`# 람다\n# 기타\n${flat}`), []);
    assert.deepEqual(prompts(flat, 'file:///notes/week3.md'), []);
  });

  it('asks a part that no label places under the service the glossary says it is of', () => {
    assert.deepEqual(
      asked('definition', '- Overwrite PUT : 같은 키에 새 객체를 쓰는 요청', 'file:///notes/week3.md').map((q) => q.prompt),
      ['S3 › Overwrite PUT(이)란?'],
    );
  });

  it('asks a glossary part under its service unless its name says a whole it is part of', () => {
    const text = '## Amazon S3\n- 덮어쓰기 PUT 은 강한 일관성\n- Lambda 계층 을 쓴다';
    assert.deepEqual(
      quizOf(knowledge, [{ uri: 'file:///notes/t.md', text }])
        .filter((i) => i.kind === 'glossary' && i.id.endsWith(':definition'))
        .map((i) => i.prompt),
      ['Amazon S3(이)란?', 'S3 › 덮어쓰기 PUT (Overwrite PUT)(이)란?', 'Lambda 계층 (Lambda Layer)(이)란?'],
    );
  });

  it('names the thing a heading asks about, and skips a clause that leads into a list', () => {
    const text = `## 1. What is Amazon EC2?
- Key features include
  - 사용자 데이터 : 인스턴스가 처음 시작할 때 실행하는 스크립트
## 라우팅 정책이란?
- 보존 기간 : 레코드를 캐시에 남겨 두는 기간`;
    assert.deepEqual(
      asked('definition', text).map((q) => q.prompt),
      ['Amazon EC2 › 사용자 데이터(이)란?', '라우팅 정책 › 보존 기간(이)란?'],
    );
  });

  it('does not take a clause, a list or a remark for a term, nor an answer that restates the term', () => {
    const text = `## Amazon S3
- V1과 V2가 존재 : V2는 아직 시험 중
- 정책에서 Effect : Deny 가 Allow 보다 먼저
- 버킷 A, 버킷 B : 실습용 버킷
- 실습 스크립트 : I was supposed to run this lab but it is gone
- S3 Managed Keys : keys are managed by S3
- 버킷 정책 : 버킷 단위로 접근을 허용하거나 거부하는 JSON 문서`;
    assert.deepEqual(
      asked('definition', text).map((q) => q.prompt),
      ['Amazon S3 › 버킷 정책(이)란?'],
    );
  });

  it('asks no example value, benefit or step as a definition, and names the topic a plain name leaves out', () => {
    const text = `## 요청 흐름
- 클라이언트 요청 : GET /index.html HTTP/1.1
- 로그 파일 : access-log.json
- 보안 강화 : 모든 트래픽을 한곳으로 보냄
- 중요한 단계 : 라우트 전파를 켬
- IAM 역할 : 자격 증명 없이 권한을 빌려 줌`;
    assert.deepEqual(
      asked('definition', text, 'file:///notes/cloudfront.md').map((q) => q.prompt),
      ['CloudFront › 요청 흐름 › IAM 역할(이)란?'],
    );
  });

  it('does not take the explained options of an exam question for definitions', () => {
    const text = `# Lambda 문제 풀이
- B. Lambda 함수 : 이 문제에서는 정답이 아님
- (C) Lambda 계층 : 공통 코드를 함수 사이에 나눠 쓰는 방법
- Lambda 계층 : 공통 코드를 함수 사이에 나눠 쓰는 방법`;
    assert.deepEqual(
      asked('definition', text).map((q) => q.prompt),
      ['Lambda 문제 풀이 › Lambda 계층(이)란?'],
    );
  });

  it('asks a comparison under the heading that names the AWS service it compares within', () => {
    const text = `## Lambda
### 동시성 종류
| 구분 | 예약된 동시성 | 프로비저닝된 동시성 |
| --- | --- | --- |
| 미리 초기화 | 아니요 | 예, 미리 준비해 둠 |`;
    assert.deepEqual(
      asked('comparison', text).map((q) => q.prompt),
      ['Lambda › 미리 초기화: "아니요"인 것은?'],
    );
  });

  it('does not ask about a bare table cell', () => {
    const text = `## CloudTrail 이벤트
| 구분 | 관리 이벤트 | 데이터 이벤트 |
| --- | --- | --- |
| 기본 기록 | O | X |`;
    assert.deepEqual(asked('comparison', text), []);
  });
});

describe('quiz: renames that teach something', () => {
  const renamed = (id: string, from: string, to: string) => ({
    id,
    about: ['redshift'],
    keywords: [from.slice(0, 4)],
    claim: [`(?<claim>${from})`],
    context: 'note',
    changed: { ko: `${to} 로 이름이 바뀌었습니다.`, en: `It is called ${to} now.` },
    changedOn: '2025-01',
    current: { ko: `지금 이름은 ${to} 입니다.`, en: `It is called ${to}.` },
    replacement: { ko: to, en: to },
    source: 'https://docs.aws.amazon.com/redshift/',
    lastVerified: '2026-11-23',
    confidence: 'confirmed',
    severity: 'warning',
    examples: { match: [{ text: `[[${from}]] 로 분석` }], noMatch: [] },
  });

  it('asks for a new name under the service the old one does not name, but not for one that differs from the old in spelling only', () => {
    const file = { version: 1, facts: [renamed('spaced', 'RedPanel', 'Red Panel'), renamed('new-name', 'RedPanel Pro', 'Scarlet Panel')] };
    const kb = knowledgeFrom([mini as GlossaryFile], [file as unknown as FactFile]);
    assert.deepEqual(
      factQuestions(kb, 'ko', new Set(['redshift'])).map((q) => [q.prompt, q.answer]),
      [['[Redshift] 예전 노트의 "RedPanel Pro", 지금은 무엇인가요?', 'Scarlet Panel']],
    );
  });

  it("names the service of a renamed part whose old name does not say it (Organizations' master account)", () => {
    const prompts = factQuestions(loadKnowledge(), 'ko', new Set(['organizations', 'management-account'])).map((q) => q.prompt);
    assert.ok(prompts.includes('[Organizations] 예전 노트의 "마스터 계정", 지금은 무엇인가요?'), prompts.join('\n'));
  });
});

describe('quiz: old claims that say what they are about', () => {
  it('places an old claim down to the one part its fact is about when the line only names the whole', () => {
    const prompts = factQuestions(loadKnowledge(), 'ko', new Set(['ebs', 'ebs-gp2', 'ebs-st1', 'ebs-sc1'])).map((q) => q.prompt);
    assert.ok(prompts.some((p) => p.includes('[EBS 볼륨 › gp2] 최대 3,000 IOPS')));
    // A fact about two parts (st1 and sc1) is not narrowed to one of them.
    assert.ok(prompts.some((p) => p.includes('[Amazon EBS] HDD 볼륨은')));
  });
});

describe('quiz: comparisons among retired products', () => {
  it('checks the compared names as well as the value, and asks nothing a retired name would answer', () => {
    const shipped = loadKnowledge();
    const text = `## AWS Snow Family

| Properties | Snowcone | Snowball Edge Storage Optimized | Snowmobile |
| --- | --- | --- | --- |
| Storage Capacity | 8 TB usable | 80 TB usable | 100 PB |
| Migration Size | Up to 24 TB, online and offline | Up to petabytes, offline | Up to exabytes, offline |
`;
    const comparisons = quizOf(shipped, [{ uri: 'file:///notes/snow.md', text }]).filter((i) => i.kind === 'comparison');
    assert.deepEqual(
      comparisons.filter((i) => !i.stale?.length).map((i) => i.prompt),
      [],
    );
  });
});

describe('quiz: heading questions that say what service they are about', () => {
  it('names the heading above a set whose own title names no AWS term', () => {
    const text = `# S3
## 스토리지 클래스
### 자주 안 쓰는 데이터 유형
- S3 Standard-IA : 자주 꺼내지 않지만 바로 읽어야 하는 데이터
- Glacier Deep Archive : 몇 년에 한 번 꺼내는 보관용 데이터
`;
    const prompts = asked('heading', text).map((q) => q.prompt);
    assert.equal(prompts.length, 1);
    assert.match(prompts[0], /^노트의 "S3 › .*자주 안 쓰는 데이터 유형"에 적어 둔 2가지는\?$/);
  });

  it('asks no set whose items are letters or half-written definitions, nor one that names no AWS term anywhere', () => {
    const odd = `## EC2 인스턴스 유형 이름
- m
- 5 : 세대
- 2xlarge : 크기`;
    const general = `## 정렬 알고리즘 종류
- 퀵 정렬 : 피벗으로 나눔
- 병합 정렬 : 반씩 나눠 합침`;
    assert.deepEqual(asked('heading', odd), []);
    const withSentence = `## S3 퍼블릭 액세스 차단 설정 종류
- 새 ACL 차단 : 새로 붙이는 ACL 을 막음
- 모든 ACL 무시 : 이미 있는 ACL 도 무시함
- 버킷 정책으로 주는 퍼블릭 접근도 같은 방식으로 두 가지를 막을 수 있다.`;
    assert.deepEqual(asked('heading', withSentence), []);
    assert.deepEqual(asked('heading', general), []);
    assert.equal(asked('heading', general, 'file:///notes/lambda.md').length, 1);
  });
});

describe('quiz: glossary options of the same kind', () => {
  it('reads what a definition says a concept is', () => {
    assert.equal(headNoun('클라이언트와 서버가 한 연결로 메시지를 주고받는 프로토콜입니다.'), '프로토콜');
    assert.equal(headNoun('A WebSocket is a communication protocol that keeps one connection open.'), 'protocol');
    assert.equal(headNoun('데이터를 여러 디스크에 나눠 씁니다.'), undefined);
  });

  it('offers no entry that the blanked description fits as well', () => {
    assert.ok(alsoDescribes('_____은 오픈 소스 관계형 데이터베이스 엔진입니다.', 'PostgreSQL은 오픈 소스 관계형 데이터베이스 엔진입니다.'));
    assert.ok(
      !alsoDescribes('_____은 오픈 소스 관계형 데이터베이스 엔진입니다.', 'SQL Server는 Microsoft의 관계형 데이터베이스 엔진입니다.'),
    );
    const engines = new Set(['mysql', 'postgresql', 'sql-server', 'oracle', 'aurora']);
    const mysql = glossaryQuestions(knowledge, 'ko', engines).find((i) => i.id === 'glossary:mysql:name');
    assert.ok(mysql?.choices?.includes('SQL Server'));
    assert.ok(!mysql?.choices?.includes('PostgreSQL'));
  });

  it('asks for no name without options when the description fits another entry of its kind', () => {
    const mysql = glossaryQuestions(loadKnowledge(), 'ko', new Set(['mysql', 'postgresql', 'mariadb'])).find(
      (i) => i.id === 'glossary:mysql:name',
    );
    assert.ok(!mysql || mysql.choices?.length, mysql?.prompt);
  });

  it('offers no entry that its definition says is a kind of the answer (a resolver is a name server)', () => {
    const ids = new Set(['name-server', 'dns-resolver', 'ns-record', 'zone-apex', 'hosted-zone']);
    const server = glossaryQuestions(loadKnowledge(), 'ko', ids).find((i) => i.id === 'glossary:name-server:name');
    assert.ok(server?.choices?.length);
    assert.ok(!server.choices.some((c) => c.includes('Resolver')), server.choices.join(' | '));
  });

  it('asks for no name whose description says little once its names are blanked', () => {
    const oracle = glossaryQuestions(loadKnowledge(), 'ko', new Set(['oracle-database', 'sql-server', 'mysql'])).find(
      (i) => i.id === 'glossary:oracle-database:name',
    );
    assert.equal(oracle, undefined, oracle?.prompt);
  });

  it('offers no old name of a renamed or retired service', () => {
    const ids = new Set(['iam-identity-center', 'aws-sso', 'cognito', 'iam', 'organizations', 'directory-service']);
    const center = glossaryQuestions(loadKnowledge(), 'ko', ids).find((i) => i.id === 'glossary:iam-identity-center:name');
    assert.ok(center?.choices?.length);
    assert.ok(!center.choices.some((c) => /SSO|Single Sign-On/.test(c)), center.choices.join(' | '));
  });

  it('offers only the parts of the service an answer is named after, whose name the blanks hide', () => {
    const all = new Set(knowledge.glossary.entries.map((e) => e.id));
    const layer = glossaryQuestions(knowledge, 'ko', all).find((i) => i.id === 'glossary:lambda-layer:name');
    assert.match(layer?.prompt ?? '', /_____은 여러 함수가 함께 쓰는/);
    const lambdaParts = ['Lambda 계층', '실행 제한 시간', '배포 패키지', '동시 실행 수', '임시 저장소'];
    assert.ok(layer?.choices?.length);
    assert.deepEqual(
      layer.choices.filter((c) => !lambdaParts.some((p) => c.startsWith(p))),
      [],
    );
  });

  it('offers no options when the description names a part of the answer', () => {
    const shipped = loadKnowledge();
    const gp = glossaryQuestions(shipped, 'ko', new Set(['ebs-general-purpose-ssd'])).find((i) => i.id.endsWith(':name'));
    assert.match(gp?.prompt ?? '', /gp2/);
    assert.equal(gp?.choices, undefined);
  });

  it('names on the front the service the blanks hide when no options say it', () => {
    const shipped = loadKnowledge();
    const item = glossaryQuestions(shipped, 'ko', new Set(['fsx-lustre-deployment-type'])).find((i) => i.id.endsWith(':name'));
    assert.equal(item?.choices, undefined);
    assert.match(item?.prompt ?? '', /^\[FSx for Lustre\] 다음 설명에 해당하는 것은\?\n_____에는/);
  });

  it('blanks a name at most three times, or asks nothing', () => {
    const cloudfront = knowledge.glossary.indexOf('cloudfront');
    const times = (n: number) => `${Array(n).fill('CloudFront').join(', ')} 는 엣지에서 콘텐츠를 캐시해 지연 시간을 줄입니다.`;
    assert.ok(maskNames(knowledge, cloudfront, times(3)));
    assert.equal(maskNames(knowledge, cloudfront, times(4)), undefined);
    assert.equal(
      maskNames(knowledge, cloudfront, 'CloudFront(콘텐츠 전송 네트워크)는 엣지에서 콘텐츠를 캐시해 지연 시간을 줄입니다.'),
      '_____는 엣지에서 콘텐츠를 캐시해 지연 시간을 줄입니다.',
      'a gloss in brackets after the name is blanked with it',
    );
    const masked = (id: string, text: string) => maskNames(builtInKnowledge, builtInKnowledge.glossary.indexOf(id), text);
    assert.equal(
      masked(
        's3-glacier-flexible-retrieval',
        'S3 Glacier Flexible Retrieval(옛 S3 Glacier)은 몇 시간 안에 복원하는 아카이브용 저장 클래스입니다.',
      ),
      '_____은 몇 시간 안에 복원하는 아카이브용 저장 클래스입니다.',
      'a bracket closed around blanks goes with them, and only then',
    );
    assert.equal(
      masked('split-view-dns', '분할 보기(split-view) DNS는 VPC 안과 밖에서 다른 레코드로 답하는 구성입니다.'),
      '_____는 VPC 안과 밖에서 다른 레코드로 답하는 구성입니다.',
      'blanks side by side and in brackets are one name',
    );
  });
});

describe('quiz: what is not worth a card', () => {
  const shipped = loadKnowledge();
  const prompts = (kind: QuizItem['kind'], text: string) =>
    quizOf(shipped, [{ uri: 'file:///notes/worth.md', text }])
      .filter((i) => i.kind === kind)
      .map((i) => i.prompt);

  it("asks nothing about a retired service's parts, but keeps a renamed one's", () => {
    const item = '- 스택 : 레이어와 인스턴스를 묶어 배포하는 단위';
    assert.deepEqual(prompts('definition', `## AWS OpsWorks 정리\n${item}`), []);
    assert.equal(prompts('definition', `## AWS CloudFormation 정리\n${item}`).length, 1);
  });

  it('asks a feature that joins another service under the service it belongs to, not the joined one', () => {
    const lambda = '# AWS Lambda\n## 네트워크\n### VPC와 보안\n- VPC 연동 : 함수가 프라이빗 서브넷의 리소스에 닿도록 VPC 안에서 실행한다';
    assert.deepEqual(prompts('definition', lambda), ['AWS Lambda › 네트워크 › VPC 연동(이)란?']);
    const vpc = '# Amazon VPC\n### VPC와 보안\n- S3 연동 : 게이트웨이 엔드포인트로 인터넷 없이 S3에 닿는다';
    assert.deepEqual(prompts('definition', vpc), ['VPC와 보안 › S3 연동(이)란?']);
  });

  it('asks no definition that enumerates a service the glossary never names with the term', () => {
    const origin = (kinds: string) => `## Amazon CloudFront\n- 오리진 : 캐시에 없는 콘텐츠를 가져오는 곳으로 ${kinds}이 될 수 있다`;
    assert.deepEqual(prompts('definition', origin('S3 버킷, EC2, ELB 또는 Route 53')), []);
    assert.equal(prompts('definition', origin('S3 버킷, EC2 또는 ELB')).length, 1);
    assert.deepEqual(prompts('definition', '## Amazon VPC\n- 인터넷 게이트웨이 : EC2 인스턴스나 Lambda 함수를 인터넷에 연결'), []);
    assert.equal(prompts('definition', '## Amazon VPC\n- 인터넷 게이트웨이 : 퍼블릭 서브넷의 EC2 인스턴스를 인터넷에 연결').length, 1);
  });

  it('places an item under every item it is nested in, down to the thing its answer names', () => {
    const text = `## EC2 구매 옵션
- 전용 호스트 - 물리 서버 전체를 예약해 인스턴스 배치를 제어하는 옵션
  - 구매 옵션
    - 온디맨드 - 활성화된 전용 호스트에 대해 초당 지불
    - 예약 - 1년 또는 3년 약정으로 할인`;
    assert.deepEqual(prompts('definition', text), ['전용 호스트 › 구매 옵션 › 온디맨드(이)란?']);
  });

  /** Each note, asked for its definitions, gives as many questions as its count. */
  const asks = (cases: readonly [string, number][]) =>
    cases.forEach(([text, count]) => assert.equal(prompts('definition', text).length, count, text));

  it('asks no definition that makes the term another kind of AWS thing', () => {
    asks([
      ['## Amazon EC2\n- 인스턴스 스토어 : EC2 인스턴스 스토어가 지원하는 AMI', 0],
      ['## Amazon EC2\n- 인스턴스 스토어 : 호스트에 물리적으로 붙은 임시 블록 스토리지', 1],
      ['## Amazon EC2\n- 보안 그룹 : 인스턴스에 붙는 가상의 방화벽', 1],
    ]);
  });

  it('asks no condition on a thing, nor a sentence about what the lines around it said, as what it is', () => {
    asks([
      ['## Network Load Balancer\n- IP 대상 : must be private IPs', 0],
      ['## Site-to-Site VPN\n- 고객 게이트웨이 : 반드시 온프레미스 쪽에 둔다', 0],
      ['## EC2 최대 절전 모드\n- 루트 볼륨 : EBS여야 하며 암호화되어 있어야 함', 0],
      ['## S3 사전 서명된 URL\n### URL 만료\n- AWS CLI : --expires-in 으로 초 단위로 정함', 0],
      ['## Amazon RDS\n- 파라미터 그룹 : 루트 사용자만 바꿀 수 있는 DB 설정 묶음', 0],
      ['## Amazon VPC\n- VPC 피어링 : 두 VPC를 잇는 연결로, 비전이적(transitive)이지 않습니다', 0],
      ['## Amazon VPC\n- VPC 피어링 : 두 VPC를 잇는 연결로, 전이적이지 않습니다', 1],
      ['## Amazon RDS\n- 파라미터 그룹 : DB 엔진 설정 값을 모아 둔 묶음', 1],
      ['## 도구\n- AWS CLI : 명령줄에서 AWS 서비스를 다루는 도구', 1],
      ['## Amazon EKS\n- IPv6 : 주소 변환을 하지 않으므로 이 동작이 적용되지 않는다', 0],
      ['## Amazon EKS\n- IPv6 : 128비트 주소를 쓰는 인터넷 프로토콜. 이 방식은 NAT가 필요 없다', 1],
      ['## Site-to-Site VPN\n- 고객 게이트웨이 : 온프레미스 쪽에 두는 VPN 장비나 소프트웨어', 1],
    ]);
  });

  it('asks a bare quantity only when the question names what it measures', () => {
    asks([
      ['## Amazon EC2\n### 구매 옵션\n- 예약 인스턴스 : 1 or 3 year term', 0],
      ['## Amazon DynamoDB\n- WCU : 1KB', 0],
      ['## Amazon CloudWatch\n### EBS 지표\n- io1 : every 1 minute', 0],
      ['## Amazon RDS\n### 데이터베이스 포트\n- MySQL : 3306', 1],
      ['## AWS Lambda\n- 최대 실행 시간 : 900초 (15분)', 1],
      ['## Amazon SQS\n- 메시지 보존 기간 : 기본 4일, 최대 14일', 1],
      ['## Amazon EC2\n### 구매 옵션\n- 예약 인스턴스 : 1년 또는 3년 약정으로 할인받는 인스턴스', 1],
    ]);
  });

  it('asks no field of a console screen and no case of a behaviour as a definition', () => {
    const fields = '- 스냅샷 ID : 스냅샷에서 볼륨을 만들 때 고르는 값\n- 암호화 : 암호화된 볼륨을 만들 때 켠다';
    assert.deepEqual(prompts('definition', `## Amazon EBS\n볼륨 생성 단계다.\n${fields}`), []);
    assert.deepEqual(
      prompts('definition', `## Amazon EBS\n만들기 버튼을 누르면 나오는 화면.\n\n![볼륨 만들기](img/create.png)\n${fields}`),
      [],
    );
    assert.deepEqual(prompts('definition', `## Amazon EBS\nCreate Volume 화면에서 고르는 값\n\n${fields}`), []);
    // A plain lead-in keeps them asked, and so does a diagram with no line that says it is a screen.
    assert.equal(prompts('definition', `## Amazon EBS\n볼륨을 만들 때 알아 둘 것\n\n${fields}`).length, 2);
    assert.equal(prompts('definition', `## Amazon EBS\n볼륨을 만들 때 알아 둘 것\n\n![볼륨 구성도](img/volumes.png)\n${fields}`).length, 2);
    const cases = '- 동기식 호출 : 호출한 쪽에 429 오류를 돌려준다\n- 비동기식 호출 : 이벤트를 큐에 넣고 나중에 다시 시도한다';
    assert.deepEqual(prompts('definition', `## AWS Lambda\n### 스로틀링\n${cases}`), []);
    assert.deepEqual(prompts('definition', `## AWS Lambda\n### Retries\n${cases}`), []);
    assert.equal(
      prompts('definition', `## AWS Lambda\n### 오류 처리와 재시도\n- 배달 못한 편지 대기열 : 처리에 실패한 이벤트를 따로 보관하는 대기열`)
        .length,
      1,
    );
    assert.equal(prompts('definition', `## AWS Lambda\n### 호출 유형\n${cases}`).length, 2);
  });

  it('asks no acronym spelt out, no console screen, no point of a comparison, no item named as its parent, and nothing noted in an aside', () => {
    assert.deepEqual(prompts('definition', '## Amazon EC2\n- AMI : Amazon Machine Image'), []);
    assert.deepEqual(prompts('definition', '## Amazon SQS\n- FIFO : First In First Out (메시지 순서 보장)'), []);
    assert.deepEqual(prompts('definition', '## AWS Lambda\n- 동기식 호출 : Amazon API Gateway'), []);
    assert.deepEqual(prompts('definition', '## Amazon S3 요금 예\n- Day 16 of the month : you overwrite the 5 GB object'), []);
    assert.deepEqual(prompts('definition', '## Amazon VPC\n- Private IP : 10.0.1.25'), []);
    assert.deepEqual(prompts('definition', '## Amazon CloudFront\n- Origin : my-bucket.s3.amazonaws.com 또는 사용자 지정 서버'), []);
    assert.deepEqual(prompts('definition', '## Amazon EC2\n- AMI = 서버 설치 CD\n- 보안 그룹 = Security Group = 가상 방화벽'), []);
    assert.equal(prompts('definition', '## Amazon EC2\n- AMI = 인스턴스를 시작할 때 쓰는 OS와 소프트웨어 템플릿').length, 1);
    assert.equal(prompts('definition', '## Amazon EC2\n- AMI : 인스턴스를 시작할 때 쓰는 OS와 소프트웨어 템플릿').length, 1);
    assert.deepEqual(prompts('definition', '## Amazon EC2\n### 실습 2\n- 보안 그룹 : 22번 포트를 내 IP에만 열어 둠'), []);
    assert.deepEqual(prompts('definition', "## Amazon EC2\n### EC2 대시보드 > '인스턴스 시작' 클릭\n- AMI : 기본 이미지 그대로 둠"), []);
    assert.deepEqual(prompts('definition', '## Amazon VPC\n### 4) VPC-B 설정\n- 서브넷 : 10.0.1.0/24 로 만들고 라우팅 테이블 연결'), []);
    assert.deepEqual(prompts('definition', '## EC2 인스턴스 만들기\n- AMI : Amazon Linux 2023 을 고름'), []);
    assert.deepEqual(prompts('definition', '## AWS Lambda\n### 함수가 너무 느리다면\n- Lambda 계층 : 무거운 라이브러리를 옮겨 봄'), []);
    assert.deepEqual(
      prompts('definition', '## Amazon EC2\n### Route 53 scenarios\n- AMI : 같은 이미지로 여러 리전에 인스턴스를 띄워 둠'),
      [],
    );
    assert.deepEqual(prompts('definition', '## Amazon EC2\n### 보안 비유\n- 보안 그룹 : 건물 입구에서 출입증을 확인하는 경비원'), []);
    assert.deepEqual(prompts('definition', '## 도시, 건물 = 리전, 가용 영역\n- 가용 영역 : 도시 안의 건물 한 채로 보면 된다'), []);
    assert.deepEqual(prompts('definition', '## Amazon S3 사용 사례\n- 버킷 정책 : 다른 계정에 버킷을 열어 줄 때'), []);
    assert.deepEqual(prompts('definition', '## AMI 생성 방법\n- EBS : 스냅샷으로 루트 볼륨을 만든다'), []);
    assert.equal(
      prompts('definition', '## 민첩성 확보 방법\n### 탄력성\n- Auto Scaling : 수요에 따라 인스턴스 수를 자동으로 늘리고 줄이는 서비스')
        .length,
      1,
    );
    const example = (opener: string) =>
      `## DynamoDB\n- Composite key\n  - ${opener} 한 사용자가 글을 여러 번 씀\n    - 키 구성\n      - Sort Key : 글을 쓴 시각`;
    assert.deepEqual(prompts('definition', example('e.g.')), []);
    assert.deepEqual(prompts('definition', example('예)')), []);
    assert.equal(prompts('definition', example('경우:')).length, 1);
    assert.deepEqual(prompts('definition', '## Amazon S3 이점\n- 버킷 정책 : 버킷에 붙이는 JSON 권한 문서'), []);
    assert.deepEqual(prompts('definition', '## Amazon S3 요금\n- 버킷 정책 : 버킷에 붙이는 JSON 권한 문서'), []);
    assert.deepEqual(prompts('definition', '## Amazon S3 vs Amazon EBS\n- 버킷 정책 : 버킷에 붙이는 JSON 권한 문서'), []);
    const kinds = `## Amazon S3
- Server-side encryption:
  - S3 Managed Keys : keys that Amazon S3 creates and rotates for you
  - Server-side encryption : you manage the keys and Amazon manages the writes`;
    assert.deepEqual(prompts('definition', kinds), ['What is Server-side encryption › S3 Managed Keys?']);
    assert.deepEqual(prompts('definition', '## 버킷 정책 vs ACL\n- 버킷 정책 : 버킷에 붙이는 JSON 권한 문서'), [
      '버킷 정책 vs ACL › 버킷 정책(이)란?',
    ]);
    assert.deepEqual(prompts('definition', '## Amazon S3\n- 버킷 정책 : 버킷에 붙은 정책을 확인할 수 있다'), []);
    assert.deepEqual(
      prompts('definition', '## AWS Lambda\n### Service Integration\n- Amazon S3 : 객체가 생기면 함수를 호출해 파일을 처리'),
      [],
    );
    const targets = '  - SNS : SMS나 이메일을 보낸다\n  - SQS : 대기열에 메시지를 넣는다';
    assert.deepEqual(prompts('definition', `## S3 이벤트 알림\n- targets of event notifications can be:\n${targets}`), []);
    assert.deepEqual(prompts('definition', `## S3 이벤트 알림\n- 알림 대상 :\n${targets}`), []);
    assert.deepEqual(
      prompts('definition', '## Kinesis Data Analytics\n- Output:\n  - Kinesis Data Streams : 쿼리 결과로 새 스트림을 만든다'),
      [],
    );
    assert.deepEqual(prompts('definition', '## Amazon S3\n- SRR : Use cases: log aggregation, live replication between accounts'), []);
    const sides = prompts('definition', '## SQS vs. SWF\n- SQS : 메시지 중심 API, 메시지가 중복될 수 있다\n- SWF : 작업 중심 API');
    assert.deepEqual(
      sides.filter((p) => p.includes('SQS(이)')),
      ['SQS vs. SWF › SQS(이)란?'],
    );
    assert.deepEqual(prompts('definition', '## Amazon S3\n### 다른 서비스에 의해 생성\n- 버킷 정책 : 버킷에 붙이는 JSON 권한 문서'), []);
    assert.deepEqual(prompts('definition', '## Amazon S3\n### 정적 웹 사이트 호스팅하기\n- 버킷 정책 : 모두에게 읽기를 허용함'), []);
    assert.deepEqual(
      prompts(
        'definition',
        "## Amazon S3\n#### 왼쪽 메뉴 'Amazon S3' > 버킷 > 권한 탭 > '버킷 정책' 편집\n- Bucket Policy : a JSON document that allows or denies access",
      ),
      [],
    );
    assert.deepEqual(prompts('definition', '## Amazon S3\n### 버킷이 공개라면?\n- 버킷 정책 : 익명 읽기를 거부하는 문장을 넣음'), []);
    assert.deepEqual(prompts('definition', '## Amazon VPC\n- Private IP : VPC 안에서만 쓰는 주소\n- Public IP : 이외의 인터넷 주소'), [
      'Amazon VPC › Private IP(이)란?',
    ]);
  });

  it('asks no acronym whose answer opens by spelling out another name', () => {
    const text = `## Amazon EC2
- ENA : Enhanced Networking. SR-IOV 로 높은 네트워크 성능을 냄
- EFA : Elastic Fabric Adapter. HPC 와 머신러닝을 위한 저지연 네트워크 장치`;
    assert.deepEqual(
      quizOf(builtInKnowledge, [{ uri: 'file:///notes/ec2.md', text }])
        .filter((i) => i.kind === 'definition')
        .map((i) => i.prompt),
      ['Amazon EC2 › EFA(이)란?'],
    );
  });

  it('drops the row numbers of compared things and asks no cell that lists several points', () => {
    const text = `## IAM MFA 장치
| 구분 | 1. 가상 MFA 디바이스 | 2. 하드웨어 MFA 토큰 |
| --- | --- | --- |
| 형태 | 휴대폰 앱 | 열쇠고리 모양의 물리 장치 |
| 특징 | - 앱에서 코드 생성- 여러 계정 등록 | - 물리 장치로 코드 생성- 시간 동기화 |`;
    const items = quizOf(shipped, [{ uri: 'file:///notes/worth.md', text }]).filter((i) => i.kind === 'comparison');
    assert.deepEqual(
      items.map((i) => [i.prompt, [...i.choices!].sort()]),
      [['IAM MFA 장치 › 형태: "휴대폰 앱"인 것은?', ['가상 MFA 디바이스', '하드웨어 MFA 토큰']]],
    );
  });
});

describe('quiz: options short enough to recall', () => {
  it('asks a long definition without options, and offers no long neighbour as an option', () => {
    const long =
      '인스턴스를 서로 다른 하드웨어 랙에 흩어 놓아 한 랙이 고장 나도 나머지 인스턴스는 계속 동작하게 하는 배치 방식이며 최대 일곱 개까지 둘 수 있습니다';
    const text = `## EC2 배치 그룹
- 클러스터 : 인스턴스를 가까이 배치
- 분산형 : ${long}
- 파티션 : 파티션 단위로 하드웨어를 나눔
- 묶음형 : 랙 단위로 나눠 둠`;
    const questions = asked('definition', text);
    assert.equal(questions.find((q) => q.prompt.includes('분산형'))?.choices, undefined);
    assert.ok(questions.every((q) => !q.choices?.includes(long)));
    assert.equal(questions.find((q) => q.prompt.includes('클러스터'))?.choices?.length, 3);
  });
});

describe('quiz: the glossary beside the note', () => {
  it("shows the glossary's definition of a term on the back of the note's definition card, in the UI language", () => {
    const text = '## 배포\n- CloudFront : S3 앞에 두는 캐시';
    const back = (locale: 'ko' | 'en') =>
      quizOf(knowledge, [{ uri: 'file:///notes/cdn.md', text }], { locale }).find((i) => i.kind === 'definition')?.explanation;
    assert.equal(back('ko'), '용어집, Amazon CloudFront: 전 세계 엣지 로케이션에서 콘텐츠를 전송하는 CDN입니다.');
    assert.equal(back('en'), 'Glossary, Amazon CloudFront: A CDN that delivers content from edge locations worldwide.');
  });
});

describe("quiz: a table cell's outdated claims are its own", () => {
  it("does not show another column's outdated claim on a card about this cell", () => {
    const text = `## EC2 구매 옵션
| 구분 | 표준 예약 인스턴스 | 스팟 인스턴스 |
| --- | --- | --- |
| 중단 가능 | 아니요, 약정 기간 동안 보장 | 예, 2분 전에 알림 |
| 할인 | 최대 75% | 최대 90% |`;
    const spot = quizOf(loadKnowledge(), [{ uri: 'file:///notes/ec2.md', text }]).find((i) => i.prompt.includes('최대 90%'));
    assert.equal(spot?.answer, '스팟 인스턴스');
    assert.equal(spot?.stale, undefined);
  });
});

describe('quiz: definitions of what the glossary knows', () => {
  it('asks a glossary term, with its translation in brackets, or one word about one, and no label, step or remark of the note', () => {
    const text = `## AWS Lambda
- 실행 시간 당 비용 : 1ms 단위로 청구
- stress 패키지 설치 : sudo yum install stress -y
- 재시도 방식 : 비동기 호출은 두 번 더 시도
- Lambda 계층 (Lambda Layer) : 여러 함수가 함께 쓰는 라이브러리 묶음
- Elasticity 활용 : 요청이 늘면 자원을 늘려 비용을 아낌
- Lambda 계층 연결 : 함수 설정에서 계층 버전의 ARN 을 추가
- Lambda 계층 최소화 : 꼭 필요한 라이브러리만 계층에 넣음
- MySQL 포트 : 3306`;
    assert.deepEqual(
      asked('definition', text).map((q) => q.prompt),
      ['AWS Lambda › Lambda 계층 (Lambda Layer)(이)란?', 'AWS Lambda › MySQL 포트(이)란?'],
    );
    const [layer] = quizOf(knowledge, [{ uri: 'file:///notes/lambda.md', text }]).filter((i) => i.kind === 'definition');
    assert.equal(
      layer.explanation,
      '용어집, Lambda 계층 (Lambda Layer): Lambda 계층은 여러 함수가 함께 쓰는 코드와 라이브러리 묶음입니다.',
    );
  });

  it('takes a general concept in brackets for a translation in the other language, and for a qualifier in the same', () => {
    const text = `## AWS Lambda
- Scale plan (Elasticity) : 수요에 따라 자원을 늘리고 줄이는 성질
- 탄력 확장 (Elasticity) : 수요에 따라 자원을 늘리고 줄이는 성질`;
    assert.deepEqual(
      asked('definition', text).map((q) => q.prompt),
      ['AWS Lambda › 탄력 확장 (Elasticity)(이)란?'],
    );
  });

  it("asks no terse answer in the term's own words or of one property, nor the note's analogy", () => {
    const text = `## Amazon S3
- Bucket Policy : applies bucket wide
- Bucket Policy : a bucket rule from Amazon AWS
- 버킷 정책 : 일종의 출입 명부
- 버킷 정책 : 버킷에 오는 모든 요청에 정책을 적용합니다
- Overwrite PUT : finer grain
- Overwrite PUT : 마치 같은 이름의 파일을 덮어쓰는 것과 같은 비유
- 덮어쓰기 PUT : 같은 키에 새 객체를 씀`;
    assert.deepEqual(
      asked('definition', text).map((q) => q.answer),
      ['같은 키에 새 객체를 씀'],
    );
  });

  it('asks no answer whose first sentence, one clause, is a step or a requirement', () => {
    const answers = (body: string) => asked('definition', `## Amazon S3\n- 버킷 정책 : ${body}`).map((q) => q.answer);
    assert.deepEqual(answers('버킷을 공개하려면 버킷 정책을 만들어야 합니다'), []);
    assert.deepEqual(answers('요청한 계정이 명시적으로 허용돼야한다.'), []);
    assert.deepEqual(answers('"Block Public Access" must be off'), []);
    assert.deepEqual(answers('버킷에 붙이는 JSON 권한 문서, 반드시 Principal을 적어야 함'), [
      '버킷에 붙이는 JSON 권한 문서, 반드시 Principal을 적어야 함',
    ]);
    assert.deepEqual(answers('a JSON document that says which principals should be allowed'), [
      'a JSON document that says which principals should be allowed',
    ]);
  });

  it('asks no answer whose first sentence, one clause, only says what the thing suits', () => {
    const answers = (body: string) => asked('definition', `## Amazon S3\n- 버킷 정책 : ${body}`).map((q) => q.answer);
    assert.deepEqual(answers('다른 계정에 버킷을 열어 줄 때 이상적입니다.'), []);
    assert.deepEqual(answers('여러 계정이 쓰는 버킷에 적합 (로그, 백업 등)'), []);
    assert.deepEqual(answers('버킷에 붙이는 JSON 권한 문서로, 계정 간 공유에 적합'), [
      '버킷에 붙이는 JSON 권한 문서로, 계정 간 공유에 적합',
    ]);
    assert.deepEqual(answers('계정 간 공유에 적합한 JSON 권한 문서'), ['계정 간 공유에 적합한 JSON 권한 문서']);
  });

  it('takes no dash between a service and the name of its part for a separator', () => {
    const text = `## Serverless
- Lambda - Lambda Layer; shared libraries for many functions
- Lambda - runs code without servers, billed by the millisecond`;
    assert.deepEqual(
      asked('definition', text).map((q) => q.answer),
      ['runs code without servers, billed by the millisecond'],
    );
  });

  it('asks no answer that grades the term, points at the rest, names other terms, draws a flow, trails off, asks back or is about something else', () => {
    const text = `## Amazon S3
- 버킷 정책 : not recommended for most buckets
- 덮어쓰기 PUT : 덜 일반적인 쓰기 방식
- Overwrite PUT : the rest
- Bucket Policy : IAM Policy, Bucket ACL, Access Point Policy
- 버킷 정책 : CloudFront & Lambda
- S3:ObjectCreated, S3:ObjectRemoved, S3:ObjectRestore
- CloudFront : GET /index.html HTTP/1.1 요청에 헤더를 붙임
- 버킷 정책 : 요청 -> 정책 평가 -> 허용
- 덮어쓰기 PUT : 어떤 키로 쓸 것인지
- Overwrite PUT : Standard + Versioned, Replicated (CRR + SRR)
- Bucket Policy : who may read the bucket?
- [Bucket Policy - a team blog](https://example.com/bucket-policy)
- Overwrite PUT : if two writers race, the last one wins
- Bucket Policy : C++, Java, iPhone SDK, retries
- Bucket Policy : example.com → 버킷 웹사이트 엔드포인트
- 버킷 정책 : 403, 404 → 거부
- 버킷 정책 : CloudFront는 버킷 정책으로 OAC 요청만 허용함
- 덮어쓰기 PUT : 사용자는 같은 키로 다시 올리기만 하면 됨
- 덮어쓰기 PUT : HTTP, HTTPS, TCP 지원
- Bucket Policy : Overwrite PUT (같은 키에 다시 쓸 때)
- Bucket Policy : a JSON document on a bucket that allows or denies access`;
    assert.deepEqual(
      asked('definition', text).map((q) => q.prompt),
      ['What is Amazon S3 › Bucket Policy?'],
    );
    assert.deepEqual(asked('definition', '## Amazon S3\n- 버킷 정책 : 기존 ACL은 객체마다 따로 정해야 함'), []);
  });
});

describe('quiz: heading sets a learner can recall', () => {
  /** The answers of the heading questions of a note, asked with the shipped glossary. */
  const sets = (text: string) =>
    quizOf(builtInKnowledge, [{ uri: 'file:///notes/sets.md', text }])
      .filter((i) => i.kind === 'heading')
      .map((i) => i.answer);

  it("asks no set of a note's picks, of ways or of two things, nor the outline of a service", () => {
    const text = `# EC2
## EC2 핵심 구성 요소
- 사용자 데이터 : 시작할 때 실행하는 스크립트
- 키 페어 : 접속할 때 쓰는 키
## S3
- 버킷 정책 : 버킷에 붙이는 정책
- 덮어쓰기 PUT : 같은 키에 다시 쓰기
## EC2 구성
- 사용자 데이터 : 시작할 때 실행하는 스크립트
- 키 페어 : 접속할 때 쓰는 키
## 배치 유형별 생성 방법
- 클러스터 : 한 AZ 를 골라 만든다
- 분산형 : 랙을 나눠 만든다
## 사용자 데이터 및 키 페어 종류
- 스크립트 : 시작할 때 실행
- 키 : 접속할 때 씀
## 배치 전략 유형
- 클러스터 : 가까이 배치
- 분산형 : 흩어 배치`;
    assert.deepEqual(
      asked('heading', text).map((q) => q.prompt),
      ['노트의 "EC2 › 배치 전략 유형"에 적어 둔 2가지는?'],
    );
  });

  it('asks no set that lists, as a kind of what its title names, a thing the glossary compares with it', () => {
    const types = `## Amazon EKS 서비스 노출
### Service Type
- ClusterIP : 클러스터 안에서만 닿는 주소
- NodePort : 모든 노드의 포트로 노출
- LoadBalancer : NLB 로 밖에 노출
`;
    assert.deepEqual(sets(types), ['ClusterIP, NodePort, LoadBalancer']);
    assert.deepEqual(sets(`${types}- Ingress : ALB 로 HTTP 경로를 나눔\n`), []);
  });

  it('asks no set with an item named as its title, which is one of its kinds named loosely', () => {
    const options = (standard: string) => `## EC2 구매 옵션
- Reserved 유형 :
  - ${standard} : 1년 또는 3년 약정으로 할인
  - Convertible Reserved Instances : 인스턴스 유형을 바꿀 수 있는 예약 인스턴스`;
    const kinds = (text: string) => asked('heading', text).filter((q) => q.prompt.includes('Reserved'));
    assert.deepEqual(kinds(options('Reserved Instances')), []);
    assert.deepEqual(
      kinds(options('Standard Reserved Instances')).map((q) => q.answer),
      ['Standard Reserved Instances, Convertible Reserved Instances'],
    );
  });

  it('asks no set whose title names the head noun of its items when the glossary knows another such part of their whole', () => {
    const gateways = (more: string) => `# VPC
## 게이트웨이 종류
- 인터넷 게이트웨이 : 퍼블릭 서브넷이 인터넷과 통신하는 관문
- NAT 게이트웨이 : 프라이빗 서브넷이 밖으로 나가는 관문
${more}`;
    assert.deepEqual(sets(gateways('')), [], 'the egress-only internet gateway is left out');
    assert.deepEqual(sets(gateways('- 송신 전용 인터넷 게이트웨이 : IPv6 트래픽이 밖으로만 나가는 관문\n')), [
      '인터넷 게이트웨이, NAT 게이트웨이, 송신 전용 인터넷 게이트웨이',
    ]);
    const records = `# Route 53
## Record Types
- A : 이름을 IPv4 주소로
- CNAME : 이름을 다른 이름으로
- NS : 호스팅 영역의 네임 서버`;
    assert.deepEqual(sets(records), [], 'MX, TXT and the alias record are left out');
    // FSx File Gateway is closed to new customers, and a title naming a whole with its own name is no head noun.
    const storageGateway = `## Storage Gateway 유형
- File Gateway : 파일을 S3에 저장
- Volume Gateway : iSCSI 볼륨
- Tape Gateway : 가상 테이프 라이브러리`;
    assert.deepEqual(sets(storageGateway), ['File Gateway, Volume Gateway, Tape Gateway']);
  });

  it('asks no set of the directions everything has, nor of general concepts noted about an AWS term', () => {
    const text = `# EC2
## 보안 규칙 유형
- 인바운드 : 들어오는 트래픽을 허용
- 아웃바운드(Outbound) : 나가는 트래픽을 허용
## Aurora 확장
- 수평 확장 : 읽기 복제본을 늘림
- 수직 확장 : 인스턴스 클래스를 키움
## Elasticity
- 수평 확장 : 인스턴스를 늘림
- 수직 확장 : 인스턴스를 키움`;
    assert.deepEqual(
      asked('heading', text).map((q) => q.prompt),
      ['노트의 "EC2 › Elasticity"에 적어 둔 2가지는?'],
    );
  });
});
