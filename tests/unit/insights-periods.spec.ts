import { describe, expect, it } from '@jest/globals';
import { isoWeekKey, periodOf, periodsBack, periodsBetween } from '../../bot/src/domain/insights/periods';
import { checkInsightsQuery } from '../../bot/src/domain/insights/insights-query';

const AMS = 'Europe/Amsterdam';
const NY = 'America/New_York';
const iso = (d: Date): string => d.toISOString();

describe('insights periods on the team clock', () => {
  it('ISO weeks: week 53 of 2026 runs into January 2027; 1 January 2021 is week 53 of 2020', () => {
    expect(isoWeekKey({ year: 2026, month: 12, day: 31 })).toBe('2026-W53');
    expect(isoWeekKey({ year: 2027, month: 1, day: 3 })).toBe('2026-W53');
    expect(isoWeekKey({ year: 2027, month: 1, day: 4 })).toBe('2027-W01');
    expect(isoWeekKey({ year: 2021, month: 1, day: 1 })).toBe('2020-W53');
    expect(isoWeekKey({ year: 2026, month: 11, day: 30 })).toBe('2026-W49');
  });

  it('a session at 23:30 UTC on Sunday 29 November counts on Monday in Amsterdam and on Sunday in New York', () => {
    const at = new Date('2026-11-29T23:30:00Z');
    expect(periodOf(at, 'week', AMS).key).toBe('2026-W49');
    expect(iso(periodOf(at, 'week', AMS).startsAt)).toBe('2026-11-29T23:00:00.000Z');
    expect(periodOf(at, 'week', NY).key).toBe('2026-W48');
    expect(iso(periodOf(at, 'week', NY).startsAt)).toBe('2026-11-23T05:00:00.000Z');
  });

  it('month edges: 23:30 UTC on 30 November is December in Amsterdam, November in New York', () => {
    const at = new Date('2026-11-30T23:30:00Z');
    expect(periodOf(at, 'month', AMS)).toEqual({
      key: '2026-12',
      startsAt: new Date('2026-11-30T23:00:00Z'),
      endsAt: new Date('2026-12-31T23:00:00Z'),
    });
    // New York left summer time on 1 November: the month starts at 04:00 UTC and ends at 05:00 UTC.
    expect(periodOf(at, 'month', NY)).toEqual({
      key: '2026-11',
      startsAt: new Date('2026-11-01T04:00:00Z'),
      endsAt: new Date('2026-12-01T05:00:00Z'),
    });
  });

  it('DST: the Amsterdam week of 29 March 2026 is 167 hours, the October one 169', () => {
    const spring = periodOf(new Date('2026-03-25T12:00:00Z'), 'week', AMS);
    expect(spring.key).toBe('2026-W13');
    expect(iso(spring.startsAt)).toBe('2026-03-22T23:00:00.000Z');
    expect((spring.endsAt.getTime() - spring.startsAt.getTime()) / 3600_000).toBe(167);
    const autumn = periodOf(new Date('2026-10-21T12:00:00Z'), 'week', AMS);
    expect((autumn.endsAt.getTime() - autumn.startsAt.getTime()) / 3600_000).toBe(169);
  });

  it('periodsBetween lists every overlapping period, oldest first, each starting where the last ended', () => {
    const weeks = periodsBetween(new Date('2026-12-20T12:00:00Z'), new Date('2027-01-12T00:00:00Z'), 'week', AMS);
    expect(weeks.map((w) => w.key)).toEqual(['2026-W51', '2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    for (let i = 1; i < weeks.length; i += 1) expect(weeks[i]?.startsAt).toEqual(weeks[i - 1]?.endsAt);
    const months = periodsBetween(new Date('2026-01-15T00:00:00Z'), new Date('2026-04-01T00:00:00Z'), 'month', NY);
    expect(months.map((m) => m.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(periodsBack(new Date('2026-01-15T12:00:00Z'), 2, 'month', AMS).key).toBe('2025-11');
    expect(periodsBack(new Date('2027-01-06T12:00:00Z'), 1, 'week', AMS).key).toBe('2026-W53');
  });
});

describe('the insights query', () => {
  const now = new Date(Date.now());

  it('defaults to the last 12 months by month, ending today on the team clock', () => {
    const checked = checkInsightsQuery({}, AMS, now);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.range.granularity).toBe('month');
    expect(periodsBetween(checked.range.fromAt, checked.range.toEnd, 'month', AMS)).toHaveLength(12);
  });

  it('names each bad field: badDate, unknownValue, fromAfterTo on from, rangeTooLong', () => {
    expect(checkInsightsQuery({ from: '2026-02-30', to: 'tomorrow', granularity: 'day' }, AMS, now)).toEqual({
      ok: false,
      problems: [
        { field: 'granularity', code: 'unknownValue' },
        { field: 'from', code: 'badDate' },
        { field: 'to', code: 'badDate' },
      ],
    });
    expect(checkInsightsQuery({ from: '2026-05-02', to: '2026-05-01' }, AMS, now)).toEqual({
      ok: false,
      problems: [{ field: 'from', code: 'fromAfterTo' }],
    });
    expect(checkInsightsQuery({ from: '2020-01-01', to: '2023-12-31' }, AMS, now)).toEqual({
      ok: false,
      problems: [{ field: 'from', code: 'rangeTooLong' }],
    });
    const day = checkInsightsQuery({ from: '2026-05-01', to: '2026-05-01', granularity: 'week' }, NY, now);
    expect(day.ok && [iso(day.range.fromAt), iso(day.range.toEnd)]).toEqual(['2026-05-01T04:00:00.000Z', '2026-05-02T04:00:00.000Z']);
  });
});
