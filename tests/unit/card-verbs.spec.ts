import { describe, expect, it } from '@jest/globals';
import { appliedFollowUpCard } from '../../bot/src/cards/sessions/applied-card';
import { feedbackCard } from '../../bot/src/cards/sessions/feedback-cards';
import { helpCard } from '../../bot/src/cards/help/help-card';
import { learningRequestCard } from '../../bot/src/cards/requests/learning-request-card';
import { requestAlertCard } from '../../bot/src/cards/requests/request-alert-card';
import { expertsCard } from '../../bot/src/cards/experts/expert-cards';
import { profileCard, profileEditCard } from '../../bot/src/cards/experts/profile-card';
import { sessionFormCard } from '../../bot/src/cards/sessions/session-form-card';
import { namedNoticeCard } from '../../bot/src/cards/sessions/session-notice-cards';
import { sessionInviteCard } from '../../bot/src/cards/sessions/session-invite-card';
import type { InviteView } from '../../bot/src/cards/sessions/session-invite-card';
import { tipFormCard } from '../../bot/src/cards/tips/tip-form-card';
import { welcomeCard } from '../../bot/src/cards/help/welcome-card';
import { eraseConfirmCard } from '../../bot/src/cards/privacy/privacy-cards';
import { pulseCard } from '../../bot/src/cards/insights/pulse-card';
import { skillChoiceCard } from '../../bot/src/cards/experts/skill-choice-card';
import { CARD_VERBS, DIALOG_SUBMIT_VERBS, isCardVerb } from '../../bot/src/domain/shared/card-verbs';
import { ACTION_COMMAND_IDS } from '../../bot/src/domain/shared/messaging-extension-commands';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import { buddyIntroCard } from '../../bot/src/cards/buddies/buddy-intro-card';
import { buddyMetCardFor } from '../../bot/src/cards/buddies/buddy-met-card';
import { buddyStatusCard, buddyTeamChoiceCard } from '../../bot/src/cards/buddies/buddy-status-card';
import { ORGANISATION_POOL } from '../../bot/src/domain/buddies/buddy';
import type { BuddyIntroduction, BuddyStatus } from '../../bot/src/domain/buddies/buddy-service-contract';

const NOW = new Date('2026-11-27T12:00:00.000Z');

const session = (overrides: Partial<LearningSession> = {}): LearningSession => ({
  tenantId: 't',
  teamId: '19:team@thread.tacv2',
  sessionId: 's1',
  title: 'Intro to TypeScript',
  description: '',
  skills: ['TypeScript'],
  format: 'workshop',
  startsAt: '2026-12-03T13:00:00.000Z',
  durationMinutes: 60,
  capacity: 10,
  channelId: '19:team@thread.tacv2',
  hostId: 'host',
  teacherIds: [],
  status: 'scheduled',
  openToOrganisation: false,
  counts: { yes: 1, maybe: 0, no: 0, waitlisted: 0 },
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  ...overrides,
});

const view = (s: LearningSession): InviteView => ({
  session: s,
  names: new Map([['host', 'Hanna']]),
  timeZone: 'Europe/Amsterdam',
  calendarUrl: 'https://pl.example/c.ics',
  recentResponders: [],
  now: NOW,
});

const form = {
  teamId: '19:team@thread.tacv2',
  channels: [{ channelId: '19:team@thread.tacv2', name: 'General' }],
  members: [],
  hostId: 'host',
  timeZone: 'Europe/Amsterdam',
};
const profileView = {
  displayName: 'Ann',
  teaches: [{ name: 'SQL', level: 2 as const, endorsements: 1 }],
  wants: [],
  bio: '',
  languages: [],
  availability: '',
  celebrateMilestones: true,
  requestAlerts: true,
};
const request = {
  tenantId: 't',
  teamId: '19:team@thread.tacv2',
  requestId: 'r1',
  authorUserId: 'a',
  skill: 'SQL',
  status: 'open' as const,
  votes: 1,
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
};

const buddyIntro = (locale: 'en' | 'nl'): BuddyIntroduction => ({
  tenantId: 't',
  poolId: '19:team@thread.tacv2',
  roundId: 'sched-1',
  userId: 'ann',
  locale,
  timeZone: 'Europe/Amsterdam',
  buddies: [{ userId: 'bo', displayName: 'Bo' }],
  reason: { teaches: [], sharedLanguages: [], sharedDays: [], sharedModes: [] },
  endsAt: NOW.toISOString(),
});
const buddyStatus = (optIn: boolean): BuddyStatus => ({
  teamId: '19:team@thread.tacv2',
  optIn,
  skipNext: false,
  availability: { days: ['mon'], modes: ['online'] },
  acrossOrganisation: false,
  current: [],
});

const pulseOpen = {
  pulseId: 'p1',
  postedAt: new Date().toISOString(),
  closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  open: true,
  responses: 0,
};

/** Every card the bot sends with an action on it, in each of its states that adds or removes one. */
const cards = (['en', 'nl'] as const).flatMap((locale) => [
  sessionInviteCard(view(session()), undefined, locale),
  sessionInviteCard(view(session({ seriesId: 'series-1' })), { userId: 'host' }, locale),
  sessionInviteCard(view(session({ startsAt: '2026-11-20T13:00:00.000Z' })), { userId: 'ann' }, locale),
  feedbackCard(session(), locale, 'Europe/Amsterdam'),
  appliedFollowUpCard(
    session(),
    {
      tenantId: session().tenantId,
      teamId: session().teamId,
      sessionId: session().sessionId,
      userId: 'ann',
      rating: 4,
      learnedSomethingNew: true,
      willApply: 'Smaller tests',
      submittedAt: session().createdAt,
    },
    locale,
    'Europe/Amsterdam',
  ),
  namedNoticeCard({ session: session({ teacherIds: ['ann'] }), role: 'teacher', hostName: 'Hanna' }, locale, 'Europe/Amsterdam'),
  sessionFormCard({ ...form, submit: 'execute' }, locale),
  sessionFormCard({ ...form, submit: 'dialog' }, locale),
  sessionFormCard({ ...form, submit: 'execute', editing: { sessionId: 's1' } }, locale),
  profileCard(profileView, locale),
  profileEditCard(
    {
      teaches: '',
      wants: '',
      bio: '',
      languages: '',
      availability: '',
      celebrateMilestones: { on: true, shown: true },
      requestAlerts: { on: true, shown: true },
    },
    locale,
  ),
  learningRequestCard({ request, authorName: 'Ann', created: true, experts: [] }, locale),
  // An empty "who knows X": ask the team to learn it (issue #12).
  expertsCard('Quantum knitting', [], locale, false),
  requestAlertCard({ request, teamName: 'Team' }, locale),
  learningRequestCard(
    {
      request: { ...request, status: 'planned', takenBy: 'b', sessionId: 's1' },
      authorName: 'Ann',
      created: true,
      experts: [],
      takerName: 'Bob',
    },
    locale,
  ),
  tipFormCard({}, locale),
  helpCard(locale, ['help', 'newSession']),
  welcomeCard('team', locale),
  eraseConfirmCard(locale),
  buddyIntroCard({ intro: buddyIntro(locale) }),
  buddyIntroCard({ intro: { ...buddyIntro(locale), poolId: ORGANISATION_POOL } }),
  buddyMetCardFor(buddyIntro(locale)),
  buddyStatusCard({ status: buddyStatus(true), teamName: 'Data', timeZone: 'Europe/Amsterdam' }, locale),
  buddyStatusCard({ status: buddyStatus(false), teamName: 'Data', timeZone: 'Europe/Amsterdam' }, locale),
  buddyTeamChoiceCard([{ teamId: 'a', name: 'A' }], 'buddyStatus', locale),
  skillChoiceCard(
    { skill: 'Typscript', suggestions: [], asNew: { forUser: 'u', mode: 'add', argument: 'Typscript', newSkills: ['Typscript'] } },
    locale,
  ),
  pulseCard({ teamId: 'a', results: pulseOpen, timeZone: 'Europe/Amsterdam' }, locale),
]);

/** The verbs a card carries, wherever they sit: actions, action sets in the body, the refresh. */
function verbsIn(node: unknown, found: { execute: Set<unknown>; submit: Set<unknown> }) {
  if (Array.isArray(node)) for (const item of node) verbsIn(item, found);
  else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute') found.execute.add(record.verb);
    if (record.type === 'Action.Submit') {
      const verb = (record.data as Record<string, unknown> | undefined)?.verb;
      if (verb !== undefined) found.submit.add(verb);
    }
    for (const value of Object.values(record)) verbsIn(value, found);
  }
  return found;
}

describe('the card verbs and the bot’s dispatch table', () => {
  const found = verbsIn(cards, { execute: new Set(), submit: new Set() });

  it('every Action.Execute verb a card carries is one the bot routes (CARD_VERBS, a Record of handlers)', () => {
    const unrouted = [...found.execute].filter((verb) => !isCardVerb(verb));
    expect(unrouted).toEqual([]);
  });

  it('every verb the table routes is carried by some card: no handler without a button', () => {
    expect([...CARD_VERBS].filter((verb) => !found.execute.has(verb))).toEqual([]);
  });

  it('every dialog form submits a verb that a dialog table routes (task/submit or the extension’s submitAction)', () => {
    const routed: readonly unknown[] = [...DIALOG_SUBMIT_VERBS, ...ACTION_COMMAND_IDS];
    expect(found.submit.size).toBeGreaterThan(0);
    expect([...found.submit].filter((verb) => !routed.includes(verb))).toEqual([]);
  });

  it.each(['__proto__', 'toString', 'constructor', 'hasOwnProperty', '', 'RSVP', 42, undefined, null])(
    'a verb from the wire like %p is none of them',
    (verb) => {
      expect(isCardVerb(verb)).toBe(false);
    },
  );
});
