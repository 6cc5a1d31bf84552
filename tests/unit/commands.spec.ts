import { describe, expect, it } from '@jest/globals';
import { buddyCommandAction, parseCommand } from '../../bot/src/domain/shared/commands';

describe('parseCommand', () => {
  it.each([
    ['help', 'help', 'en', ''],
    ['HELP', 'help', 'en', ''],
    ['  Help!  ', 'help', 'en', ''],
    ['hulp', 'help', 'nl', ''],
    ['Hulp.', 'help', 'nl', ''],
    ['?', 'help', 'en', ''],
    ['new session', 'newSession', 'en', ''],
    ['Nieuwe sessie', 'newSession', 'nl', ''],
    ['my sessions', 'mySessions', 'en', ''],
    ['MIJN SESSIES', 'mySessions', 'nl', ''],
    ['who knows TypeScript?', 'whoKnows', 'en', 'TypeScript'],
    ['Who knows about power bi', 'whoKnows', 'en', 'power bi'],
    ['wie kent Excel', 'whoKnows', 'nl', 'Excel'],
    ['wie kent er Python?', 'whoKnows', 'nl', 'Python'],
    ['wie weet er iets van presenteren', 'whoKnows', 'nl', 'presenteren'],
    ['who knows', 'whoKnows', 'en', ''],
    ['my skills: TypeScript, Azure', 'mySkills', 'en', 'TypeScript, Azure'],
    ['mijn vaardigheden: Excel,  SQL', 'mySkills', 'nl', 'Excel, SQL'],
    ['my skills only: TypeScript 3, Docker', 'mySkillsOnly', 'en', 'TypeScript 3, Docker'],
    ['Only my skills: Excel', 'mySkillsOnly', 'en', 'Excel'],
    ['alleen mijn vaardigheden: Excel, SQL', 'mySkillsOnly', 'nl', 'Excel, SQL'],
    ['mijn vaardigheden alleen: SQL', 'mySkillsOnly', 'nl', 'SQL'],
    ['thanks @Sanne for the Excel tips', 'thanks', 'en', '@Sanne for the Excel tips'],
    ['bedankt @Noor voor de feedback!', 'thanks', 'nl', '@Noor voor de feedback'],
    ['dank je wel Eva', 'thanks', 'nl', 'Eva'],
    ['buddy me', 'buddy', 'en', ''],
    ['Buddy pause.', 'buddy', 'en', ''],
    ['koppel mij', 'buddy', 'nl', ''],
    ['buddy pauze', 'buddy', 'nl', ''],
    ['Koppel stop!', 'buddy', 'nl', ''],
    ['my buddy', 'myBuddy', 'en', ''],
    ['mijn buddy', 'myBuddy', 'nl', ''],
  ])('%j → %s (%s) %j', (text, id, locale, argument) => {
    expect(parseCommand(text)).toMatchObject({ id, locale, argument });
  });

  it('"buddy stop" is the same in both languages: the activity’s locale answers it', () => {
    expect(parseCommand('Buddy stop').id).toBe('buddy');
    expect(parseCommand('Buddy stop').locale).toBeUndefined();
  });

  it.each([
    ['buddy me', 'join'],
    ['koppel mij', 'join'],
    ['buddy pause', 'skip'],
    ['buddy pauze', 'skip'],
    ['buddy stop', 'leave'],
    ['koppel stop', 'leave'],
  ] as const)('%j asks to %s', (text, action) => {
    expect(buddyCommandAction(parseCommand(text))).toBe(action);
  });

  it.each(['', 'helpdesk', 'please help me with excel', 'hulpje', 'thanksgiving plans', 'my sessionsx', 'buddy', 'buddy you', 'koppel'])(
    '%j is unknown',
    (text) => {
      expect(parseCommand(text).id).toBe('unknown');
    },
  );

  it('drops control characters', () => {
    expect(parseCommand('he\u0000lp').text).toBe('he lp');
    expect(parseCommand('\u0007help\u0008').id).toBe('help');
  });
});
