import { describe, expect, it } from '@jest/globals';
import { expertsCard } from '../../bot/src/cards/experts/expert-cards';
import { requestAlertCard, requestAlertSummary } from '../../bot/src/cards/requests/request-alert-card';
import type { LearningRequest } from '../../bot/src/domain/requests/learning-request';
import { renderCard } from '../support/render-card';

/** Issue #12's cards, rendered by the real adaptivecards renderer: the teachers' alert and the empty expert search's offer. */
const now = new Date().toISOString();
const request: LearningRequest = {
  tenantId: 't',
  teamId: '19:team@thread.tacv2',
  requestId: 'r1',
  authorUserId: 'ann',
  skill: 'TypeScript',
  note: 'Generics **please** <b>now</b> [x](https://evil.example)',
  status: 'open',
  votes: 3,
  createdAt: now,
  updatedAt: now,
};

describe('the teachers’ request alert', () => {
  it.each([
    [
      'en',
      [
        'A colleague wants to learn TypeScript, which you teach',
        'Asked in the team Data & Analytics',
        '3 colleagues want this',
        'request alerts off',
        'I can teach this',
      ],
    ],
    [
      'nl',
      [
        'Een collega wil TypeScript leren, en dat kun jij anderen leren',
        'Gevraagd in het team Data & Analytics',
        '3 collega’s willen dit',
        'meldingen uit',
        'Ik kan dit uitleggen',
      ],
    ],
  ] as const)('(%s) renders without errors, says why and offers only "I can teach this"', (locale, texts) => {
    const card = requestAlertCard({ request, teamName: 'Data & Analytics' }, locale);
    const rendered = renderCard(card);
    expect(rendered.errors).toEqual([]);
    expect(rendered.bytes).toBeLessThan(20 * 1024);
    for (const text of texts) expect(rendered.text).toContain(text);
    // What the asker typed stays text: its markdown is escaped, so no bold and no link.
    const note = card.body.find((e) => e.type === 'TextBlock' && e.text.startsWith('Generics'));
    expect(note).toMatchObject({ text: 'Generics \\*\\*please\\*\\* \\<b\\>now\\</b\\> \\[x\\](https://evil.example)' });
    expect(card.actions).toEqual([
      {
        type: 'Action.Submit',
        title: locale === 'en' ? 'I can teach this' : 'Ik kan dit uitleggen',
        data: { msteams: { type: 'task/fetch' }, verb: 'planSession', teamId: request.teamId, requestId: 'r1' },
      },
    ]);
    expect(requestAlertSummary(request, locale)).toBe(
      locale === 'en' ? 'A colleague wants to learn TypeScript' : 'Een collega wil TypeScript leren',
    );
  });
});

describe('the empty "who knows X" card', () => {
  it('offers to ask to learn it, in both languages; suggestions (an empty query) do not', () => {
    const en = expertsCard('Quantum knitting', [], 'en', false);
    expect(renderCard(en).errors).toEqual([]);
    expect(en.actions).toEqual([
      { type: 'Action.Execute', title: 'Ask to learn “Quantum knitting”', verb: 'askToLearn', data: { skill: 'Quantum knitting' } },
    ]);
    expect(expertsCard('docker', [], 'nl', false, true).actions?.[0]).toMatchObject({ title: 'Vragen om “docker” te leren' });
    expect(expertsCard('', [], 'en', true).actions ?? []).toEqual([]);
  });
});
