import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import type { KudosChoicesResponse, KudosView, KudosWallResponse } from '../../bot/src/api/contract';
import { KudosWall } from '../../tabs/src/features/kudos/kudos-wall';
import type { AppLanguage } from '../../tabs/src/shared/locale';
import { axeViolations } from '../support/tab/axe-jsdom';
import { createFakeService, json } from '../support/tab/fake-service';
import type { Handler } from '../support/tab/fake-service';
import { teamId } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';

/** Issue #12: kudos from the tab, beside the wall; the service says who may be thanked and checks the rest. */
const path = `/api/v1/teams/${encodeURIComponent(teamId)}/kudos`;
const choices: KudosChoicesResponse = {
  teamId,
  people: [
    { userId: 'u-anna', displayName: 'Anna de Vries' },
    { userId: 'u-bram', displayName: 'Bram Jansen' },
  ],
};
const given: KudosView = {
  kudosId: 'k-new',
  from: { userId: 'u-me', displayName: 'Me' },
  to: { userId: 'u-bram', displayName: 'Bram Jansen' },
  message: 'Dank voor de hulp!',
  createdAt: new Date().toISOString(),
  skill: 'Excel',
};

function service(post: Handler) {
  let wall: KudosWallResponse = { teamId, kudos: [] };
  return createFakeService({
    [`GET ${path}`]: () => json(200, wall),
    [`GET ${path}/choices`]: () => json(200, choices),
    'GET /api/v1/skills/suggest': () => json(200, { query: '', suggestions: [] }),
    [`POST ${path}`]: async (call, nth) => {
      const answer = await post(call, nth);
      if (answer.status === 201) wall = { teamId, kudos: [given] };
      return answer;
    },
  });
}

async function openForm(fake: ReturnType<typeof service>, language: AppLanguage) {
  const view = await renderView(<KudosWall api={apiFor(fake.fetch)} teamId={teamId} locale={language} />, language);
  fireEvent.click(await screen.findByRole('button', { name: language === 'nl' ? 'Kudos geven' : 'Give kudos' }));
  const form = within(await screen.findByRole('form', { name: language === 'nl' ? 'Kudos geven' : 'Give kudos' }));
  await form.findByRole('combobox', { name: language === 'nl' ? 'Wie wil je bedanken?' : 'Who do you want to thank?' });
  return { view, form };
}

/** The skill field asks for suggestions after a pause: wait for that, so nothing updates after the test. */
async function typeSkill(fake: ReturnType<typeof service>, label: string, value: string) {
  fireEvent.change(screen.getByRole('combobox', { name: label }), { target: { value } });
  await waitFor(() => expect(fake.callsTo('GET', '/api/v1/skills/suggest')).toHaveLength(1));
}

const type = (label: string, value: string) => fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });

describe('give kudos from the tab', () => {
  it('in Dutch: picks a colleague, sends message and skill, and the wall shows the thanks', async () => {
    const fake = service(() => json(201, given));
    const { view, form } = await openForm(fake, 'nl');
    // The service leaves the reader out: only colleagues are offered.
    expect(form.getAllByRole('option').map((o) => o.textContent)).toEqual(['Kies een collega', 'Anna de Vries', 'Bram Jansen']);
    expect(await axeViolations(view.container)).toEqual([]);
    fireEvent.change(form.getByRole('combobox', { name: 'Wie wil je bedanken?' }), { target: { value: 'u-bram' } });
    type('Je bedankje', ' Dank voor de hulp! ');
    await typeSkill(fake, 'Vaardigheid (optioneel)', 'Excel');
    fireEvent.click(form.getByRole('button', { name: 'Kudos versturen' }));
    expect(await screen.findByText('Je bedankje is verstuurd naar Bram Jansen. Het verschijnt in het kanaal van het team.')).toBeTruthy();
    expect(fake.callsTo('POST', path).map((c) => c.body)).toEqual([{ toUserId: 'u-bram', message: 'Dank voor de hulp!', skill: 'Excel' }]);
    expect(await screen.findAllByTestId('kudos-item')).toHaveLength(1);
    expect(await axeViolations(view.container)).toEqual([]);
  });

  it('in English: an empty form names each field and asks the service nothing', async () => {
    const fake = service(() => json(201, given));
    const { view, form } = await openForm(fake, 'en');
    fireEvent.click(form.getByRole('button', { name: 'Send kudos' }));
    expect(await screen.findByText('Please check the fields marked below.')).toBeTruthy();
    expect(screen.getByText('Choose who to thank.')).toBeTruthy();
    expect(screen.getByText('Write a short thank-you.')).toBeTruthy();
    expect(fake.callsTo('POST', path)).toEqual([]);
    expect(await axeViolations(view.container)).toEqual([]);
  });

  it("lands the service's field problems on their fields, in Dutch", async () => {
    const fake = service(() =>
      json(400, {
        error: {
          code: 'invalid_kudos',
          message: 'Some of the details are not right.',
          problems: [
            { field: 'toUserId', code: 'toNotMember' },
            { field: 'skill', code: 'skillInvalid' },
          ],
        },
      }),
    );
    const { form } = await openForm(fake, 'nl');
    fireEvent.change(form.getByRole('combobox', { name: 'Wie wil je bedanken?' }), { target: { value: 'u-anna' } });
    type('Je bedankje', 'Top!');
    await typeSkill(fake, 'Vaardigheid (optioneel)', '!!!');
    fireEvent.click(form.getByRole('button', { name: 'Kudos versturen' }));
    expect(await screen.findByText('Je kunt alleen leden van dit team bedanken.')).toBeTruthy();
    expect(screen.getByText('Gebruik een vaardigheid van hoogstens 60 tekens, met minstens één letter of cijfer.')).toBeTruthy();
    // What was typed stays, to be fixed.
    expect((screen.getByRole('textbox', { name: 'Je bedankje' }) as HTMLTextAreaElement).value).toBe('Top!');
  });
});
