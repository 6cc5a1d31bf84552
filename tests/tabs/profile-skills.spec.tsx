import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import ProfileView from '../../tabs/src/features/profile/profile-view';
import { PROFILE_LIMITS } from '../../bot/src/api/contract';
import type { ProfileResponse, UpdateProfileRequest } from '../../bot/src/api/contract';
import { axeViolations } from '../support/tab/axe-jsdom';
import { createFakeService, json } from '../support/tab/fake-service';
import { apiFor, renderView } from '../support/tab/render-view';

// Drafts of the profile live in localStorage.
afterEach(() => window.localStorage.clear());

const profile: ProfileResponse = {
  tenantId: 'tenant-1',
  userId: 'tess-oid',
  displayName: 'Tess de Vries',
  bio: '',
  teaches: [{ name: 'Excel', level: 2 }],
  wants: [],
  languages: [],
  availability: '',
  endorsements: [],
  sessionsTaught: 0,
  requestAlerts: true,
};

/** The service's answer to a typo, as `PUT /me/profile` gives it. */
const unknownSkill = () =>
  json(400, {
    error: {
      code: 'unknownSkill',
      message: '“Typscript” (teaches) is not a known skill: did you mean TypeScript?',
      fields: { teaches: 'unknownSkill', wants: 'unknownSkill' },
      problems: [
        { field: 'teaches', code: 'unknownSkill' },
        { field: 'wants', code: 'unknownSkill' },
      ],
      unknownSkills: [
        { field: 'teaches', index: 1, skill: 'Typscript', suggestions: ['TypeScript'] },
        { field: 'wants', index: 0, skill: 'Origami', suggestions: [] },
      ],
    },
  });

function service() {
  return createFakeService({
    'GET /api/v1/me/profile': () => json(200, profile),
    'GET /api/v1/skills/suggest': () => json(200, { query: '', suggestions: [] }),
    'PUT /api/v1/me/profile': (call, nth) => {
      if (nth === 0) return unknownSkill();
      const body = call.body as UpdateProfileRequest;
      return json(200, { ...profile, teaches: body.teaches, wants: body.wants });
    },
  });
}

async function addSkill(name: string, label = 'Add a skill', button = 'Add') {
  fireEvent.change(screen.getByRole('combobox', { name: label }), { target: { value: name } });
  fireEvent.click(screen.getByRole('button', { name: button }));
}

describe('my profile: every skill through the taxonomy', () => {
  it('asks "did you mean TypeScript?" under the field; one click takes it, "keep as new" sends newSkills', async () => {
    const fake = service();
    const { container } = await renderView(<ProfileView api={apiFor(fake.fetch)} debounceMs={10} />);
    await screen.findByText('Excel');
    await addSkill('Typscript');
    fireEvent.change(screen.getByRole('textbox', { name: 'Skills I want to learn (comma-separated)' }), { target: { value: 'Origami' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Choose what you meant for the skills marked below/);
    expect(screen.getByText('“Typscript” is not a skill PeerLearn knows yet. Did you mean:')).toBeTruthy();
    expect(screen.getByText('“Origami” is not a skill PeerLearn knows yet.')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Use TypeScript' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep “Origami” as a new skill' }));
    expect(screen.getByText('TypeScript')).toBeTruthy();
    expect(screen.queryByText('Typscript')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/Your profile is saved/);
    expect(fake.callsTo('PUT', '/api/v1/me/profile')[1]?.body).toEqual({
      bio: '',
      teaches: [
        { name: 'Excel', level: 2 },
        { name: 'TypeScript', level: 1 },
      ],
      wants: ['Origami'],
      languages: [],
      availability: '',
      newSkills: ['Origami'],
    });
  });

  it('the same question in Dutch, with no axe violations', async () => {
    const fake = service();
    const { container } = await renderView(<ProfileView api={apiFor(fake.fetch)} debounceMs={10} />, 'nl');
    await screen.findByText('Excel');
    await addSkill('Typscript', 'Vaardigheid toevoegen', 'Toevoegen');
    // A skill with a Dutch name reads Dutch everywhere in its row, also to a screen reader.
    await addSkill('Presenting', 'Vaardigheid toevoegen', 'Toevoegen');
    expect(screen.getByText('Presenteren')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Presenteren verwijderen' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Niveau voor Presenteren' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Profiel opslaan' }));
    expect(await screen.findByText('“Typscript” kent PeerLearn nog niet als vaardigheid. Bedoelde je:')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'TypeScript gebruiken' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '“Typscript” houden als nieuwe vaardigheid' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('a 90-character skill is marked on its field with the limit, and nothing is sent', async () => {
    const fake = service();
    await renderView(<ProfileView api={apiFor(fake.fetch)} debounceMs={10} />);
    await screen.findByText('Excel');
    await addSkill('x'.repeat(90));
    expect(
      screen.getByText(`A skill can be at most ${PROFILE_LIMITS.skillChars} characters; this one has 90.`, { exact: false }),
    ).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Skills I want to learn (comma-separated)' }), {
      target: { value: `SQL, ${'y'.repeat(90)}` },
    });
    expect(screen.getByText(`is longer than ${PROFILE_LIMITS.skillChars} characters`, { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(fake.callsTo('PUT', '/api/v1/me/profile')).toHaveLength(0);
  });
});

describe('my profile: unsaved edits survive a reload', () => {
  it('restores the draft after a remount with a notice; discard goes back to what is stored', async () => {
    const fake = service();
    const first = await renderView(<ProfileView api={apiFor(fake.fetch)} debounceMs={10} />);
    await screen.findByText('Excel');
    await addSkill('SQL');
    fireEvent.change(screen.getByRole('textbox', { name: 'About me' }), { target: { value: 'Spreadsheets and data.' } });
    first.unmount();

    const second = await renderView(<ProfileView api={apiFor(fake.fetch)} debounceMs={10} />);
    expect(await screen.findByText('Unsaved changes restored from your last visit.')).toBeTruthy();
    expect(screen.getByText('SQL')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'About me' }) as HTMLTextAreaElement).value).toBe('Spreadsheets and data.');
    expect(await axeViolations(second.container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(screen.queryByText('SQL')).toBeNull();
    expect(screen.queryByText('Unsaved changes restored from your last visit.')).toBeNull();
    second.unmount();

    await renderView(<ProfileView api={apiFor(fake.fetch)} debounceMs={10} />, 'nl');
    await screen.findByText('Excel');
    expect(screen.queryByText('Niet-opgeslagen wijzigingen van je vorige bezoek teruggezet.')).toBeNull();
  });

  it('in Dutch: the notice after a reload, and a save clears the draft', async () => {
    let stored = profile;
    const fake = createFakeService({
      'GET /api/v1/me/profile': () => json(200, stored),
      'GET /api/v1/skills/suggest': () => json(200, { query: '', suggestions: [] }),
      'PUT /api/v1/me/profile': (call) => {
        stored = { ...profile, bio: (call.body as UpdateProfileRequest).bio };
        return json(200, stored);
      },
    });
    const first = await renderView(<ProfileView api={apiFor(fake.fetch)} />, 'nl');
    fireEvent.change(await screen.findByRole('textbox', { name: 'Over mij' }), { target: { value: 'Excel-fan.' } });
    first.unmount();
    const second = await renderView(<ProfileView api={apiFor(fake.fetch)} />, 'nl');
    expect(await screen.findByText('Niet-opgeslagen wijzigingen van je vorige bezoek teruggezet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Profiel opslaan' }));
    await waitFor(() => expect(screen.queryByText('Niet-opgeslagen wijzigingen van je vorige bezoek teruggezet.')).toBeNull());
    second.unmount();
    await renderView(<ProfileView api={apiFor(fake.fetch)} />, 'nl');
    expect(((await screen.findByRole('textbox', { name: 'Over mij' })) as HTMLTextAreaElement).value).toBe('Excel-fan.');
    expect(screen.queryByText('Niet-opgeslagen wijzigingen van je vorige bezoek teruggezet.')).toBeNull();
  });
});
