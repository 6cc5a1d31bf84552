/** The follow-up two weeks after a session, "did you apply it?" (issue #12), and its lines in the host's summary; English and Dutch. */
const en = {
  title: 'Did you apply it? “{{title}}”',
  intro: 'Two weeks ago you wrote what you would apply from this session:',
  question: 'Did you apply it?',
  yes: 'Yes',
  partly: 'Partly',
  notYet: 'Not yet',
  note: 'A note for the host (optional, one line)',
  send: 'Send',
  thanks: 'Thanks! The host sees your answer. You can change it any time.',
  summaryTitle: 'Applied after two weeks',
  summaryValue: '{{yes}} yes · {{partly}} partly · {{notYet}} not yet',
  summaryNotes: 'Notes on applying it',
} as const;

type AppliedStringKey = keyof typeof en;

const nl: Record<AppliedStringKey, string> = {
  title: 'Heb je het toegepast? “{{title}}”',
  intro: 'Twee weken geleden schreef je wat je uit deze sessie ging toepassen:',
  question: 'Heb je het toegepast?',
  yes: 'Ja',
  partly: 'Deels',
  notYet: 'Nog niet',
  note: 'Een notitie voor de organisator (optioneel, één regel)',
  send: 'Versturen',
  thanks: 'Bedankt! De organisator ziet je antwoord. Je kunt het altijd nog aanpassen.',
  summaryTitle: 'Toegepast na twee weken',
  summaryValue: '{{yes}} ja · {{partly}} deels · {{notYet}} nog niet',
  summaryNotes: 'Notities over het toepassen',
};

export const appliedStrings = { en, nl };
