import { describe, expect, it } from '@jest/globals';
import { buddyChatCalendar } from '../../bot/src/domain/buddies/buddy-chat-calendar';
import { suggestChatStart } from '../../bot/src/domain/buddies/buddy-chat';
import { createBuddyChatLinks } from '../../bot/src/domain/buddies/buddy-chat-links';
import type { BuddyChatEvent } from '../../bot/src/domain/buddies/buddy-chat-links';
import { wallTimeOf } from '../../bot/src/domain/shared/zoned-time';

const ZONE = 'Europe/Amsterdam';
const NOW = new Date();
const DAY = 86_400_000;
const WEEKDAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const weekdayIn = (d: Date) => WEEKDAY[new Date(`${new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(d)}T12:00:00Z`).getUTCDay()];

describe('the suggested first chat of a pair', () => {
  it('is 12:00 in the zone on the first shared day from tomorrow, inside the round', () => {
    const start = suggestChatStart(NOW, new Date(NOW.getTime() + 14 * DAY), ZONE, ['wed']);
    expect(start).toBeDefined();
    if (!start) return;
    expect(weekdayIn(start)).toBe('wed');
    expect(wallTimeOf(start, ZONE)).toMatchObject({ hour: 12, minute: 0 });
    expect(start.getTime()).toBeGreaterThan(NOW.getTime());
    expect(start.getTime() - NOW.getTime()).toBeLessThanOrEqual(8 * DAY);
  });

  it('any day when the pair shares none; nothing when the round ends before a shared day', () => {
    const any = suggestChatStart(NOW, new Date(NOW.getTime() + 14 * DAY), ZONE, []);
    expect(any && any.getTime() - NOW.getTime()).toBeLessThanOrEqual(2 * DAY);
    expect(
      suggestChatStart(NOW, new Date(NOW.getTime() + 6 * 3_600_000), ZONE, ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
    ).toBeUndefined();
  });
});

describe('the signed .ics link of a buddy chat', () => {
  const links = createBuddyChatLinks({ publicUrl: 'https://pl.example/', secret: 's'.repeat(40) });
  const event: BuddyChatEvent = {
    tenantId: 't1',
    poolId: '19:team@thread.tacv2',
    roundId: 'sched-2030-01-07T09:00:00.000Z',
    start: new Date(NOW.getTime() + 2 * DAY).toISOString(),
    locale: 'nl',
  };

  it('carries the event in its query and verifies only that event', async () => {
    const url = new URL(await links.calendarUrl(event));
    expect(url.origin + url.pathname).toBe('https://pl.example/api/v1/buddies/chat.ics');
    const token = url.searchParams.get('token') ?? '';
    expect(url.searchParams.get('pool')).toBe(event.poolId);
    expect(await links.verify(event, token)).toBe(true);
    for (const changed of [{ start: new Date(NOW.getTime() + 3 * DAY).toISOString() }, { tenantId: 't2' }, { locale: 'en' as const }]) {
      expect(await links.verify({ ...event, ...changed }, token)).toBe(false);
    }
    const other = createBuddyChatLinks({ publicUrl: 'https://pl.example', secret: 'x'.repeat(40) });
    expect(await other.verify(event, token)).toBe(false);
  });

  it('writes one 30-minute VEVENT with escaped text and folded lines', () => {
    const ics = buddyChatCalendar(event, { summary: 'Chat; with, you\\me', description: 'line1\nline2' }, NOW, 'pl.example');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('SUMMARY:Chat\\; with\\, you\\\\me');
    expect(ics).toContain('DESCRIPTION:line1\\nline2');
    const start = new Date(event.start);
    const stamp = (d: Date) =>
      d
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
    expect(ics).toContain(`DTSTART:${stamp(start)}`);
    expect(ics).toContain(`DTEND:${stamp(new Date(start.getTime() + 30 * 60_000))}`);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
