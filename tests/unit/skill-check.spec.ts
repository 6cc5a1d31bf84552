import { describe, expect, it } from '@jest/globals';
import { SEEDED_TAXONOMY } from '../../bot/src/domain/experts/skill-taxonomy';
import { unknownSkills, unknownSkillsMessage } from '../../bot/src/domain/experts/skill-check';
import { SKILL_CATALOG } from '../../bot/src/domain/experts/skill-catalog';
import { DUTCH_SKILL_NAMES, skillDisplayName } from '../../bot/src/domain/experts/skill-names-nl';
import { compactKey } from '../../bot/src/domain/experts/text-fold';
import { profileCard } from '../../bot/src/cards/experts/profile-card';
import { because } from '../support/eventually';

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

describe('skill names in Dutch, keyed by the skill key', () => {
  it('every Dutch name belongs to a seeded skill and, typed, finds that same skill', () => {
    for (const [key, dutch] of Object.entries(DUTCH_SKILL_NAMES)) {
      const skill = SEEDED_TAXONOMY.byCompactKey(key);
      because(`${key} → ${dutch}`, () => {
        expect(skill?.key).toBe(key);
        expect(SEEDED_TAXONOMY.normalise(dutch)?.key).toBe(key);
      });
    }
  });

  it('shows a Dutch reader "Presenteren" for Presenting, and everyone else the stored name', () => {
    for (const skill of SKILL_CATALOG) expect(skillDisplayName(skill.name, 'en-US')).toBe(skill.name);
    expect(skillDisplayName('Presenting', 'nl-NL')).toBe('Presenteren');
    expect(skillDisplayName('Customer conversations', 'nl')).toBe('Klantgesprekken');
    expect(skillDisplayName('TypeScript', 'nl-NL')).toBe('TypeScript');
    expect(skillDisplayName('Mendix', 'nl-NL')).toBe('Mendix');
  });

  it('finds the Dutch name by the same key as the taxonomy (C#, C++, .NET and Power BI included)', () => {
    // Via a name the Dutch table does not hold, the lookup must still not mistake one skill for another.
    for (const skill of SKILL_CATALOG) {
      const dutch = DUTCH_SKILL_NAMES[compactKey(skill.name)];
      expect(skillDisplayName(skill.name, 'nl-NL')).toBe(dutch ?? skill.name);
    }
  });

  it('the profile card names skills in Dutch for a Dutch reader', () => {
    const view = {
      displayName: 'Sanne',
      teaches: [{ name: 'Presenting', level: 3 as const, endorsements: 0 }],
      wants: ['Negotiation'],
      bio: '',
      languages: [],
      availability: '',
      celebrateMilestones: true,
      requestAlerts: true,
    };
    const nl = JSON.stringify(profileCard(view, 'nl'));
    expect(nl).toContain('Presenteren (niveau 3)');
    expect(nl).toContain('Onderhandelen');
    expect(JSON.stringify(profileCard(view, 'en'))).toContain('Presenting (level 3)');
  });
});
