import * as assert from 'node:assert/strict';
import { normalizeNfc } from '../server/src/text/normalize';

describe('NFC normalization with offsets', () => {
  it('leaves NFC text alone', () => {
    const n = normalizeNfc('보안 그룹 café');
    assert.equal(n.text, '보안 그룹 café');
    assert.equal(n.toOriginal(5), 5);
  });

  it('composes decomposed Hangul and accents and maps every character back', () => {
    const original = `S3 ${'보안'.normalize('NFD')} x ${'café'.normalize('NFD')}!`;
    const n = normalizeNfc(original);
    assert.equal(n.text, 'S3 보안 x café!');
    // 보 and 안 are 2 and 3 jamo, é is e + U+0301.
    assert.deepEqual(
      [...n.text].map((_, i) => n.toOriginal(i)),
      [0, 1, 2, 3, 5, 8, 9, 10, 11, 12, 13, 14, 16],
    );
    assert.equal(n.toOriginal(n.text.length), original.length);
  });
});
