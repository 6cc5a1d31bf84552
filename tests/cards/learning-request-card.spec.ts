import { describe, expect, it } from '@jest/globals';
import { learningRequestCard, learningRequestFailureText } from '../../bot/src/cards/requests/learning-request-card';
import { newLearningRequest } from '../../bot/src/domain/requests/learning-request';
import { renderCard } from '../support/render-card';

const request = {
  ...newLearningRequest(
    { tenantId: 't', teamId: 'team', requestId: 'r', authorUserId: 'u' },
    { skill: 'TypeScript', note: 'Generics, please' },
    new Date('2026-11-27T12:00:00Z'),
  ),
  votes: 3,
};

describe('learning request card', () => {
  it.each([
    [
      'en',
      true,
      [
        'Cleo Curious wants to learn TypeScript',
        'Generics, please',
        '3 colleagues want this',
        'Who could teach it: Hanna Host, Bob Builder',
      ],
    ],
    ['nl', true, ['Cleo Curious wil TypeScript leren', '3 collega’s willen dit', 'Wie het kan leren: Hanna Host, Bob Builder']],
    ['en', false, ['Someone already asked to learn TypeScript: your +1 is counted.']],
    ['nl', false, ['Iemand vroeg al om TypeScript te leren: je +1 is geteld.']],
  ] as const)('renders in %s (created: %s) with the official renderer, under 20 KB', (locale, created, texts) => {
    const rendered = renderCard(
      learningRequestCard({ request, authorName: 'Cleo Curious', created, experts: ['Hanna Host', 'Bob Builder'] }, locale),
    );
    expect(rendered.errors).toEqual([]);
    for (const text of texts) expect(rendered.text).toContain(text);
    expect(rendered.bytes).toBeLessThan(20 * 1024);
  });

  it('the worst case stays small, and one vote reads as one', () => {
    const heavy = { ...request, skill: 'S'.repeat(60), note: 'n'.repeat(500), votes: 1 };
    const rendered = renderCard(
      learningRequestCard(
        { request: heavy, authorName: 'X'.repeat(300), created: true, experts: ['Y'.repeat(300), 'Z'.repeat(300), 'W'.repeat(300)] },
        'en',
      ),
    );
    expect(rendered.errors).toEqual([]);
    expect(rendered.text).toContain('1 colleague wants this');
    expect(rendered.bytes).toBeLessThan(20 * 1024);
  });

  it('failures read in the person’s language', () => {
    expect(learningRequestFailureText({ kind: 'invalid', problems: [{ field: 'skill', code: 'skillTooLong' }] }, 'nl')).toBe(
      'Houd de vaardigheid bij hoogstens 60 tekens.',
    );
    expect(learningRequestFailureText({ kind: 'notMember' }, 'en')).toBe('Only members of this team can do this.');
    expect(learningRequestFailureText({ kind: 'notOpen', status: 'taken' }, 'nl')).toBe('Iemand anders geeft hier al les in.');
  });
});
