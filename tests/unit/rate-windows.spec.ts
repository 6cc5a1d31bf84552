import { describe, expect, it } from '@jest/globals';
import {
  backoffMs,
  parseRetryAfter,
  RateWindows,
  TEAMS_CONVERSATION_WINDOWS,
  tenantWindows,
  windowViolations,
} from '../../bot/src/domain/delivery/rate-windows';

const conversation = (key: string) => ({ key, windows: TEAMS_CONVERSATION_WINDOWS });

describe('rate windows', () => {
  it('spaces 100 sends to one conversation so no Teams window is exceeded, and no more than needed', () => {
    const w = new RateWindows();
    const times = Array.from({ length: 100 }, () => w.reserve([conversation('c')], 0));
    expect(windowViolations(times, TEAMS_CONVERSATION_WINDOWS)).toEqual([]);
    // 7 at once, the 8th after 1 s, the 9th after 2 s …, and 60 per 30 s.
    expect(times.slice(0, 9)).toEqual([0, 0, 0, 0, 0, 0, 0, 1_000, 2_000]);
    expect(times[60]).toBe(30_000);
  });

  it('holds the tenant window across conversations', () => {
    const w = new RateWindows();
    const times = Array.from({ length: 90 }, (_, i) => w.reserve([conversation(`c${i}`), { key: 't', windows: tenantWindows(30) }], 0));
    expect(windowViolations(times, tenantWindows(30))).toEqual([]);
    expect(times[89]).toBe(2_000);
  });

  it('counts a settled request at its answer', () => {
    const w = new RateWindows();
    const bucket = [{ key: 't', windows: [{ limit: 1, windowMs: 100 }] }];
    const first = w.reserve(bucket, 0);
    w.settle(bucket, first, 40);
    expect(w.reserve(bucket, 0)).toBe(140);
  });

  it('finds violations', () => {
    expect(windowViolations([0, 1, 2, 3, 4, 5, 6, 7], TEAMS_CONVERSATION_WINDOWS)).toHaveLength(1);
    expect(windowViolations([0, 1, 2, 3, 4, 5, 6, 1_000], TEAMS_CONVERSATION_WINDOWS)).toEqual([]);
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores junk', () => {
    const now = Date.parse('2026-11-27T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('backs off exponentially with full jitter, capped', () => {
    expect(backoffMs(1, 100, 1_000, () => 0.999)).toBe(99);
    expect(backoffMs(3, 100, 1_000, () => 0.5)).toBe(200);
    expect(backoffMs(10, 100, 1_000, () => 0.999)).toBe(999);
    expect(backoffMs(4, 100, 1_000, () => 0)).toBe(0);
  });
});
