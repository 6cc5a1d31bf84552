import { describe, expect, it } from '@jest/globals';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import { sessionInviteCard } from '../../bot/src/cards/sessions/session-invite-card';
import type { InviteView } from '../../bot/src/cards/sessions/session-invite-card';
import type { Locale } from '../../bot/src/domain/shared/person';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import { renderCard } from '../support/render-card';
import { omit } from '../support/omit';

const NOW = new Date('2026-11-27T12:00:00.000Z');

function session(overrides: Partial<LearningSession> = {}): LearningSession {
  return {
    tenantId: 't',
    teamId: '19:team@thread.tacv2',
    sessionId: 's1',
    title: 'Lunch talk',
    description: '',
    skills: [],
    format: 'talk',
    startsAt: '2026-12-01T11:00:00.000Z',
    durationMinutes: 60,
    capacity: null,
    channelId: '19:team@thread.tacv2',
    hostId: 'host',
    teacherIds: [],
    status: 'scheduled',
    openToOrganisation: false,
    counts: { yes: 0, maybe: 0, no: 0 },
    seriesId: 'series-1',
    recurrence: 'weekly',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

function view(s: LearningSession): InviteView {
  return {
    session: s,
    names: new Map([['host', 'Hanna de Host']]),
    timeZone: 'Europe/Amsterdam',
    calendarUrl: 'https://pl.example/api/v1/teams/x/sessions/s1/calendar.ics?tenant=t&token=abcdefghijklmnopqrstuvwxyz',
    recentResponders: [],
    now: NOW,
  };
}

/** The host controls' Action.Execute buttons: title, verb and data. */
function hostActions(card: AdaptiveCard): { title: string; verb: string; data: Record<string, unknown> }[] {
  const found: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Execute' && n.verb === 'cancelSession')
        found.push({ title: String(n.title), verb: String(n.verb), data: n.data as Record<string, unknown> });
      Object.values(n).forEach(walk);
    }
  };
  walk(card.body);
  return found;
}

describe.each([
  ['en', 'Cancel this and all later'],
  ['nl', 'Deze en alle latere afzeggen'],
] as [Locale, string][])('the invite card of a series occurrence in %s', (locale, cancelSeries) => {
  it('offers the host "cancel this and all later" next to cancelling one; it renders and stays small', () => {
    const card = sessionInviteCard(view(session()), { userId: 'host' }, locale);
    const rendered = renderCard(card);
    expect(rendered.errors).toEqual([]);
    expect(rendered.bytes).toBeLessThan(20 * 1024);
    expect(rendered.text).toContain(cancelSeries);
    expect(hostActions(card).map((a) => [a.title, a.data.scope])).toEqual([
      [locale === 'en' ? 'Cancel session' : 'Sessie afzeggen', undefined],
      [cancelSeries, 'following'],
    ]);
  });

  it('a one-off session, or anyone but the host, gets no such button', () => {
    expect(hostActions(sessionInviteCard(view(omit(session(), 'seriesId', 'recurrence')), { userId: 'host' }, locale))).toHaveLength(1);
    expect(hostActions(sessionInviteCard(view(session()), { userId: 'ann' }, locale))).toEqual([]);
  });
});
