import * as assert from 'node:assert/strict';
import { findSuppressions } from '../server/src/diagnostics/suppressions';

describe('suppression and as-of comments', () => {
  const lines = [
    '<!-- as-of: 2019 -->', // 0: file-level
    '# S3',
    '<!-- cloud-notes-disable-next-line s3-consistency -->',
    'claim', // 3
    '- item <!-- cloud-notes-disable-line -->', // 4
    '<!-- cloud-notes-disable gp2-iops, ec2-xen -->',
    'a', // 6
    '<!-- cloud-notes-enable gp2-iops -->',
    'b', // 8
  ];
  const s = findSuppressions(lines);

  it('silences the next line for the named rule only', () => {
    assert.equal(s.isSuppressed('s3-consistency', 3), true);
    assert.equal(s.isSuppressed('other', 3), false);
    assert.equal(s.isSuppressed('s3-consistency', 4), true); // by the same-line comment without ids
  });

  it('silences every rule on a line with a bare disable-line comment', () => {
    assert.equal(s.isSuppressed('anything', 4), true);
    assert.equal(s.isSuppressed('anything', 6), false);
  });

  it('silences ranges until the matching enable, or to the end', () => {
    assert.equal(s.isSuppressed('gp2-iops', 6), true);
    assert.equal(s.isSuppressed('gp2-iops', 8), false);
    assert.equal(s.isSuppressed('ec2-xen', 8), true);
  });

  it('dates the whole file with an as-of comment before the first heading', () => {
    assert.equal(s.asOf(8), 2019);
  });

  it('dates a section with an as-of comment inside it, up to the next heading', () => {
    const t = findSuppressions(['# A', '<!-- as-of: 2018 -->', 'x', '## B', 'y']);
    assert.equal(t.asOf(2), 2018);
    assert.equal(t.asOf(4), undefined);
  });
});
