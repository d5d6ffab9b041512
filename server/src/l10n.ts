// UI text of the language service in Korean and English. The locale comes from the client
// (VS Code's display language) at initialize time.
import type { Locale } from './knowledge/glossary';

const messages = {
  related: { en: 'Related', ko: '관련 서비스' },
  definedInNotes: { en: 'Defined in your notes', ko: '내 노트의 정의' },
  notDefinedInNotes: { en: 'Not defined in your notes yet', ko: '아직 내 노트에 정의가 없습니다' },
  mentions: { en: '{0} mentions in {1} notes', ko: '노트 {1}개에서 {0}번 언급' },
  awsDocs: { en: 'AWS documentation', ko: 'AWS 문서' },
  ownTerm: { en: 'A term of your notes, not in the built-in glossary', ko: '내 노트의 용어 (기본 용어집에는 없음)' },
  alsoWritten: { en: 'Also written', ko: '다른 표기' },
  andMore: { en: 'and {0} more', ko: '외 {0}곳' },
  'relation.integrates-with': { en: 'works with', ko: '연동' },
  'relation.compared-with': { en: 'compare with', ko: '비교' },
  'relation.part-of': { en: 'part of', ko: '포함 관계' },
  'relation.replaced-by': { en: 'replaced by', ko: '대체' },
  'relation.uses': { en: 'uses', ko: '사용' },
  'relation.alternative-to': { en: 'alternative', ko: '대안' },
  'category.compute': { en: 'Compute', ko: '컴퓨팅' },
  'category.containers': { en: 'Containers', ko: '컨테이너' },
  'category.storage': { en: 'Storage', ko: '스토리지' },
  'category.database': { en: 'Database', ko: '데이터베이스' },
  'category.networking': { en: 'Networking', ko: '네트워킹' },
  'category.security': { en: 'Security & identity', ko: '보안 및 자격 증명' },
  'category.management': { en: 'Management & governance', ko: '관리 및 거버넌스' },
  'category.monitoring': { en: 'Monitoring', ko: '모니터링' },
  'category.integration': { en: 'Application integration', ko: '애플리케이션 통합' },
  'category.analytics': { en: 'Analytics', ko: '분석' },
  'category.developer-tools': { en: 'Developer tools', ko: '개발자 도구' },
  'category.migration': { en: 'Migration', ko: '마이그레이션' },
  'category.ml': { en: 'Machine learning', ko: '머신 러닝' },
  'category.cost': { en: 'Cost management', ko: '비용 관리' },
  'category.concept': { en: 'Cloud concept', ko: '클라우드 개념' },
  indexing: { en: 'Indexing study notes', ko: '학습 노트 색인 중' },
  outdated: { en: '{0} Now: {1} ({2})', ko: '{0} 현재: {1} ({2})' },
  changedOn: { en: 'changed {0}', ko: '{0} 변경' },
  changedAround: { en: 'changed around {0}', ko: '{0}경 변경' },
  source: { en: 'source: {0}', ko: '출처: {0}' },
  fixUpdate: { en: 'Update to the current fact: {0}', ko: '현재 사실로 고치기: {0}' },
  fixTypo: { en: 'Change to {0}', ko: '{0}(으)로 고치기' },
  fixHistorical: { en: 'Keep it, marked with what changed', ko: '변경 내용을 덧붙여 과거 사실로 표시' },
  historicalNote: { en: '(changed {0}: {1})', ko: '({0} 변경: {1})' },
  historicalNoteUndated: { en: '(changed since: {1})', ko: '(이후 변경: {1})' },
  fixSuppressLine: { en: 'Ignore {0} on this line', ko: '이 줄에서 {0} 무시' },
  fixSuppressFile: { en: 'Ignore {0} in this file', ko: '이 파일에서 {0} 무시' },
  fixDisableRule: { en: 'Turn off {0} for this workspace', ko: '이 워크스페이스에서 {0} 끄기' },
  typoRule: { en: 'A misspelled AWS service name', ko: 'AWS 서비스 이름의 오타' },
  typo: {
    en: '"{0}" looks like a misspelling of {1}. Did you mean {1}?',
    ko: "'{0}'은(는) {1}의 오타 같습니다. {1}을(를) 말씀하신 건가요?",
  },
  // the team's knowledge files (.cloud-notes/glossary.json, facts.json)
  knowledgeInvalidJson: { en: 'Not valid JSON: {0}', ko: '올바른 JSON이 아닙니다: {0}' },
  knowledgeSchema: { en: '{0}: {1}', ko: '{0}: {1}' },
  knowledgeDuplicateId: { en: 'The id "{0}" is already used in {1}.', ko: '"{0}" id는 {1}에서 이미 쓰고 있습니다.' },
  knowledgeReplacesEntry: { en: 'Replaces the built-in entry {0} (same id).', ko: '같은 id의 기본 항목 {0}을(를) 대체합니다.' },
  knowledgeReplacesFact: { en: 'Replaces the built-in fact {0} (same id).', ko: '같은 id의 기본 사실 {0}을(를) 대체합니다.' },
  knowledgeNameTaken: {
    en: '"{0}" is already a name of the entry "{1}". Use "id": "{1}" to replace that entry, or remove this name.',
    ko: '"{0}"은(는) 이미 "{1}" 항목의 이름입니다. 그 항목을 대체하려면 "id": "{1}"을(를) 쓰고, 아니면 이 이름을 지우세요.',
  },
  knowledgeUnknownId: { en: 'No glossary entry has the id "{0}".', ko: 'id가 "{0}"인 용어집 항목이 없습니다.' },
  knowledgeExampleMissed: {
    en: "This example should show the fact's old claim, but its patterns do not find it.",
    ko: '이 예문에서 사실의 옛 주장을 찾아야 하는데 패턴이 찾지 못합니다.',
  },
  knowledgeExampleFlagged: {
    en: 'This example must stay quiet, but the fact flags it.',
    ko: '이 예문에는 경고가 없어야 하는데 이 사실이 경고합니다.',
  },
  knowledgeUnusable: { en: 'Cannot be used: {0}', ko: '사용할 수 없습니다: {0}' },
  knowledgeIgnored: {
    en: '{0} is ignored until its {1} error(s) are fixed; the rest of the knowledge applies.',
    ko: '{0}에 오류가 {1}개 있어 고칠 때까지 이 파일은 무시합니다. 나머지 지식은 그대로 적용됩니다.',
  },
  // quiz questions: note-derived ones in the note's language, knowledge-base ones in the UI language
  whatIs: { en: 'What is {0}?', ko: '{0}(이)란?' },
  inContext: { en: '{0} › {1}', ko: '{0} › {1}' },
  whichRow: { en: '{0}: which one is "{1}"?', ko: '{0}: "{1}"인 것은?' },
  whichValue: { en: 'Which one: "{0}"?', ko: '"{0}"인 것은?' },
  // The answer is the note's list, which may be a pick of a larger set: the prompt says whose list it asks for.
  listUnder: { en: 'Name the {1} items your note lists under "{0}".', ko: '노트의 "{0}"에 적어 둔 {1}가지는?' },
  whichTerm: { en: 'Which service or term is this?\n{0}', ko: '다음 설명에 해당하는 것은?\n{0}' },
  factNow: { en: 'An older note says:\n{0}\nWhat is true now?', ko: '예전 노트에 이렇게 적혀 있습니다.\n{0}\n지금은 어떤가요?' },
  factRenamed: { en: 'Older notes say "{0}". What is it now?', ko: '예전 노트의 "{0}", 지금은 무엇인가요?' },
  glossarySays: { en: 'Glossary, {0}: {1}', ko: '용어집, {0}: {1}' },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

export function t(locale: Locale, key: MessageKey, ...args: (string | number)[]): string {
  return messages[key][locale].replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
}

export function toLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function categoryLabel(locale: Locale, category: string): string {
  const key = `category.${category}` as MessageKey;
  return key in messages ? t(locale, key) : category;
}
