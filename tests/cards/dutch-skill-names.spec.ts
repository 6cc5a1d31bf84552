import { describe, expect, it } from '@jest/globals';
import { expertCard, expertsCard } from '../../bot/src/cards/experts/expert-cards';
import { kudosCard } from '../../bot/src/cards/kudos/kudos-card';
import { learningRequestCard } from '../../bot/src/cards/requests/learning-request-card';
import { requestPlannedCard } from '../../bot/src/cards/requests/request-planned-card';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import { sessionInviteCard } from '../../bot/src/cards/sessions/session-invite-card';
import type { InviteView } from '../../bot/src/cards/sessions/session-invite-card';
import { tipCard } from '../../bot/src/cards/tips/tip-card';
import type { ExpertHit } from '../../bot/src/domain/experts/expert-index';
import { newLearningRequest } from '../../bot/src/domain/requests/learning-request';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import type { Locale } from '../../bot/src/domain/shared/person';
import { renderCard } from '../support/render-card';

// Issue #12 item 5: a skill with a Dutch display name reads in Dutch on every card a Dutch reader gets
// ("Presenting" → "Presenteren", "Facilitation" → "Faciliteren"); a skill without one (Excel) as stored.
const NOW = new Date();
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

const hit: ExpertHit = {
  userId: 'u1',
  displayName: 'Megan Bowen',
  match: 'skill',
  quality: 'exact',
  skill: { name: 'Presenting', level: 3, endorsements: 2 },
  sessionsTaught: 1,
  teaches: [
    { name: 'Presenting', level: 3, endorsements: 2 },
    { name: 'Excel', level: 2, endorsements: 0 },
  ],
  languages: ['Nederlands'],
  availability: '',
};

const session: LearningSession = {
  tenantId: 't',
  teamId: '19:team@thread.tacv2',
  sessionId: 's1',
  title: 'Pitch in 5 minuten',
  description: '',
  skills: ['Presenting', 'Facilitation', 'Excel'],
  format: 'workshop',
  startsAt: inDays(3),
  durationMinutes: 60,
  capacity: null,
  channelId: '19:team@thread.tacv2',
  hostId: 'host',
  teacherIds: [],
  status: 'scheduled',
  openToOrganisation: false,
  counts: { yes: 1, maybe: 0, no: 0 },
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
};
const invite: InviteView = {
  session,
  names: new Map([['host', 'Hanna de Host']]),
  timeZone: 'Europe/Amsterdam',
  calendarUrl: 'https://pl.example/api/v1/teams/x/sessions/s1/calendar.ics?tenant=t&token=abcdefghijklmnopqrstuvwxyz',
  recentResponders: [],
  now: NOW,
};
const request = {
  ...newLearningRequest({ tenantId: 't', teamId: 'team', requestId: 'r', authorUserId: 'u' }, { skill: 'Presenting' }, NOW),
  votes: 1,
};

const cards: Record<string, (locale: Locale) => AdaptiveCard> = {
  'expert card (findExpert result)': (locale) => expertCard(hit, locale),
  '“who knows” answer': (locale) => expertsCard('presenting', [hit], locale, false),
  'session invite': (locale) => sessionInviteCard(invite, undefined, locale),
  'learning request': (locale) => learningRequestCard({ request, authorName: 'Cleo', created: true, experts: [] }, locale),
  'request planned': (locale) => requestPlannedCard({ ...invite, skill: 'Presenting', plannerName: 'Hanna' }, locale),
  tip: (locale) =>
    tipCard({ tip: { title: 'Pitch tips', body: 'Begin met de vraag.', skills: ['Presenting', 'Excel'] }, authorName: 'Sanne' }, locale),
  kudos: (locale) =>
    kudosCard(
      {
        kudos: {
          tenantId: 't',
          teamId: 'x',
          kudosId: 'k',
          fromUserId: 'a',
          toUserId: 'b',
          message: 'Dank!',
          skill: 'Presenting',
          createdAt: NOW.toISOString(),
        },
        fromName: 'Ann',
        toName: 'Bob',
      },
      locale,
    ),
};

describe.each(Object.entries(cards))('%s', (_name, build) => {
  it('shows a Dutch reader the Dutch name, never the English one', () => {
    const rendered = renderCard(build('nl'));
    expect(rendered.errors).toEqual([]);
    expect(rendered.text).toContain('Presenteren');
    expect(rendered.text).not.toContain('Presenting');
  });

  it('shows an English reader the name as stored', () => {
    const rendered = renderCard(build('en'));
    expect(rendered.text).toContain('Presenting');
    expect(rendered.text).not.toContain('Presenteren');
  });
});

describe('skills without a Dutch name', () => {
  it('keep their stored name on a Dutch card, beside the translated ones', () => {
    const rendered = renderCard(sessionInviteCard(invite, undefined, 'nl'));
    expect(rendered.text).toContain('Presenteren, Faciliteren, Excel');
  });
});
