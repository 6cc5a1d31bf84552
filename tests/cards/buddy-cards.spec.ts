import { describe, expect, it } from '@jest/globals';
import { buddyIntroCard, buddyIntroSummary, meetingDeepLink } from '../../bot/src/cards/buddies/buddy-intro-card';
import { buddyMetCard, buddyMetCardFor } from '../../bot/src/cards/buddies/buddy-met-card';
import { buddyStatusCard, buddyTeamChoiceCard } from '../../bot/src/cards/buddies/buddy-status-card';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import { ORGANISATION_POOL } from '../../bot/src/domain/buddies/buddy';
import type { BuddyIntroduction, BuddyStatus } from '../../bot/src/domain/buddies/buddy-service-contract';
import { FORMER_COLLEAGUE_ID } from '../../bot/src/domain/shared/person';
import type { Locale } from '../../bot/src/domain/shared/person';
import { renderCard } from '../support/render-card';

const NOW = new Date();
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();
const TEAM = '19:team@thread.tacv2';

function check(card: AdaptiveCard, contains: readonly string[]): string {
  const rendered = renderCard(card);
  expect(rendered.errors).toEqual([]);
  expect(rendered.bytes).toBeLessThan(20 * 1024);
  for (const text of contains) expect(rendered.text).toContain(text);
  return rendered.text;
}

const verbs = (card: AdaptiveCard) => (card.actions ?? []).map((a) => (a.type === 'Action.Execute' ? a.verb : a.type));

function intro(locale: Locale, overrides: Partial<BuddyIntroduction> = {}): BuddyIntroduction {
  return {
    tenantId: 't',
    poolId: TEAM,
    roundId: `sched-${inDays(-7)}`,
    userId: 'sanne',
    locale,
    teamName: 'Data & Analytics',
    timeZone: 'Europe/Amsterdam',
    buddies: [{ userId: 'noor', displayName: 'Noor' }],
    reason: {
      teaches: [
        { from: 'noor', to: 'sanne', skill: 'powerbi', level: 3 },
        { from: 'sanne', to: 'noor', skill: 'kintsugi', level: 2 },
      ],
      sharedLanguages: ['nl', 'en'],
      sharedDays: ['tue', 'thu'],
      sharedModes: ['online'],
    },
    firstTopic: 'powerbi',
    endsAt: inDays(7),
    ...overrides,
  };
}

describe.each(['en', 'nl'] as Locale[])('buddy cards in %s', (locale) => {
  const t = (en: string, nl: string) => (locale === 'en' ? en : nl);

  it('the introduction names the buddy, words the reason both ways (a catalogue skill by its name), and offers a first topic and a chat', () => {
    const start = new Date(NOW.getTime() + 2 * 86_400_000);
    const card = buddyIntroCard({ intro: intro(locale), chatStart: start, calendarUrl: 'https://pl.example/api/v1/buddies/chat.ics?x=1' });
    check(card, [
      t('Meet your learning buddy', 'Maak kennis met je leerbuddy'),
      t('Noor can teach you Power BI; you can teach Noor kintsugi', 'Noor kan je Power BI leren; jij kunt Noor kintsugi leren'),
      t('Tuesday, Thursday', 'dinsdag, donderdag'),
      'online',
      t('A first topic: Power BI', 'Een eerste onderwerp: Power BI'),
      'Data & Analytics',
    ]);
    expect(verbs(card)).toEqual(['Action.OpenUrl', 'Action.OpenUrl', 'buddySkip', 'buddyLeave']);
    const plan = card.actions?.[0];
    expect(plan?.type === 'Action.OpenUrl' && plan.title).toBe(t('Plan a 30-minute chat', 'Plan een gesprek van 30 minuten'));
    const url = new URL(plan?.type === 'Action.OpenUrl' ? plan.url : '');
    expect(url.origin + url.pathname).toBe('https://teams.microsoft.com/l/meeting/new');
    expect(url.searchParams.get('subject')).toBe(t('Learning buddies: Noor', 'Leerbuddy’s: Noor'));
    expect(url.searchParams.get('startTime')).toBe(start.toISOString());
    expect(new Date(url.searchParams.get('endTime') ?? '').getTime() - start.getTime()).toBe(30 * 60_000);
    // No email in the buddy's profile: no attendees rather than wrong ones (Entra object ids are not UPNs).
    expect(url.searchParams.has('attendees')).toBe(false);
    expect(buddyIntroSummary(intro(locale))).toBe(t('Your learning buddy this round: Noor', 'Je leerbuddy deze ronde: Noor'));
  });

  it("the chat invites the buddies whose profile has an email, and names shared languages in the reader's words", () => {
    const card = buddyIntroCard({
      intro: intro(locale, {
        buddies: [
          { userId: 'noor', displayName: 'Noor', email: 'noor@contoso.example' },
          { userId: 'ann', displayName: 'Ann' },
          { userId: 'eve', displayName: 'Eve', email: 'eve@contoso.example,mallory@evil.example' },
        ],
      }),
      chatStart: new Date(NOW.getTime() + 86_400_000),
    });
    check(card, [t('Dutch, English', 'Nederlands, Engels')]);
    const plan = card.actions?.[0];
    const url = new URL(plan?.type === 'Action.OpenUrl' ? plan.url : '');
    // Only well-formed single addresses: a comma inside one cannot add a second attendee.
    expect(url.searchParams.get('attendees')).toBe('noor@contoso.example');
  });

  it("a skill outside the catalogue reads as the pair's profiles spell it, not as its key", () => {
    const card = buddyIntroCard({
      intro: intro(locale, {
        reason: {
          teaches: [{ from: 'noor', to: 'sanne', skill: 'changemanagement', level: 2 }],
          sharedLanguages: [],
          sharedDays: [],
          sharedModes: [],
        },
        firstTopic: 'changemanagement',
        skillNames: { changemanagement: 'Change management' },
      }),
    });
    const text = check(card, [t('Noor can teach you Change management', 'Noor kan je Change management leren')]);
    expect(text).not.toContain('changemanagement');
  });

  it('a trio names both, and a match between the other two names them; an erased buddy is a former colleague', () => {
    const trio = intro(locale, {
      buddies: [
        { userId: 'noor', displayName: 'Noor' },
        { userId: FORMER_COLLEAGUE_ID, displayName: '' },
      ],
      reason: {
        teaches: [{ from: 'noor', to: FORMER_COLLEAGUE_ID, skill: 'SQL', level: 2 }],
        sharedLanguages: [],
        sharedDays: [],
        sharedModes: [],
      },
    });
    check(buddyIntroCard({ intro: trio }), [
      t('Meet your learning buddies', 'Maak kennis met je leerbuddy’s'),
      t('Noor and a former colleague', 'Noor en een voormalige collega'),
      t('Noor can teach a former colleague SQL', 'Noor kan een voormalige collega SQL leren'),
    ]);
  });

  it('without a shared skill it says so; the tenant pool offers "only within this team" instead of stop and skip', () => {
    const card = buddyIntroCard({
      intro: intro(locale, {
        poolId: ORGANISATION_POOL,
        reason: { teaches: [], sharedLanguages: [], sharedDays: [], sharedModes: [] },
      }),
    });
    check(card, [t('No skills in common yet', 'Nog geen vaardigheden gemeen'), t('across the organisation', 'in de hele organisatie')]);
    expect(verbs(card)).toEqual(['Action.OpenUrl', 'buddyAcross']);
    expect(JSON.stringify(card.actions?.[1])).toContain('"across":false');
  });

  it('typed names, team names and skills stay text, never Markdown or links', () => {
    const forged = intro(locale, {
      teamName: '[Verify](https://evil.example)',
      buddies: [{ userId: 'noor', displayName: '**Noor** <at>all</at>' }],
      reason: {
        teaches: [{ from: 'noor', to: 'sanne', skill: '[click](https://evil.example)', level: 1 }],
        sharedLanguages: ['_x_'],
        sharedDays: [],
        sharedModes: [],
      },
      firstTopic: '# heading',
    });
    const rendered = renderCard(buddyIntroCard({ intro: forged }));
    expect(rendered.errors).toEqual([]);
    expect(rendered.element?.querySelector('a, em, h1')).toBeNull();
    expect(rendered.text).toContain('[Verify](https://evil.example)');
    expect(rendered.text).toContain('**Noor** <at>all</at>');
    expect(rendered.text).toContain('# heading');
    expect(meetingDeepLink('a&b=c #x', 'd', undefined)).toBe(
      'https://teams.microsoft.com/l/meeting/new?subject=a%26b%3Dc%20%23x&content=d',
    );
  });

  it('"did you meet?" offers three answers with the round; answered, it marks the choice and says it', () => {
    const first = buddyMetCardFor(intro(locale));
    check(first, [t('Did you meet?', 'Hebben jullie afgesproken?'), 'Noor']);
    expect(first.actions?.map((a) => (a.type === 'Action.Execute' ? a.data : undefined))).toEqual(
      ['yes', 'notYet', 'wont'].map((answer) => ({ poolId: TEAM, roundId: intro(locale).roundId, answer })),
    );
    const answered = buddyMetCard({ poolId: TEAM, roundId: 'r', buddies: [], answer: 'notYet' }, locale);
    check(answered, [t('You answered: not yet.', 'Je antwoord: nog niet.')]);
    const titles = answered.actions?.map((a) => a.title);
    expect(titles).toEqual([t('Yes', 'Ja'), `✓ ${t('Not yet', 'Nog niet')}`, t('We won’t', 'Dat gaat niet lukken')]);
    expect(answered.actions?.[1]).toMatchObject({ style: 'positive' });
  });

  const status = (overrides: Partial<BuddyStatus> = {}): BuddyStatus => ({
    teamId: TEAM,
    optIn: true,
    skipNext: false,
    availability: { days: ['mon'], modes: ['online'] },
    acrossOrganisation: false,
    nextRoundAt: inDays(3),
    current: [
      {
        poolId: TEAM,
        roundId: 'r',
        startedAt: inDays(-1),
        endsAt: inDays(13),
        buddies: [{ userId: 'noor', displayName: 'Noor' }],
        reason: intro(locale).reason,
      },
    ],
    ...overrides,
  });

  it('the status card: in, the current buddy, and buttons to skip, widen and stop; out, one button to join', () => {
    const inCard = buddyStatusCard({ status: status(), teamName: 'Data', timeZone: 'Europe/Amsterdam' }, locale);
    check(inCard, [t('You take part', 'Je doet mee'), t('Your buddy now: Noor', 'Je buddy nu: Noor'), t('Next round', 'Volgende ronde')]);
    expect(verbs(inCard)).toEqual(['buddySkip', 'buddyAcross', 'buddyLeave']);
    expect(inCard.actions?.[0]).toMatchObject({ data: { poolId: TEAM, skipNext: true } });
    const skipping = buddyStatusCard(
      { status: status({ skipNext: true, acrossOrganisation: true }), teamName: 'Data', timeZone: 'UTC' },
      locale,
    );
    check(skipping, [
      t('You skip the next round', 'Je slaat de volgende ronde over'),
      t('across the organisation', 'in de hele organisatie'),
    ]);
    expect(skipping.actions?.[0]).toMatchObject({ data: { skipNext: false } });
    expect(skipping.actions?.[1]).toMatchObject({ data: { across: false } });
    const out = buddyStatusCard({ status: status({ optIn: false, current: [] }), teamName: '', timeZone: 'UTC' }, locale);
    check(out, [t('You do not take part', 'Je doet niet mee'), t('no buddy', 'geen buddy')]);
    expect(verbs(out)).toEqual(['buddyJoin']);
  });

  it('the team choice: one button per team with the command’s verb, names as typed', () => {
    const card = buddyTeamChoiceCard(
      [
        { teamId: 'a', name: 'Alpha **team**' },
        { teamId: 'b', name: 'Beta' },
      ],
      'buddySkip',
      locale,
    );
    check(card, [t('Which team?', 'Welk team?'), 'Alpha **team**', 'Beta']);
    const buttons = card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : []));
    expect(buttons).toEqual([
      { type: 'Action.Execute', title: 'Alpha **team**', verb: 'buddySkip', data: { poolId: 'a', skipNext: true } },
      { type: 'Action.Execute', title: 'Beta', verb: 'buddySkip', data: { poolId: 'b', skipNext: true } },
    ]);
  });
});
