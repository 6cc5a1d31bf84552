import { describe, expect, it } from '@jest/globals';
import { cardsAboveTheFold } from '../../tabs/src/features/board/cards-above-the-fold';

// The board's first commit draws the cards that can be on screen (issue #16). Measured in Chromium at
// 1280 × 900: three columns of 412–456 px cards below a 225 px header, so two rows are in view.
describe('cardsAboveTheFold', () => {
  it('covers the rows a desktop window shows', () => {
    expect(cardsAboveTheFold({ width: 1280, height: 900 })).toBe(6);
    expect(cardsAboveTheFold({ width: 1920, height: 1080 })).toBe(15);
  });

  it('is at least one card, also on a phone or a tiny frame', () => {
    expect(cardsAboveTheFold({ width: 360, height: 740 })).toBe(2);
    expect(cardsAboveTheFold({ width: 100, height: 100 })).toBe(1);
  });
});
