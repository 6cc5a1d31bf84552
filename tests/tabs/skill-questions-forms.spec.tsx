import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { CreateSessionResponse, LearningRequestView, UnknownSkillView } from '../../bot/src/api/contract';
import PlanSessionView from '../../tabs/src/features/plan/plan-session';
import { LearningRequests } from '../../tabs/src/features/requests/learning-requests';
import { axeViolations } from '../support/tab/axe-jsdom';
import { createFakeService, json } from '../support/tab/fake-service';
import { TAB_NOW, pairing, teamId } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';

// Issue #12: the plan form and the "ask to learn" form ask "did you mean Docker?" under the skills
// field after a 400 unknownSkill, as the profile and the tip form do; a skill kept as new is sent in newSkills.
const sessions = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;
const requests = `/api/v1/teams/${encodeURIComponent(teamId)}/requests`;
const now = () => new Date(TAB_NOW);

afterEach(() => window.sessionStorage.clear());

const unknownSkill = (unknown: readonly UnknownSkillView[]) =>
  json(400, {
    error: {
      code: 'unknownSkill',
      message: 'Not a known skill.',
      fields: Object.fromEntries(unknown.map((u) => [u.field, 'unknownSkill'])),
      problems: [...new Set(unknown.map((u) => u.field))].map((field) => ({ field, code: 'unknownSkill' })),
      unknownSkills: unknown,
    },
  });

const words = {
  en: {
    save: 'Save session',
    skills: /Skills/,
    didYouMean: '“Dokcer” is not a skill PeerLearn knows yet. Did you mean:',
    unknown: '“Vouwkunst” is not a skill PeerLearn knows yet.',
    use: 'Use Docker',
    keep: 'Keep “Vouwkunst” as a new skill',
    ask: 'Ask',
    learn: /What do you want to learn/,
    pyhton: '“Pyhton” is not a skill PeerLearn knows yet. Did you mean:',
    usePython: 'Use Python',
    keepPyhton: 'Keep “Pyhton” as a new skill',
  },
  nl: {
    save: 'Sessie opslaan',
    skills: /Vaardigheden/,
    didYouMean: '“Dokcer” kent PeerLearn nog niet als vaardigheid. Bedoelde je:',
    unknown: '“Vouwkunst” kent PeerLearn nog niet als vaardigheid.',
    use: 'Docker gebruiken',
    keep: '“Vouwkunst” houden als nieuwe vaardigheid',
    ask: 'Vragen',
    learn: /Wat wil je leren/,
    pyhton: '“Pyhton” kent PeerLearn nog niet als vaardigheid. Bedoelde je:',
    usePython: 'Python gebruiken',
    keepPyhton: '“Pyhton” houden als nieuwe vaardigheid',
  },
} as const;

describe.each(['en', 'nl'] as const)('the plan form in %s', (language) => {
  const w = words[language];

  it('asks under the skills field; one click takes the suggestion, another keeps a skill as new; the save sends newSkills', async () => {
    window.sessionStorage.setItem(
      `peerlearn.draft.${teamId}.new`,
      JSON.stringify({ title: 'Containers', date: '2026-12-08', time: '14:30', duration: '60', skills: 'Dokcer, Excel, Vouwkunst' }),
    );
    const service = createFakeService({
      [`POST ${sessions}`]: (_c, nth) =>
        nth === 0
          ? unknownSkill([
              { field: 'skills', index: 0, skill: 'Dokcer', suggestions: ['Docker'] },
              { field: 'skills', index: 2, skill: 'Vouwkunst', suggestions: [] },
            ])
          : json(201, { sessions: [{ ...pairing, sessionId: 's-new' }] } satisfies CreateSessionResponse),
    });
    const saved: string[] = [];
    const { container } = await renderView(
      <PlanSessionView api={apiFor(service.fetch)} teamId={teamId} onSaved={(id) => saved.push(id)} onCancel={() => undefined} now={now} />,
      language,
    );
    fireEvent.click(await screen.findByRole('button', { name: w.save }));
    expect(await screen.findByText(w.didYouMean)).toBeTruthy();
    expect(screen.getByText(w.unknown)).toBeTruthy();
    // The question is the answer: no generic "not saved" alert beside it.
    expect(screen.queryAllByRole('alert')).toEqual([]);
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: w.use }));
    expect((screen.getByRole('textbox', { name: w.skills }) as HTMLInputElement).value).toBe('Docker, Excel, Vouwkunst');
    fireEvent.click(screen.getByRole('button', { name: w.keep }));
    expect(screen.queryByText(w.unknown)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: w.save }));
    await waitFor(() => expect(saved).toEqual(['s-new']));
    expect(service.callsTo('POST', sessions)[1]?.body).toMatchObject({
      skills: ['Docker', 'Excel', 'Vouwkunst'],
      newSkills: ['Vouwkunst'],
    });
  });
});

describe.each(['en', 'nl'] as const)('the "ask to learn" form in %s', (language) => {
  const w = words[language];
  const created: LearningRequestView = {
    requestId: 'r-py',
    teamId,
    skill: 'Pyhton',
    status: 'open',
    votes: 1,
    voted: true,
    author: { userId: 'u-anna', displayName: 'Anna de Vries' },
    isAuthor: true,
    experts: [],
    canClose: true,
    canHandBack: false,
    createdAt: TAB_NOW.toISOString(),
  };

  it('asks "did you mean Python?" under the field; keeping the typed skill sends it in newSkills', async () => {
    const service = createFakeService({
      [`GET ${requests}`]: () => json(200, { teamId, requests: [] }),
      'GET /api/v1/skills/suggest': () => json(200, { query: '', suggestions: [] }),
      [`POST ${requests}`]: (_c, nth) =>
        nth === 0
          ? unknownSkill([{ field: 'skill', index: 0, skill: 'Pyhton', suggestions: ['Python'] }])
          : json(201, { created: true, request: created }),
    });
    const { container } = await renderView(<LearningRequests api={apiFor(service.fetch)} teamId={teamId} />, language);
    fireEvent.change(await screen.findByRole('combobox', { name: w.learn }), { target: { value: 'Pyhton' } });
    fireEvent.click(screen.getByRole('button', { name: w.ask }));
    expect(await screen.findByText(w.pyhton)).toBeTruthy();
    expect(screen.getByRole('button', { name: w.usePython })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: w.keepPyhton }));
    fireEvent.click(screen.getByRole('button', { name: w.ask }));
    await waitFor(() => expect(service.callsTo('POST', requests)).toHaveLength(2));
    expect(service.callsTo('POST', requests)[1]?.body).toEqual({ skill: 'Pyhton', newSkills: ['Pyhton'] });
  });

  it('taking the suggestion puts the known name in the field', async () => {
    const service = createFakeService({
      [`GET ${requests}`]: () => json(200, { teamId, requests: [] }),
      'GET /api/v1/skills/suggest': () => json(200, { query: '', suggestions: [] }),
      [`POST ${requests}`]: () => unknownSkill([{ field: 'skill', index: 0, skill: 'Pyhton', suggestions: ['Python'] }]),
    });
    await renderView(<LearningRequests api={apiFor(service.fetch)} teamId={teamId} />, language);
    const field = await screen.findByRole('combobox', { name: w.learn });
    fireEvent.change(field, { target: { value: 'Pyhton' } });
    fireEvent.click(screen.getByRole('button', { name: w.ask }));
    fireEvent.click(await screen.findByRole('button', { name: w.usePython }));
    expect((field as HTMLInputElement).value).toBe('Python');
    expect(screen.queryByText(w.pyhton)).toBeNull();
  });
});
