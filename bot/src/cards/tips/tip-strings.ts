import type { Locale } from '../../domain/shared/person';
import { TIP_BODY_MAX, TIP_SKILLS_MAX, TIP_TITLE_MAX } from '../../domain/tips/tip';
import type { TipProblemCode } from '../../domain/tips/tip';
import { translator } from '../shared/translator';

/** The texts of the tip form, the tip card and the `shareTip` answers (DESIGN F9), in English and Dutch. */
const en = {
  dialogTitle: 'Share a tip',
  formTitle: 'Share a tip or training material',
  formIntro:
    'A short tip, or a link to a course, video or article that helped you. It goes into the team’s tips and you can post it in this channel.',
  formProblems: 'Please check the fields marked below.',
  fieldTitle: 'Title',
  fieldTitlePlaceholder: 'E.g. Keyboard shortcuts that save me an hour a week',
  fieldBody: 'Your tip',
  fieldBodyPlaceholder: 'What is it, and why is it useful?',
  fieldLink: 'Link (optional)',
  fieldSkills: 'Skills (optional, comma-separated, up to {max})',
  fieldSkillsPlaceholder: 'E.g. Excel, Power BI',
  submit: 'Share tip',
  problem_titleRequired: 'Give the tip a title.',
  problem_titleTooLong: 'Keep the title to {max} characters.',
  problem_bodyTooLong: 'Keep the tip to {max} characters; add a link for the rest.',
  problem_linkInvalid: 'Use a web link that starts with https:// or http://.',
  problem_skillsTooMany: 'Choose at most {max} skills.',
  problem_skillInvalid: 'Each skill needs at least one letter or digit, and at most 60 characters.',
  cardKicker: 'Tip',
  cardSharedBy: 'Shared by {name}',
  cardSomeone: 'a colleague',
  cardOpenLink: 'Open link',
  cardAllTips: 'All tips',
  cardSkills: 'Skills',
  noTeam: 'Tips belong to a team. Open **Share a tip** from the compose box of a team channel where PeerLearn is installed.',
  teamUnknown: 'PeerLearn does not know this team yet. Ask a team owner to add the PeerLearn app to the team, then try again.',
  noIdentity: 'I could not tell who you are. Please try again from Teams.',
  invalid: 'The tip needs another look.',
  notMember: 'Only members of this team can share tips here.',
  notFound: 'That tip does not exist (any more).',
  notAllowed: 'Only the person who shared a tip, or an owner of the team, can remove it.',
} as const;

type TipStringKey = keyof typeof en;

const nl: Record<TipStringKey, string> = {
  dialogTitle: 'Een tip delen',
  formTitle: 'Een tip of trainingsmateriaal delen',
  formIntro:
    'Een korte tip, of een link naar een cursus, video of artikel waar je iets aan had. Hij komt bij de tips van het team en je kunt hem in dit kanaal plaatsen.',
  formProblems: 'Kijk nog even naar de velden hieronder.',
  fieldTitle: 'Titel',
  fieldTitlePlaceholder: 'Bijv. Sneltoetsen die me een uur per week schelen',
  fieldBody: 'Je tip',
  fieldBodyPlaceholder: 'Wat is het, en waarom heb je er iets aan?',
  fieldLink: 'Link (optioneel)',
  fieldSkills: 'Vaardigheden (optioneel, met komma’s, hoogstens {max})',
  fieldSkillsPlaceholder: 'Bijv. Excel, Power BI',
  submit: 'Tip delen',
  problem_titleRequired: 'Geef de tip een titel.',
  problem_titleTooLong: 'Houd de titel op hoogstens {max} tekens.',
  problem_bodyTooLong: 'Houd de tip op hoogstens {max} tekens; zet de rest achter een link.',
  problem_linkInvalid: 'Gebruik een weblink die begint met https:// of http://.',
  problem_skillsTooMany: 'Kies hoogstens {max} vaardigheden.',
  problem_skillInvalid: 'Elke vaardigheid heeft minstens één letter of cijfer nodig, en hoogstens 60 tekens.',
  cardKicker: 'Tip',
  cardSharedBy: 'Gedeeld door {name}',
  cardSomeone: 'een collega',
  cardOpenLink: 'Link openen',
  cardAllTips: 'Alle tips',
  cardSkills: 'Vaardigheden',
  noTeam: 'Tips horen bij een team. Open **Een tip delen** vanuit het opstelvak van een teamkanaal waar PeerLearn is geïnstalleerd.',
  teamUnknown:
    'PeerLearn kent dit team nog niet. Vraag een teameigenaar de PeerLearn-app aan het team toe te voegen en probeer het dan opnieuw.',
  noIdentity: 'Ik kon niet zien wie je bent. Probeer het opnieuw vanuit Teams.',
  invalid: 'De tip moet nog even worden nagekeken.',
  notMember: 'Alleen leden van dit team kunnen hier tips delen.',
  notFound: 'Die tip bestaat niet (meer).',
  notAllowed: 'Alleen wie de tip deelde, of een eigenaar van het team, kan hem verwijderen.',
};

const tables: Record<Locale, Record<TipStringKey, string>> = { en, nl };

export const tipText = translator(tables);

/** A validation problem as a sentence, with its limit filled in. */
export function tipProblemText(locale: Locale, code: TipProblemCode): string {
  const max = code === 'titleTooLong' ? TIP_TITLE_MAX : code === 'bodyTooLong' ? TIP_BODY_MAX : TIP_SKILLS_MAX;
  return tipText(locale, `problem_${code}`, { max });
}
