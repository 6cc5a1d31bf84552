import { describe, expect, it } from '@jest/globals';
import { validateLearningRequestInput } from '../../bot/src/domain/requests/learning-request';
import { validateSessionInput } from '../../bot/src/domain/sessions/session-rules';
import { trimInvisible } from '../../bot/src/domain/shared/visible-text';
import { validateTipInput } from '../../bot/src/domain/tips/tip';

/** Issue #12: a title of spaces and zero-width characters looks empty everywhere, so it is refused as empty. */
const now = new Date();
const ctx = { now, timeZone: 'Europe/Amsterdam' };
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
const blanks = ['   ', '\u200B', ' \u200B ', '\u200C\u200D', '\uFEFF', '\u2060', ' \u200B\u2060\uFEFF\u200C '];

describe('blank-looking text', () => {
  it.each(blanks)('session title %j → titleRequired', (title) => {
    const result = validateSessionInput({ title, startsAt: inDays(3) }, ctx);
    expect(result.ok ? [] : result.problems).toContainEqual({ field: 'title', code: 'titleRequired' });
  });

  it.each(blanks)('tip title %j → titleRequired', (title) => {
    const result = validateTipInput({ title });
    expect(result.ok ? [] : result.problems).toContainEqual({ field: 'title', code: 'titleRequired' });
  });

  it.each(blanks)('request skill %j → skillRequired', (skill) => {
    const result = validateLearningRequestInput({ skill });
    expect(result.ok ? [] : result.problems).toEqual([{ field: 'skill', code: 'skillRequired' }]);
  });

  it('zero-width characters at the ends are dropped; one inside an emoji stays', () => {
    const family = '👩\u200D👩\u200D👧';
    expect(trimInvisible(`\u200B ${family} TypeScript\uFEFF `)).toBe(`${family} TypeScript`);
    const result = validateSessionInput({ title: '\u200BIntro\u2060', startsAt: inDays(3) }, ctx);
    expect(result.ok && result.draft.title).toBe('Intro');
  });
});

describe('how far ahead a session may start', () => {
  const at = (years: number, days: number) => {
    const d = new Date(now.getTime() + days * 86_400_000);
    d.setUTCFullYear(d.getUTCFullYear() + years);
    return d.toISOString();
  };

  it('two years ahead (less a day) is taken; two years and a day is startTooFar', () => {
    expect(validateSessionInput({ title: 'x', startsAt: at(2, -1) }, ctx).ok).toBe(true);
    const far = validateSessionInput({ title: 'x', startsAt: at(2, 1) }, ctx);
    expect(far.ok ? [] : far.problems).toEqual([{ field: 'startsAt', code: 'startTooFar' }]);
  });

  it('a typo in the year (2062 for 2026) is caught', () => {
    const typo = validateSessionInput({ title: 'x', startsAt: at(36, 0) }, ctx);
    expect(typo.ok ? [] : typo.problems).toEqual([{ field: 'startsAt', code: 'startTooFar' }]);
  });

  it('capacity past the maximum is refused', () => {
    const big = validateSessionInput({ title: 'x', startsAt: at(0, 3), capacity: 100_000 }, ctx);
    expect(big.ok ? [] : big.problems).toEqual([{ field: 'capacity', code: 'capacityNotPositive' }]);
  });
});
