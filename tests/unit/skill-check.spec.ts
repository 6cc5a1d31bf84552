import { describe, expect, it } from '@jest/globals';
import { SEEDED_TAXONOMY } from '../../bot/src/domain/experts/skill-taxonomy';
import { unknownSkills, unknownSkillsMessage } from '../../bot/src/domain/experts/skill-check';

describe('did you mean: a typed skill the taxonomy does not know', () => {
  it.each([
    ['Typscript', 'TypeScript'],
    ['typescritp', 'TypeScript'],
    ['Dokcer', 'Docker'],
    ['Docekr', 'Docker'],
    ['Kubernets', 'Kubernetes'],
    ['kubernetis', 'Kubernetes'],
    ['presenteern', 'Presenting'],
    ['onderhandelne', 'Negotiation'],
  ])('%s → did you mean %s?', (typed, meant) => {
    const resolved = SEEDED_TAXONOMY.resolve(typed);
    expect(resolved?.known).toBe(false);
    expect(resolved && !resolved.known ? resolved.suggestions[0] : undefined).toBe(meant);
  });

  it.each([
    ['ts', 'TypeScript'],
    ['k8s', 'Kubernetes'],
    ['Presenteren', 'Presenting'],
    ['klantgesprekken', 'Customer conversations'],
    ['  DOCKER ', 'Docker'],
  ])('an alias or spelling it knows (%s) is %s, no question asked', (typed, name) => {
    expect(SEEDED_TAXONOMY.resolve(typed)).toEqual(expect.objectContaining({ known: true, name }));
  });

  it('an unknown skill with nothing close has no suggestions', () => {
    expect(SEEDED_TAXONOMY.resolve('Origami')).toEqual({ known: false, name: 'Origami', key: 'origami', suggestions: [] });
  });

  it('a skill the team added is known to the team', () => {
    expect(SEEDED_TAXONOMY.withAdditions(['Mendix']).resolve('mendix')?.known).toBe(true);
  });
});

describe('the gate before storing skills', () => {
  it('names each unknown skill with its field, place and suggestions', () => {
    const unknown = unknownSkills({ teaches: ['TypeScript', 'Typscript'], wants: ['Origami', 'js'] }, SEEDED_TAXONOMY);
    expect(unknown).toEqual([
      { field: 'teaches', index: 1, skill: 'Typscript', suggestions: ['TypeScript'] },
      { field: 'wants', index: 0, skill: 'Origami', suggestions: [] },
    ]);
    expect(unknownSkillsMessage(unknown)).toContain('did you mean TypeScript?');
  });

  it('lets through what the person confirmed as new, in any spelling of it', () => {
    expect(unknownSkills({ teaches: ['Typscript', 'origami'] }, SEEDED_TAXONOMY, { newSkills: ['typscript', 'Origami'] })).toEqual([]);
  });

  it('never asks again about a skill that is already stored', () => {
    expect(unknownSkills({ teaches: ['Dokcer'] }, SEEDED_TAXONOMY, { stored: ['Dokcer'] })).toEqual([]);
  });
});
