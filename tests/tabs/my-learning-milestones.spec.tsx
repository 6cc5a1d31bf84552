import { screen, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import type { MyLearningResponse } from '../../bot/src/api/contract';
import MyLearningView from '../../tabs/src/features/my-learning/my-learning';
import type { AppLanguage } from '../../tabs/src/shared/locale';
import { axeViolations } from '../support/tab/axe-jsdom';
import { createFakeService, json } from '../support/tab/fake-service';
import { me, teamId } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';

/** Issue #12: My learning lists the milestones I reached, in nl and en; nothing is shown before the first one. */
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

const learning = (milestones?: MyLearningResponse['milestones']): MyLearningResponse => ({
  attended: [],
  taught: [],
  skills: [],
  kudosReceived: [],
  goals: [],
  streak: { weeks: 0, current: false, longest: 0 },
  buddies: [],
  apply: [],
  ...(milestones ? { milestones } : {}),
});

const serviceWith = (body: MyLearningResponse) =>
  createFakeService({
    'GET /api/v1/me': () => json(200, me([])),
    'GET /api/v1/me/learning': () => json(200, body),
  });

const reached = learning([
  { teamId, teamName: 'Platform Team', milestone: 'attended5', reachedAt: ago(2) },
  { teamId, teamName: 'Platform Team', milestone: 'taught1', reachedAt: ago(30) },
]);

const EXPECTED: Record<AppLanguage, { title: string; items: string[]; busy: string }> = {
  en: { title: 'My milestones', items: ['5 sessions attended', 'First session taught'], busy: 'My streak' },
  nl: { title: 'Mijn mijlpalen', items: ['5 sessies bijgewoond', 'Eerste sessie gegeven'], busy: 'Mijn reeks' },
};

describe('my milestones', () => {
  it.each<AppLanguage>(['en', 'nl'])('lists them newest first with team and day (%s), axe clean', async (language) => {
    const { container } = await renderView(<MyLearningView api={apiFor(serviceWith(reached).fetch)} locale={language} />, language);
    const region = await screen.findByRole('region', { name: EXPECTED[language].title });
    const items = within(region).getAllByRole('listitem');
    expect(items.map((li) => li.firstChild?.textContent)).toEqual(EXPECTED[language].items);
    expect(items[0]?.textContent).toContain('Platform Team · ');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows no section before the first milestone', async () => {
    await renderView(<MyLearningView api={apiFor(serviceWith(learning()).fetch)} locale="en" />);
    await screen.findByRole('region', { name: EXPECTED.en.busy });
    expect(screen.queryByRole('region', { name: EXPECTED.en.title })).toBeNull();
  });
});
