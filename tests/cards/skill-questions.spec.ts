import { describe, expect, it } from '@jest/globals';
import { adaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import { skillQuestionElements } from '../../bot/src/cards/shared/skill-questions';
import { renderCard } from '../support/render-card';

// The "did you mean …?" under a form's skills field names skills other people added to the tenant or
// the team: text someone typed, so no markup of theirs may render, and a Dutch reader gets Dutch names.
describe('skill questions under a form field', () => {
  it('shows the suggestions as plain text, in the reader’s language', () => {
    const question = [
      { field: 'skills', index: 0, skill: 'Presentren', suggestions: ['Presenting', '[Click](https://evil.example) **now**'] },
    ];
    const nl = renderCard(adaptiveCard(skillQuestionElements(question, 'nl')));
    expect(nl.errors).toEqual([]);
    expect(nl.text).toContain('Presenteren');
    expect(nl.text).toContain('[Click](https://evil.example) **now**');
    expect(nl.element?.querySelector('a, strong')).toBeNull();
    expect(renderCard(adaptiveCard(skillQuestionElements(question, 'en'))).text).toContain('Presenting');
  });
});
