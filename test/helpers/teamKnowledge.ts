// A team's own glossary entry and dated fact, as a study group would write them in .cloud-notes/.
export function sandboxEntry() {
  return {
    id: 'team-sandbox',
    name: 'Team Sandbox Account',
    shortName: 'Team Sandbox',
    nameKo: '팀 샌드박스 계정',
    aliases: ['Team Sandbox Account', 'Team Sandbox', '팀 샌드박스 계정', '팀 샌드박스'],
    category: 'management',
    definition: {
      ko: '스터디 팀이 함께 쓰는 실험용 AWS 계정입니다.',
      en: "The team's shared playground account for trying services.",
    },
    docs: 'https://docs.aws.amazon.com/organizations/',
  };
}

export function sandboxFact() {
  return {
    id: 'team-sandbox-budget',
    about: ['team-sandbox'],
    keywords: ['budget'],
    claim: ['budget[^.]{0,20}?(?<claim>{num:50} dollars)'],
    context: 'sentence',
    changed: { ko: '2026년에 팀 예산이 늘었습니다.', en: 'The team raised the budget in 2026.' },
    changedOn: '2026-11',
    current: { ko: '예산은 한 달에 200달러입니다.', en: 'The budget is 200 dollars a month.' },
    source: 'https://aws.amazon.com/organizations/',
    lastVerified: '2026-12-01',
    confidence: 'confirmed',
    severity: 'warning',
    examples: {
      match: [{ text: 'Team Sandbox budget: [[50 dollars]]' }, { text: 'The Team Sandbox budget is [[50 dollars]] a month' }],
      noMatch: [{ text: 'The Team Sandbox budget is 200 dollars a month' }, { text: 'The Team Sandbox budget was 50 dollars until 2026' }],
    },
  };
}

/** A knowledge file as a person would format it (two-space indent). */
export function teamFile(list: 'entries' | 'facts', items: object[]): string {
  return JSON.stringify({ version: 1, [list]: items }, null, 2) + '\n';
}
