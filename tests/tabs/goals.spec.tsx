import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import type { ApiError, GoalProgress, GoalsResponse } from '../../bot/src/api/contract';
import { GoalsBoardCard } from '../../tabs/src/features/goals/goals-board-card';
import GoalsSettingsSection from '../../tabs/src/features/goals/goals-settings-section';
import type { AppLanguage } from '../../tabs/src/shared/locale';
import { axeViolations } from '../support/tab/axe-jsdom';
import { createFakeService, json } from '../support/tab/fake-service';
import type { Handler } from '../support/tab/fake-service';
import { teamId } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';

const goalsPath = `/api/v1/teams/${encodeURIComponent(teamId)}/goals`;
const NOW = new Date();
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();
const due = `${NOW.getUTCFullYear() + 1}-03-31`;

const sessionsGoal: GoalProgress = {
  goal: { goalId: 'g1', kind: 'sessions', target: 2, period: 'month' },
  value: 1,
  target: 2,
  from: inDays(-10),
  to: inDays(20),
  met: false,
  daysLeft: 19,
};
const skillGoal: GoalProgress = {
  goal: { goalId: 'g2', kind: 'skillCoverage', target: 3, skill: 'Kubernetes', due },
  value: 3,
  target: 3,
  from: inDays(0),
  to: inDays(100),
  met: true,
  daysLeft: 100,
};
const response = (overrides: Partial<GoalsResponse> = {}): GoalsResponse => ({
  goals: [sessionsGoal, skillGoal],
  canEdit: true,
  ...overrides,
});

function goalsService(initial: GoalsResponse, put?: Handler) {
  return createFakeService({
    [`GET ${goalsPath}`]: () => json(200, initial),
    [`PUT ${goalsPath}`]: put ?? (() => json(200, initial)),
  });
}

async function renderSection(service: ReturnType<typeof createFakeService>, language: AppLanguage = 'en') {
  const view = await renderView(
    <GoalsSettingsSection api={apiFor(service.fetch)} teamId={teamId} locale={language === 'nl' ? 'nl-NL' : 'en-GB'} />,
    language,
  );
  await screen.findByRole('heading', { level: 3, name: language === 'nl' ? 'Teamdoelen' : 'Team goals' });
  return view;
}

describe('settings → team goals', () => {
  it('an owner changes a target, adds a goal for a skill and saves the whole list', async () => {
    const service = goalsService(response());
    await renderSection(service);
    const first = within(await screen.findByRole('group', { name: 'Goal 1' }));
    expect((first.getByRole('combobox', { name: 'Kind of goal' }) as HTMLSelectElement).value).toBe('sessions');
    fireEvent.change(first.getByRole('spinbutton', { name: 'Target' }), { target: { value: '4' } });
    fireEvent.change(first.getByRole('combobox', { name: 'Each' }), { target: { value: 'quarter' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove goal 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a goal' }));
    const added = within(screen.getByRole('group', { name: 'Goal 2' }));
    fireEvent.change(added.getByRole('combobox', { name: 'Kind of goal' }), { target: { value: 'skillCoverage' } });
    fireEvent.change(added.getByRole('spinbutton', { name: 'Target' }), { target: { value: '2' } });
    fireEvent.change(added.getByRole('textbox', { name: 'Skill' }), { target: { value: 'Rust' } });
    fireEvent.change(added.getByLabelText('By (date)'), { target: { value: due } });
    fireEvent.click(screen.getByRole('button', { name: 'Save goals' }));
    expect((await screen.findByRole('status')).textContent).toBe('The goals are saved.');
    expect(service.callsTo('PUT', goalsPath).map((c) => c.body)).toEqual([
      {
        goals: [
          { goalId: 'g1', kind: 'sessions', target: 4, period: 'quarter' },
          { kind: 'skillCoverage', target: 2, skill: 'Rust', due },
        ],
      },
    ]);
  });

  it('the service’s problems show at their fields: a past due date, a target out of range', async () => {
    const refused: ApiError = {
      error: {
        code: 'invalid_insights',
        message: 'Some of the details are not right.',
        fields: { 'goals[0].target': 'x', 'goals[1].due': 'y' },
        problems: [
          { field: 'goals[0].target', code: 'outOfRange' },
          { field: 'goals[1].due', code: 'inPast' },
        ],
      },
    };
    await renderSection(goalsService(response(), () => json(400, refused)));
    fireEvent.click(await screen.findByRole('button', { name: 'Save goals' }));
    expect(await screen.findByText('Choose a number from 1 to 60.')).toBeTruthy();
    const first = within(screen.getByRole('group', { name: 'Goal 1' }));
    expect(first.getByRole('spinbutton', { name: 'Target' }).getAttribute('aria-invalid')).toBe('true');
    const second = within(screen.getByRole('group', { name: 'Goal 2' }));
    expect(second.getByText('This date is in the past.')).toBeTruthy();
    expect(second.getByLabelText('By (date)').getAttribute('aria-invalid')).toBe('true');
  });

  it('a member reads the goals with their progress and cannot change them', async () => {
    await renderSection(goalsService(response({ canEdit: false })));
    expect(await screen.findByText('2 sessions a month')).toBeTruthy();
    expect(screen.getByText('1 of 2 sessions · 19 days left')).toBeTruthy();
    expect(screen.getByText(/^3 people teach Kubernetes by /)).toBeTruthy();
    expect(screen.getByText('3 of 3 people · Reached')).toBeTruthy();
    expect(screen.getByText('The team’s owners set these goals.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save goals' })).toBeNull();
    expect(screen.queryByRole('spinbutton')).toBeNull();
  });

  it('speaks Dutch, and the editor has no axe violations', async () => {
    const { container } = await renderSection(goalsService(response()), 'nl');
    expect(await screen.findByRole('group', { name: 'Doel 1' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Doelen opslaan' })).toBeTruthy();
    expect(screen.getAllByRole('option', { name: 'Leden die meedoen (%)' })).toHaveLength(2);
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('the board’s goals card', () => {
  it('shows each goal with its progress bar and text; the owner gets a link to Settings', async () => {
    const service = goalsService(response());
    const { container } = await renderView(<GoalsBoardCard api={apiFor(service.fetch)} teamId={teamId} locale="en-GB" />);
    const card = within(await screen.findByTestId('goals-board-card'));
    expect(card.getByRole('heading', { level: 2, name: 'Team goals' })).toBeTruthy();
    const bars = card.getAllByRole('progressbar');
    expect(bars.map((b) => b.getAttribute('aria-valuetext'))).toEqual(['1 of 2 sessions', '3 of 3 people']);
    expect(card.getByRole('link', { name: 'Change the goals in Settings' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('a team without goals shows no card at all', async () => {
    const service = goalsService(response({ goals: [], canEdit: false }));
    await renderView(<GoalsBoardCard api={apiFor(service.fetch)} teamId={teamId} locale="nl-NL" />, 'nl');
    await waitFor(() => expect(service.callsTo('GET', goalsPath)).toHaveLength(1));
    // Let the answer render: still nothing, not even a heading.
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.queryByTestId('goals-board-card')).toBeNull();
    expect(screen.queryByRole('heading')).toBeNull();
  });
});
