import { describe, expect, it } from '@jest/globals';
import { PERSON_BURST, PERSON_PER_MINUTE, PERSON_WRITE_WINDOWS, WriteLimiter } from '../../bot/src/domain/shared/write-rate-limiter';

const allowedCount = (limiter: WriteLimiter, tenantId: string, userId: string, tries: number, now: number) =>
  Array.from({ length: tries }, () => limiter.take(tenantId, userId, now)).filter((d) => d.allowed).length;

describe('write rate limiter', () => {
  it('lets a person make a burst up to the short window, then names when the next change fits', () => {
    const limiter = new WriteLimiter();
    const burst = PERSON_BURST;
    expect(allowedCount(limiter, 't', 'ann', burst.limit, 1_000)).toBe(burst.limit);
    expect(limiter.take('t', 'ann', 1_500)).toEqual({ allowed: false, limitedBy: 'person', retryAfterMs: burst.windowMs - 500 });
    // Another person of the same tenant is not held back.
    expect(limiter.take('t', 'bob', 1_500)).toEqual({ allowed: true });
    // Once the window has passed the person may go on; a refusal was not counted.
    expect(limiter.take('t', 'ann', 1_000 + burst.windowMs)).toEqual({ allowed: true });
  });

  it('holds a person to the minute window however the changes are spread', () => {
    const limiter = new WriteLimiter();
    const minute = PERSON_PER_MINUTE;
    let allowed = 0;
    // One try a second for a minute: the short window never binds, the minute window does.
    for (let s = 0; s < 60; s += 1) if (limiter.take('t', 'ann', s * 1_000).allowed) allowed += 1;
    expect(allowed).toBe(minute.limit);
    const refused = limiter.take('t', 'ann', 60_000 - 1);
    expect(refused).toMatchObject({ allowed: false, limitedBy: 'person' });
  });

  it('holds a tenant to its windows across its people, and no other tenant', () => {
    const limiter = new WriteLimiter({ person: PERSON_WRITE_WINDOWS, tenant: [{ limit: 25, windowMs: 60_000 }] });
    let allowed = 0;
    for (let p = 0; p < 10; p += 1) allowed += allowedCount(limiter, 'big', `p${p}`, 5, 0);
    expect(allowed).toBe(25);
    expect(limiter.take('big', 'newcomer', 10)).toEqual({ allowed: false, limitedBy: 'tenant', retryAfterMs: 59_990 });
    expect(limiter.take('small', 'p0', 10)).toEqual({ allowed: true });
  });

  it('lets a person idle for a whole window start afresh, among a thousand others', () => {
    const limiter = new WriteLimiter({ person: [{ limit: 1, windowMs: 1_000 }], tenant: [] });
    for (let p = 0; p < 1_000; p += 1) limiter.take('t', `p${p}`, 0);
    expect(limiter.take('t', 'p0', 500)).toMatchObject({ allowed: false });
    expect(limiter.take('t', 'p0', 1_000)).toEqual({ allowed: true });
    expect(limiter.take('t', 'p1', 5_000)).toEqual({ allowed: true });
  });
});
