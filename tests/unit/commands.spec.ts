import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../bot/src/domain/commands';

describe('parseCommand', () => {
  it.each([
    ['help', 'help', 'en'],
    ['HELP', 'help', 'en'],
    ['  Help!  ', 'help', 'en'],
    ['hulp', 'help', 'nl'],
    ['Hulp.', 'help', 'nl'],
    ['?', 'help', 'en'],
  ])('%j → %s (%s)', (text, id, locale) => {
    expect(parseCommand(text)).toMatchObject({ id, locale });
  });

  it.each(['', 'helpdesk', 'please help me with excel', 'hulpje'])('%j is unknown', (text) => {
    expect(parseCommand(text).id).toBe('unknown');
  });
});
