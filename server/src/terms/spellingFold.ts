// One code unit → its matching key, applied to the glossary and to the note alike: ASCII case, and
// the ways Korean loanwords are spelt more than one way. Folding keeps lengths, so offsets stay exact.
//
// Korean variants that learners write for the same loanword, by rule (not by alias list):
// - tense initials: 써버 = 서버, 리쏘스 = 리소스
// - ㅐ = ㅔ (and ㅒ ㅖ): 앤드포인트 = 엔드포인트, 메세지 = 메시지 (with 세 = 시 below)
// - 왜/외 = 웨: 미들왜어 = 미들웨어
// - y-vowels after ㅅ ㅈ ㅊ, which sound the same: 리젼 = 리전, 쉐어 = 세어, 캐쉬 = 캐시, 쥬 = 주
// - 세 = 시: 메세지 = 메시지 (it comes after the rule above, so 셰 and 쉬 join too)
// - 타 = 터 (data, computer): 데이타 = 데이터
// - 오 = 어 before ㄴ or ㅁ after ㅋ ㄹ ㅍ (con-, com-, front): 콘테이너 = 컨테이너, 프론트 = 프런트
// - 어 = 애 at a syllable with no final: 어플리케이션 = 애플리케이션
// The fold only decides whether a note's text equals an alias, so two Korean words meet only when
// one of them is a whole glossary alias.

const BASE = 0xac00;
const LAST = 0xd7a3;
const [A, AE, YA, YAE, EO, E, YEO, YE, O, , WAE, OE, YO, U, , WE, WI, YU, , , I] = Array.from({ length: 21 }, (_, i) => i);
const [G, GG, , D, DD, R, , B, BB, S, SS, NG, J, JJ, CH, K, T, P] = Array.from({ length: 19 }, (_, i) => i);
const FINAL_N = 4;
const FINAL_M = 16;

const TENSE: Record<number, number> = { [GG]: G, [DD]: D, [BB]: B, [SS]: S, [JJ]: J };
const PALATAL = new Set([S, J, CH]);
const ROUNDED_BEFORE_N = new Set([K, R, P]);
const UNROUNDED: Record<number, number> = { [YA]: A, [YEO]: EO, [YO]: O, [YU]: U, [WI]: I };

function foldSyllable(c: number): number {
  const s = c - BASE;
  let l = Math.floor(s / 588);
  let v = Math.floor((s % 588) / 28);
  const t = s % 28;
  l = TENSE[l] ?? l;
  if (v === AE || v === YAE || v === YE) {
    v = E;
  }
  if (v === WAE || v === OE) {
    v = WE;
  }
  if (PALATAL.has(l) && UNROUNDED[v] !== undefined) {
    v = UNROUNDED[v];
  }
  if (l === S && v === E && t === 0) {
    v = I;
  }
  if (l === T && v === A && t === 0) {
    v = EO;
  }
  if (ROUNDED_BEFORE_N.has(l) && v === O && (t === FINAL_N || t === FINAL_M)) {
    v = EO;
  }
  if (l === NG && v === EO && t === 0) {
    v = E;
  }
  return BASE + (l * 21 + v) * 28 + t;
}

/** The matching key of every UTF-16 code unit. */
export const MATCH_KEY: Uint16Array = (() => {
  const key = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    key[c] = c;
  }
  for (let c = 65; c <= 90; c++) {
    key[c] = c | 0x20;
  }
  for (let c = BASE; c <= LAST; c++) {
    key[c] = foldSyllable(c);
  }
  return key;
})();

/** The matching key of a string, for comparing names outside the matcher. */
export function matchKey(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    out += String.fromCharCode(MATCH_KEY[s.charCodeAt(i)]);
  }
  return out;
}
