import { describe, expect, it } from '@jest/globals';
import { expertCard, expertsCard } from '../../bot/src/cards/experts/expert-cards';
import { profileCard } from '../../bot/src/cards/experts/profile-card';
import { kudosCard } from '../../bot/src/cards/kudos/kudos-card';
import { learningRequestCard } from '../../bot/src/cards/requests/learning-request-card';
import { feedbackCard, feedbackSummaryCard } from '../../bot/src/cards/sessions/feedback-cards';
import { sessionInviteCard } from '../../bot/src/cards/sessions/session-invite-card';
import { mySessionsCard, personNoticeCard, reminderCard } from '../../bot/src/cards/sessions/session-notice-cards';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import { escapeCardMarkdown } from '../../bot/src/cards/shared/user-text';
import { tipCard } from '../../bot/src/cards/tips/tip-card';
import type { ExpertHit } from '../../bot/src/domain/experts/expert-index';
import { newLearningRequest } from '../../bot/src/domain/requests/learning-request';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import { renderCardMarkdown } from '../support/card-markdown';
import { renderCard } from '../support/render-card';

// Issue #11: a session titled like this was posted by the bot into the channel as a working link.
const PHISH = '[Urgent: re-verify your account](https://evil.example/login)';
// Everything else Markdown could make of user text: emphasis, headings, lists, mentions, entities, code.
const FORGERIES = [
  PHISH,
  '**Official** notice from _IT_ ~~old~~ `code`',
  '# Heading',
  '- list item',
  '1. numbered',
  '2) numbered',
  '> quoted',
  '<at>Megan Bowen</at> &lt;at&gt;CEO&lt;/at&gt; &#60;b&#62; \\[not a link\\](x)',
  '![image](https://evil.example/pixel.png)',
];
const NOW = new Date('2026-11-27T12:00:00.000Z');
const TZ = 'Europe/Amsterdam';

function session(title: string, overrides: Partial<LearningSession> = {}): LearningSession {
  return {
    tenantId: 't',
    teamId: 'team',
    sessionId: 's1',
    title,
    description: title,
    skills: [title.slice(0, 50)],
    format: 'talk',
    startsAt: '2026-12-03T13:00:00.000Z',
    durationMinutes: 60,
    place: title,
    capacity: null,
    hostId: 'host',
    teacherIds: ['teacher'],
    discussionLeaderId: 'leader',
    status: 'scheduled',
    openToOrganisation: false,
    counts: { yes: 1, maybe: 0, no: 0 },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

function expert(text: string): ExpertHit {
  return {
    userId: 'e',
    displayName: text,
    match: 'skill',
    skill: { name: text.slice(0, 60), level: 3, endorsements: 1 },
    sessionsTaught: 1,
    teaches: [{ name: text.slice(0, 60), level: 3, endorsements: 1 }],
    languages: [text.slice(0, 40)],
    availability: text,
  };
}

/** Every card that shows a title (or a name, a note, a bio…) people typed, built from `text`. */
const cards: [string, (text: string) => AdaptiveCard][] = [
  [
    'invite',
    (text) =>
      sessionInviteCard(
        {
          session: session(text),
          names: new Map([
            ['host', text],
            ['teacher', text],
            ['leader', text],
          ]),
          timeZone: TZ,
          calendarUrl: 'https://peerlearn.example/calendar.ics',
          recentResponders: [],
          now: NOW,
        },
        { userId: 'host' },
        'en',
      ),
  ],
  ['reminder', (text) => reminderCard(session(text), 60, 'en', TZ)],
  ['promoted notice', (text) => personNoticeCard('waitlistPromoted', session(text), 'en', TZ)],
  ['cancelled notice', (text) => personNoticeCard('sessionCancelled', session(text), 'nl', TZ)],
  ['my sessions', (text) => mySessionsCard([{ session: session(text), role: 'host' }], 'en', TZ)],
  ['feedback', (text) => feedbackCard(session(text), 'en', TZ)],
  [
    'feedback summary',
    (text) => feedbackSummaryCard(session(text), { responses: 1, averageRating: 5, learnedSomethingNew: 1, willApply: [text] }, 'en'),
  ],
  [
    'kudos',
    (text) =>
      kudosCard(
        {
          kudos: {
            tenantId: 't',
            teamId: 'team',
            kudosId: 'k',
            fromUserId: 'a',
            toUserId: 'b',
            message: text,
            createdAt: NOW.toISOString(),
          },
          fromName: text,
          toName: text,
          sessionTitle: text,
        },
        'en',
      ),
  ],
  ['tip', (text) => tipCard({ tip: { title: text, body: text, skills: [text.slice(0, 60)] }, authorName: text }, 'en')],
  [
    'learning request',
    (text) =>
      learningRequestCard(
        {
          request: newLearningRequest(
            { tenantId: 't', teamId: 'team', requestId: 'r', authorUserId: 'u' },
            { skill: text.slice(0, 60), note: text },
            NOW,
          ),
          authorName: text,
          created: true,
          experts: [text],
        },
        'en',
      ),
  ],
  [
    'profile',
    (text) =>
      profileCard(
        {
          displayName: text,
          teaches: [{ name: text.slice(0, 60), level: 2, endorsements: 1 }],
          wants: [text.slice(0, 60)],
          bio: text,
          languages: [text.slice(0, 40)],
          availability: text,
          celebrateMilestones: true,
          requestAlerts: true,
        },
        'en',
        { normalised: [{ from: text, to: text.slice(0, 60) }] },
      ),
  ],
  ['expert', (text) => expertCard(expert(text), 'en')],
  ['who knows', (text) => expertsCard(text, [expert(text)], 'en', false)],
];

/** The rendered card's text with Teams' Markdown applied, and the elements Markdown made. */
function rendered(card: AdaptiveCard) {
  const result = renderCard(card);
  expect(result.errors).toEqual([]);
  const element = result.element;
  if (!element) throw new Error('card did not render');
  const made = [...element.querySelectorAll('a, strong, em, del, code, h1, h2, h3, h4, h5, h6, ul, ol, li, blockquote, at, b, img')];
  const entities = [...element.querySelectorAll('[data-md="entity"]')];
  return {
    text: result.text,
    made: made.map((e) => e.outerHTML),
    tags: made.map((e) => e.tagName),
    entities: entities.map((e) => e.textContent),
  };
}

describe('user text in cards renders as typed, never as Markdown (issue #11)', () => {
  it('the test renderer does turn Markdown into elements (so the checks below can fail)', () => {
    expect(renderCardMarkdown(PHISH)).toBe('<p><a href="https://evil.example/login">Urgent: re-verify your account</a></p>');
    for (const forgery of FORGERIES.slice(1, 8)) expect(renderCardMarkdown(forgery)).toMatch(/<(strong|h1|ul|ol|blockquote|at)>/);
    expect(renderCardMarkdown('**help**')).toBe('<p><strong>help</strong></p>');
  });

  it.each(cards)('%s card: the phishing title is plain text, no link', (_name, build) => {
    const { text, made } = rendered(build(PHISH));
    expect(text).toContain(PHISH);
    expect(made.filter((m) => m.includes('evil.example'))).toEqual([]);
    expect(made.filter((m) => m.startsWith('<a'))).toEqual([]);
  });

  it.each(cards)('%s card: emphasis, headings, lists, mentions and entities stay literal', (_name, build) => {
    // The card's own Markdown (e.g. a bold hint) is there with plain text too; user text adds nothing to it.
    const own = rendered(build('Plain words')).tags;
    for (const forgery of FORGERIES) {
      const { text, tags, entities } = rendered(build(forgery));
      // Clipping shortens some values; the shortest place a value is shown in full still shows it as typed.
      expect(text).toContain(forgery.slice(0, 40));
      expect(tags).toEqual(own);
      expect(entities).toEqual([]);
    }
  });

  it('escapes line starts on every line, and keeps wrap on the blocks', () => {
    const note = 'Intro\n# Heading\n  - item\n10. step\n===';
    const escaped = escapeCardMarkdown(note);
    expect(renderCardMarkdown(escaped)).toBe('<p>Intro</p><p># Heading</p><p>  - item</p><p>10. step</p><p>===</p>');
    const card = tipCard({ tip: { title: PHISH, body: note, skills: [] }, authorName: 'Ann' }, 'en');
    const blocks = card.body.filter((b) => b.type === 'TextBlock' && b.text !== '');
    expect(blocks.every((b) => b.type === 'TextBlock' && b.wrap === true)).toBe(true);
  });

  it('keeps the cards’ own Markdown', () => {
    const profile = cards.find(([name]) => name === 'profile')?.[1];
    if (!profile) throw new Error('no profile card');
    expect(rendered(profile(PHISH)).made).toContain('<strong>Edit profile</strong>');
  });
});
