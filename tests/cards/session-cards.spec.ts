import { describe, expect, it } from '@jest/globals';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import { feedbackCard, feedbackSummaryCard } from '../../bot/src/cards/sessions/feedback-cards';
import { kudosCard } from '../../bot/src/cards/kudos/kudos-card';
import { sessionFormCard } from '../../bot/src/cards/sessions/session-form-card';
import { sessionInviteCard } from '../../bot/src/cards/sessions/session-invite-card';
import type { InviteView } from '../../bot/src/cards/sessions/session-invite-card';
import { mySessionsCard, personNoticeCard, reminderCard, sessionMessageCard } from '../../bot/src/cards/sessions/session-notice-cards';
import type { Locale } from '../../bot/src/domain/shared/person';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import { renderCard } from '../support/render-card';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const TZ = 'Europe/Amsterdam';
const LONG = 'Een hele lange titel over TypeScript, testen en nog veel meer '.repeat(4).slice(0, 120);

function session(overrides: Partial<LearningSession> = {}): LearningSession {
  return {
    tenantId: 't',
    teamId: '19:team@thread.tacv2',
    sessionId: 's1',
    title: 'Intro to TypeScript',
    description: 'What types buy you, in 30 minutes.',
    skills: ['TypeScript', 'Testing'],
    format: 'workshop',
    startsAt: '2026-12-03T13:00:00.000Z',
    durationMinutes: 60,
    onlineUrl: 'https://teams.microsoft.com/l/meetup-join/x',
    place: 'Room 4.12',
    capacity: 10,
    channelId: '19:team@thread.tacv2',
    hostId: 'host',
    teacherIds: ['teacher'],
    discussionLeaderId: 'leader',
    status: 'scheduled',
    openToOrganisation: true,
    counts: { yes: 10, maybe: 2, no: 1, waitlisted: 3 },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

const sixty = Array.from({ length: 80 }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);

function view(s: LearningSession, overrides: Partial<InviteView> = {}): InviteView {
  return {
    session: s,
    names: new Map([
      ['host', 'Hanna de Host'],
      ['teacher', 'Tom Teacher'],
      ['leader', 'Lotte Leider'],
    ]),
    timeZone: TZ,
    calendarUrl: 'https://pl.example/api/v1/teams/x/sessions/s1/calendar.ics?tenant=t&token=abcdefghijklmnopqrstuvwxyz',
    recentResponders: sixty,
    now: NOW,
    ...overrides,
  };
}

function check(card: AdaptiveCard, contains: string[]): string {
  const rendered = renderCard(card);
  expect(rendered.errors).toEqual([]);
  expect(rendered.element).toBeDefined();
  expect(rendered.bytes).toBeLessThan(20 * 1024);
  for (const text of contains) expect(rendered.text).toContain(text);
  return rendered.text;
}

const verbs = (card: AdaptiveCard) => JSON.stringify(card).match(/"verb":"(\w+)"/g) ?? [];

describe.each(['en', 'nl'] as Locale[])('session cards in %s', (locale) => {
  const t = (en: string, nl: string) => (locale === 'en' ? en : nl);

  it('invite, shared view: counts, capacity, waitlist, links, refresh for host + ≤ 59 responders', () => {
    const card = sessionInviteCard(view(session()), undefined, locale);
    const text = check(card, [
      'Intro to TypeScript',
      t('10 of 10 places taken', '10 van 10 plaatsen bezet'),
      t('3 on the waitlist', '3 op de wachtlijst'),
      'Hanna de Host',
      'Tom Teacher',
      'Lotte Leider',
    ]);
    expect(text).toContain(t('Thursday, 3 December 2026, 14:00–15:00', 'donderdag 3 december 2026, 14:00–15:00'));
    expect(card.refresh?.userIds).toHaveLength(60);
    expect(card.refresh?.userIds[0]).toBe('8:orgid:host');
    expect(card.refresh?.action).toEqual({
      type: 'Action.Execute',
      verb: 'refresh',
      data: { sessionId: 's1', teamId: '19:team@thread.tacv2' },
    });
    expect(JSON.stringify(card)).toContain('"response":"maybe"');
    expect(JSON.stringify(card)).toContain('calendar.ics');
    expect(verbs(card)).not.toContain('"verb":"cancelSession"');
  });

  it('invite, host view: own status and host controls', () => {
    const card = sessionInviteCard(view(session()), { userId: 'host', questionCount: 2 }, locale);
    check(card, [t('You are the host.', 'Jij organiseert deze sessie.'), t('Questions sent in advance: 2', 'Vooraf gestelde vragen: 2')]);
    expect(verbs(card)).toContain('"verb":"cancelSession"');
  });

  it('invite, attendee views: going, waitlisted', () => {
    const rsvp = { tenantId: 't', teamId: 'x', sessionId: 's1', userId: 'u', response: 'yes' as const, respondedAt: NOW.toISOString() };
    check(sessionInviteCard(view(session()), { userId: 'u', rsvp }, locale), [t('You are going', 'Je gaat')]);
    check(sessionInviteCard(view(session()), { userId: 'u', rsvp: { ...rsvp, waitlisted: true } }, locale), [t('waitlist', 'wachtlijst')]);
  });

  it('invite of a cancelled session: a banner and no answers', () => {
    const card = sessionInviteCard(view(session({ status: 'cancelled' })), undefined, locale);
    check(card, [t('This session is cancelled.', 'Deze sessie gaat niet door.')]);
    expect(verbs(card).filter((v) => v === '"verb":"rsvp"')).toHaveLength(0);
  });

  it('invite with the longest title, description, 10 teachers and 60 responders stays under 20 KB', () => {
    const names = new Map(sixty.map((id) => [id, 'Maximiliaan van der Zwaluwenberg-Oosterhout '.repeat(2)]));
    const s = session({
      title: LONG,
      description: 'x'.repeat(2000),
      teacherIds: sixty.slice(0, 10),
      skills: Array.from({ length: 10 }, () => 'y'.repeat(50)),
      place: 'p'.repeat(200),
    });
    const card = sessionInviteCard(view(s, { names }), { userId: 'host' }, locale);
    check(card, [LONG.slice(0, 40)]);
  });

  it('reminder, notices, feedback, summary, kudos, my sessions, share tip, message', () => {
    check(reminderCard(session(), 24 * 60, locale, TZ), [t('Reminder', 'Herinnering'), t('tomorrow', 'morgen')]);
    check(reminderCard(session(), 15, locale, TZ), [t('in 15 minutes', 'over 15 minuten')]);
    check(personNoticeCard('waitlistPromoted', session(), locale, TZ), [t('You’re in!', 'Je bent erbij!')]);
    check(personNoticeCard('sessionCancelled', session(), locale, TZ), [t('is cancelled', 'gaat niet door')]);
    const fb = feedbackCard(session(), locale, TZ);
    check(fb, [t('How was', 'Hoe was'), t('I learned something new', 'Ik heb iets nieuws geleerd')]);
    expect(verbs(fb)).toEqual(['"verb":"feedback"']);
    check(
      feedbackSummaryCard(
        session(),
        { responses: 3, averageRating: 4.3, learnedSomethingNew: 2, willApply: ['Strict mode', 'x'.repeat(500)] },
        locale,
      ),
      ['4.3 / 5', '2 / 3', t('Only you see this.', 'Alleen jij ziet dit.')],
    );
    check(feedbackSummaryCard(session(), { responses: 0, learnedSomethingNew: 0, willApply: [] }, locale), [
      t('No feedback yet.', 'Nog geen feedback.'),
    ]);
    const kudos = {
      tenantId: 't',
      teamId: 'x',
      kudosId: 'k',
      fromUserId: 'a',
      toUserId: 'b',
      message: 'for the great demo',
      createdAt: NOW.toISOString(),
    };
    check(kudosCard({ kudos, fromName: 'Ann', toName: 'Bob', sessionTitle: LONG }, locale), ['Bob', 'for the great demo', 'Ann']);
    check(
      mySessionsCard(
        [
          { session: session(), role: 'host' },
          { session: session({ title: LONG }), role: 'waitlisted' },
        ],
        locale,
        TZ,
      ),
      [t('Host', 'Organisator'), t('Waitlist', 'Wachtlijst')],
    );
    check(mySessionsCard([], locale, TZ), [t('No upcoming sessions', 'Nog geen komende sessies')]);
    check(sessionMessageCard('hello', 'attention'), ['hello']);
  });

  it('planning form: every field, suggestion preselected, problems inline', () => {
    const members = sixty.slice(0, 60).map((userId, i) => ({ userId, displayName: `Colleague ${i} with a long name` }));
    const base = {
      teamId: 'team',
      channels: [
        { channelId: '19:a', name: 'General' },
        { channelId: '19:b', name: 'Leren' },
      ],
      members,
      hostId: 'host',
      ...(members[3] ? { suggestedLeader: members[3] } : {}),
      timeZone: TZ,
    } as const;
    const form = sessionFormCard({ ...base, submit: 'execute' }, locale);
    check(form, [t('Plan a learning session', 'Een leersessie plannen'), t('suggested', 'voorstel'), 'Amsterdam']);
    const json = JSON.stringify(form);
    expect(json).toContain(`"id":"discussionLeaderId"`);
    expect(json).toContain(`"value":"${members[3]?.userId}"`);
    expect(verbs(form)).toEqual(['"verb":"createSession"']);
    const withProblems = sessionFormCard(
      {
        ...base,
        submit: 'dialog',
        values: { title: '', capacity: '0', date: '2020-01-01', time: '10:00' },
        problems: [
          { field: 'title', code: 'titleRequired' },
          { field: 'capacity', code: 'capacityNotPositive' },
          { field: 'startsAt', code: 'startInPast' },
          { field: 'startsAt', code: 'startTooFar' },
          { field: 'repeatUntil', code: 'repeatUntilTooFar' },
        ],
      },
      locale,
    );
    // The capacity's range and how far ahead a session may be are named, with the locale's digits.
    check(withProblems, [
      t('Give the session a title.', 'Geef de sessie een titel.'),
      t('from 1 to 10,000', 'van 1 tot en met 10.000'),
      t('in the past', 'in het verleden'),
      t('Plan at most 2 years ahead; check the year.', 'Plan hooguit 2 jaar vooruit; controleer het jaar.'),
      t('A series has at most 26 sessions', 'Een reeks heeft hooguit 26 sessies'),
    ]);
    // A series may end on a date; an edit changes one occurrence, so it has no end to set.
    expect(json).toContain('"id":"repeatUntil"');
    expect(JSON.stringify(sessionFormCard({ ...base, submit: 'execute', editing: { sessionId: 's' } }, locale))).not.toContain(
      'repeatUntil',
    );
    expect(JSON.stringify(withProblems)).toContain('"type":"Action.Submit"');
  });

  it('planning form: the host is never offered as their own co-teacher, nor kept from a value that lists them', () => {
    const members = [
      { userId: 'host', displayName: 'Hanna Host' },
      { userId: 'ann', displayName: 'Ann Attendee' },
      { userId: 'bob', displayName: 'Bob Builder' },
    ];
    const base = { teamId: 'team', channels: [], members, hostId: 'host', timeZone: TZ } as const;
    /** The card's input with this id, wherever it sits (columns, containers). */
    const input = (card: AdaptiveCard, id: string): { choices: { value: string }[]; value?: string } | undefined => {
      const walk = (node: unknown): unknown => {
        if (Array.isArray(node)) return node.map(walk).find((found) => found !== undefined);
        if (typeof node !== 'object' || node === null) return undefined;
        if ((node as { id?: unknown }).id === id) return node;
        return walk(Object.values(node));
      };
      return walk(card.body) as { choices: { value: string }[]; value?: string } | undefined;
    };
    for (const card of [
      sessionFormCard({ ...base, submit: 'dialog' }, locale),
      sessionFormCard({ ...base, submit: 'execute', editing: { sessionId: 's' }, values: { teacherIds: 'host,bob' } }, locale),
    ]) {
      expect(input(card, 'teacherIds')?.choices.map((c) => c.value)).toEqual(['ann', 'bob']);
    }
    // A stored session (or a refused submit) that lists the host: the form keeps only the others.
    const refused = sessionFormCard(
      {
        ...base,
        submit: 'dialog',
        values: { teacherIds: 'host,bob' },
        problems: [{ field: 'teacherIds', code: 'hostIsTeacher' }],
      },
      locale,
    );
    expect(input(refused, 'teacherIds')?.value).toBe('bob');
    check(refused, [
      t(
        'The host teaches this session already: choose co-teachers other than the host.',
        'De organisator geeft deze sessie al: kies als leraren anderen dan de organisator.',
      ),
    ]);
    // Someone planning alone in a team: no co-teachers to choose, so no empty list.
    expect(
      input(
        sessionFormCard({ ...base, members: [members[0] ?? { userId: 'host', displayName: 'Hanna Host' }], submit: 'dialog' }, locale),
        'teacherIds',
      ),
    ).toBeUndefined();
  });
});
