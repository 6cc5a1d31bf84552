import { describe, expect, it } from '@jest/globals';
import { nudgeCard, nudgeSummary } from '../../bot/src/cards/insights/nudge-card';
import type { AdaptiveCard, CardElement, ExecuteAction } from '../../bot/src/cards/shared/adaptive-card';
import type { NudgeContent } from '../../bot/src/domain/insights/nudge-service';
import type { Locale } from '../../bot/src/domain/shared/person';
import { renderCard } from '../support/render-card';
import { session } from '../support/storage/fixtures';

const NOW = Date.now();
const inDays = (days: number) => new Date(NOW + days * 86_400_000).toISOString();
const TEAM = '19:team@thread.tacv2';
const TAB = 'https://pl.example/?view=my-learning';

function content(locale: Locale, overrides: Partial<NudgeContent> = {}): NudgeContent {
  return {
    userId: 'sanne',
    locale,
    teamName: 'Data & Analytics',
    timeZone: 'Europe/Amsterdam',
    matched: true,
    sessions: [
      session('t', TEAM, 's1', { title: 'Kubernetes from zero', skills: ['Kubernetes'], startsAt: inDays(2) }),
      session('t', TEAM, 's2', { title: 'Helm charts', skills: ['Kubernetes', 'Helm'], startsAt: inDays(5) }),
    ],
    ...overrides,
  };
}

const executes = (items: readonly CardElement[]): ExecuteAction[] =>
  items.flatMap((e) =>
    e.type === 'Container'
      ? executes(e.items)
      : e.type === 'ActionSet'
        ? e.actions.filter((a): a is ExecuteAction => a.type === 'Action.Execute')
        : [],
  );

function check(card: AdaptiveCard, contains: readonly string[]): string {
  const rendered = renderCard(card);
  expect(rendered.errors).toEqual([]);
  expect(rendered.bytes).toBeLessThan(20 * 1024);
  for (const text of contains) expect(rendered.text).toContain(text);
  return rendered.text;
}

describe('the nudge card', () => {
  it('English: friendly title, the team, each session with an rsvp button the invite handler accepts, a link to the tab', () => {
    const card = nudgeCard(content('en'), TAB);
    const text = check(card, [
      'There’s a session coming up you might like',
      'Data & Analytics',
      'Kubernetes from zero',
      'Helm charts',
      'I’ll join',
    ]);
    expect(text).not.toMatch(/quiet|inactive|owner/i);
    expect(executes(card.body)).toEqual([
      expect.objectContaining({ verb: 'rsvp', data: { sessionId: 's1', teamId: TEAM, response: 'yes' } }),
      expect.objectContaining({ verb: 'rsvp', data: { sessionId: 's2', teamId: TEAM, response: 'yes' } }),
    ]);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open PeerLearn', url: TAB }]);
    expect(nudgeSummary(content('en'))).toBe('A session coming up you might like: Kubernetes from zero');
  });

  it('Dutch, and the next sessions when none match what they want', () => {
    check(nudgeCard(content('nl', { matched: false }), TAB), [
      'Er komt een sessie aan die je misschien leuk vindt',
      'Dit komt er binnenkort aan in Data & Analytics:',
      'Ik doe mee',
      'PeerLearn openen',
    ]);
  });

  it('a title that looks like a link stays text', () => {
    const card = nudgeCard(
      content('en', { sessions: [session('t', TEAM, 's3', { title: '[Verify](https://evil.example)', startsAt: inDays(1) })] }),
      TAB,
    );
    const rendered = renderCard(card);
    expect(rendered.errors).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('[Verify](https://evil.example)');
  });
});
