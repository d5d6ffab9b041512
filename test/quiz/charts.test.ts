// The stats view's pictures: bars of reviews per day and the retention line, as inline SVG.
import * as assert from 'node:assert/strict';
import { num, retentionChart, reviewsChart, type SvgDocument } from '../../client/src/quiz/webview/charts';
import { UI_STRING_KEYS, type UiStrings } from '../../client/src/quiz/webview/messages';
import { renderStats } from '../../client/src/quiz/webview/render';
import type { DayStats } from '../../client/src/quiz/stats';
import { fakeDocument, type FakeElement } from './fakeDom';

const strings = {
  ...(Object.fromEntries(UI_STRING_KEYS.map((k) => [k, `[${k}]`])) as UiStrings),
  reviewsOn: '{0}: {1} reviews',
  retentionOn: '{0}: {1}',
};
const doc = fakeDocument as unknown as SvgDocument;
const days = (values: [number, number | null][]): DayStats[] =>
  values.map(([reviews, retention], i) => ({ day: `2025-03-${String(i + 1).padStart(2, '0')}`, reviews, retention }));

const titles = (e: FakeElement) =>
  e
    .all()
    .filter((c) => c.tagName === 'title')
    .map((t) => t.textContent);
const ofTag = (e: FakeElement, tag: string) => e.all().filter((c) => c.tagName === tag);

describe('quiz stats charts', () => {
  it('draws one bar per day, as tall as its share of the busiest day, titled with the day and count', () => {
    const chart = reviewsChart(
      doc,
      strings,
      days([
        [0, null],
        [5, 1],
        [10, 0.5],
      ]),
    ) as unknown as FakeElement;
    const bars = ofTag(chart, 'rect');
    assert.deepEqual(
      bars.map((b) => Number(b.attributes.get('height'))),
      [0, 42, 84],
    );
    assert.deepEqual(titles(chart), ['2025-03-01: 0 reviews', '2025-03-02: 5 reviews', '2025-03-03: 10 reviews']);
    assert.equal(ofTag(chart, 'figcaption')[0].textContent, '[reviewsPerDay]');
    assert.ok(
      ofTag(chart, 'text').some((t) => t.textContent === '10'),
      'the busiest day labels the top of the scale',
    );
  });

  it('draws retention as a line from 0 to 100 % with a gap where a day had no due review', () => {
    const chart = retentionChart(
      doc,
      strings,
      days([
        [1, 1],
        [1, 0.5],
        [0, null],
        [1, 0],
      ]),
    ) as unknown as FakeElement;
    const d = ofTag(chart, 'path')[0].attributes.get('d')!;
    assert.match(d, /^M\S+ 8 L\S+ 50 M\S+ 92$/);
    assert.deepEqual(titles(chart), ['2025-03-01: 100%', '2025-03-02: 50%', '2025-03-04: 0%']);
  });

  it('puts only finite numbers in attributes', () => {
    assert.equal(num(NaN), '0');
    assert.equal(num(Infinity), '0');
    assert.equal(num(12.345), '12.3');
    const chart = reviewsChart(doc, strings, days([[3, 0.9]])) as unknown as FakeElement;
    for (const rect of ofTag(chart, 'rect')) {
      for (const name of ['x', 'y', 'width', 'height']) {
        assert.match(rect.attributes.get(name)!, /^-?\d+(\.\d)?$/);
      }
    }
  });

  it('shows the charts in the stats view once there is a review in the history, and not before', () => {
    const base = { dueToday: 0, reviewedToday: 0, trueRetention: null, dueReviews: 0, streakDays: 0, services: [] };
    const view = (history: DayStats[]) => renderStats(fakeDocument as never, strings, { ...base, history }) as unknown as FakeElement;
    assert.equal(
      view(
        days([
          [0, null],
          [0, null],
        ]),
      ).byClass('chart').length,
      0,
    );
    assert.equal(
      view(
        days([
          [0, null],
          [2, 1],
        ]),
      ).byClass('chart').length,
      2,
    );
  });
});
