import { describe, expect, it } from '@jest/globals';
import { requestPlannedCard } from '../../bot/src/cards/requests/request-planned-card';
import { session } from '../support/storage/fixtures';
import { renderCard } from '../support/render-card';

/** Issue #12: the personal message to someone who asked for a skill, when a session was planned for it. */
const now = new Date();
const planned = session('t', '19:team@thread.tacv2', 's1', {
  title: 'Generics for everyone',
  hostId: 'u-hanna',
  startsAt: new Date(now.getTime() + 5 * 86_400_000).toISOString(),
});
const view = {
  session: planned,
  names: new Map([['u-hanna', 'Hanna Host']]),
  timeZone: 'Europe/Amsterdam',
  calendarUrl: 'https://pl.example/calendar/s1.ics',
  recentResponders: [],
  now,
  skill: 'TypeScript',
  plannerName: 'Hanna Host',
};

describe('request planned card', () => {
  it.each([
    ['en', 'Hanna Host planned a session for what you asked to learn: TypeScript', 'Say below whether you are coming.'],
    ['nl', 'Hanna Host plande een sessie voor wat je wilde leren: TypeScript', 'Laat hieronder weten of je komt.'],
  ] as const)('renders in %s with the invite and its RSVP, under 20 KB', (locale, title, intro) => {
    const card = requestPlannedCard(view, locale);
    const rendered = renderCard(card);
    expect(rendered.errors).toEqual([]);
    expect(rendered.text).toContain(title);
    expect(rendered.text).toContain(intro);
    expect(rendered.text).toContain('Generics for everyone');
    expect(JSON.stringify(card)).toContain('"verb":"rsvp"');
    expect(rendered.bytes).toBeLessThan(20 * 1024);
  });

  it('a planner nobody can name, and what they typed, stay plain text', () => {
    const rendered = renderCard(requestPlannedCard({ ...view, plannerName: undefined, skill: '**[x](https://evil.example)**' }, 'en'));
    expect(rendered.errors).toEqual([]);
    expect(rendered.text).toContain('A colleague planned a session');
    expect(rendered.element?.querySelector('a[href="https://evil.example"]')).toBeNull();
  });
});
