/** The texts of kudos given from the tab (issue #12): the card's skill line, each form problem and each refusal, in English and Dutch. */
const en = {
  forSkill: 'For their help with {{skill}}',
  problem_toRequired: 'Choose who to thank.',
  problem_toSelf: 'Kudos are for colleagues, not for yourself.',
  problem_toNotMember: 'You can only thank members of this team.',
  problem_messageRequired: 'Write a short thank-you.',
  problem_messageTooLong: 'Keep your thank-you to {{max}} characters.',
  problem_skillInvalid: 'Use a skill name of at most {{max}} characters, with at least one letter or digit.',
  problem_channelUnknown: 'Choose one of the team’s channels.',
  failure_invalid: 'Some of the details are not right.',
  failure_teamUnknown: 'PeerLearn does not know this team.',
  failure_notInstalled: 'PeerLearn is no longer installed in this team.',
  failure_notMember: 'Only members of this team can give kudos here.',
} as const;

type KudosStringKey = keyof typeof en;

const nl: Record<KudosStringKey, string> = {
  forSkill: 'Voor de hulp bij {{skill}}',
  problem_toRequired: 'Kies wie je wilt bedanken.',
  problem_toSelf: 'Complimenten zijn voor collega’s, niet voor jezelf.',
  problem_toNotMember: 'Je kunt alleen leden van dit team bedanken.',
  problem_messageRequired: 'Schrijf een kort bedankje.',
  problem_messageTooLong: 'Houd je bedankje op hoogstens {{max}} tekens.',
  problem_skillInvalid: 'Gebruik een vaardigheid van hoogstens {{max}} tekens, met minstens één letter of cijfer.',
  problem_channelUnknown: 'Kies een van de kanalen van het team.',
  failure_invalid: 'Niet alle gegevens kloppen.',
  failure_teamUnknown: 'PeerLearn kent dit team niet.',
  failure_notInstalled: 'PeerLearn is niet meer geïnstalleerd in dit team.',
  failure_notMember: 'Alleen leden van dit team kunnen hier complimenten geven.',
};

export const kudosStrings = { en, nl };
