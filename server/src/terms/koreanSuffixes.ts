// What may follow a Korean term inside the same word (eojeol) without making it another word:
// particles (josa), the copula and its endings, and bound nouns. `람다는`, `보안그룹에서는`,
// `리전별`, `가용 영역간` are the term; `람다식` is not.

const SUFFIXES = [
  // case and topic particles
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '에서',
  '에게',
  '께',
  '한테',
  '으로',
  '로',
  '으로서',
  '로서',
  '으로써',
  '로써',
  '와',
  '과',
  '도',
  '만',
  '까지',
  '부터',
  '보다',
  '처럼',
  '같이',
  '마다',
  '조차',
  '마저',
  '뿐',
  '밖에',
  '이나',
  '나',
  '이랑',
  '랑',
  '하고',
  '이든',
  '든',
  '이라도',
  '라도',
  '이야',
  '야',
  '요',
  // copula and its endings
  '이다',
  '다',
  '입니다',
  '이며',
  '며',
  '이고',
  '고',
  '인',
  '이에요',
  '예요',
  '이었다',
  '였다',
  '이지만',
  '지만',
  '이면',
  '면',
  '이라',
  '라',
  '이라고',
  '라고',
  '이라는',
  '라는',
  '이란',
  '란',
  '이므로',
  '므로',
  '이니까',
  '니까',
  '임',
  '이죠',
  '죠',
  '인데',
  '인가',
  // verbs made from the noun (`가상화된`, `가상화하여`) and time/comparison endings
  '하다',
  '하는',
  '하고',
  '하기',
  '하여',
  '해서',
  '해야',
  '한',
  '할',
  '함',
  '합니다',
  '된',
  '되는',
  '되어',
  '되고',
  '되지',
  '됨',
  '됩니다',
  '때',
  '시',
  '보단',
  '끼리',
  // bound nouns and suffixes that stay part of the term's word
  '별',
  '간',
  '당',
  '내',
  '용',
  '들',
  '상',
  '전',
  '후',
  '등',
  '측',
  '형',
  '급',
  '화',
  '명',
  '값',
  // common heads of compound nouns in cloud notes (`람다함수`, `보안그룹규칙`)
  '서비스',
  '인스턴스',
  '함수',
  '버킷',
  '테이블',
  '규칙',
  '설정',
  '기능',
  '유형',
  '정책',
  '클러스터',
  '노드',
  '콘솔',
  '사용자',
];

const SET = new Set(SUFFIXES);
const MAX_LEN = Math.max(...SUFFIXES.map((s) => s.length));
const MAX_PARTS = 4;

/** True when `rest` (a run of Hangul that follows a term) splits entirely into known suffixes. */
export function isKoreanSuffix(rest: string): boolean {
  return split(rest, 0, 0);
}

function split(rest: string, from: number, parts: number): boolean {
  if (from === rest.length) {
    return true;
  }
  if (parts === MAX_PARTS) {
    return false;
  }
  for (let len = Math.min(MAX_LEN, rest.length - from); len > 0; len--) {
    if (SET.has(rest.slice(from, from + len)) && split(rest, from + len, parts + 1)) {
      return true;
    }
  }
  return false;
}
