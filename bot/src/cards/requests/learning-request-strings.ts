import type { Locale } from '../../domain/shared/person';
import { translator } from '../shared/translator';

/** Texts of learning requests (DESIGN F7): the session draft an expert starts from, and the bot's answers. */
const en = {
  draftTitle: 'Learn {skill} together',
  draftWithNote: 'Colleagues asked on the team board to learn {skill} ({votes} want this). The request said: “{note}”',
  draftWithoutNote: 'Colleagues asked on the team board to learn {skill} ({votes} want this).',
  failure_invalid: 'The learning request needs another look.',
  failure_notMember: 'Only members of this team can do this.',
  failure_notFound: 'This learning request does not exist (anymore).',
  failure_teamUnknown: 'This team is not known to PeerLearn yet. Add the PeerLearn app to the team first.',
  failure_taken: 'Someone else is already teaching this.',
  failure_closed: 'This learning request is closed.',
  failure_ownRequest: 'You asked for this yourself; someone else can teach it.',
  failure_notAllowed: 'Only the person who asked and the team’s owners can close this request.',
  problem_bodyInvalid: 'Send the request as a JSON object with a skill and an optional note.',
  problem_skillRequired: 'Say what you want to learn.',
  problem_skillTooLong: 'Keep the skill to at most {max} characters.',
  problem_skillInvalid: 'Name the skill with at least one letter or digit.',
  problem_noteInvalid: 'The note must be text.',
  problem_noteTooLong: 'Keep the note to at most {max} characters.',
  cardAsked: '{name} wants to learn {skill}',
  cardAlready: 'Someone already asked to learn {skill}: your +1 is counted.',
  cardVotes: '{votes} colleagues want this',
  cardVotesOne: '1 colleague wants this',
  cardExperts: 'Who could teach it: {names}',
  cardNoTeam: 'Ask this in a team channel where PeerLearn is installed, so the team sees it.',
  cardPlusOne: '+1, I want this too',
  cardAlreadyVoted: 'Your +1 is already counted.',
} as const;

type LearningRequestStringKey = keyof typeof en;

const nl: Record<LearningRequestStringKey, string> = {
  draftTitle: 'Samen {skill} leren',
  draftWithNote: 'Collega’s vroegen op het teambord om {skill} te leren ({votes} willen dit). In de vraag stond: “{note}”',
  draftWithoutNote: 'Collega’s vroegen op het teambord om {skill} te leren ({votes} willen dit).',
  failure_invalid: 'De leervraag moet nog even worden nagekeken.',
  failure_notMember: 'Alleen leden van dit team kunnen dit doen.',
  failure_notFound: 'Deze leervraag bestaat niet (meer).',
  failure_teamUnknown: 'PeerLearn kent dit team nog niet. Voeg eerst de PeerLearn-app aan het team toe.',
  failure_taken: 'Iemand anders geeft hier al les in.',
  failure_closed: 'Deze leervraag is gesloten.',
  failure_ownRequest: 'Je vroeg dit zelf; iemand anders kan het je leren.',
  failure_notAllowed: 'Alleen wie het vroeg en de eigenaren van het team kunnen deze vraag sluiten.',
  problem_bodyInvalid: 'Stuur de vraag als JSON-object met een vaardigheid en eventueel een toelichting.',
  problem_skillRequired: 'Zeg wat je wilt leren.',
  problem_skillTooLong: 'Houd de vaardigheid bij hoogstens {max} tekens.',
  problem_skillInvalid: 'Noem de vaardigheid met minstens één letter of cijfer.',
  problem_noteInvalid: 'De toelichting moet tekst zijn.',
  problem_noteTooLong: 'Houd de toelichting bij hoogstens {max} tekens.',
  cardAsked: '{name} wil {skill} leren',
  cardAlready: 'Iemand vroeg al om {skill} te leren: je +1 is geteld.',
  cardVotes: '{votes} collega’s willen dit',
  cardVotesOne: '1 collega wil dit',
  cardExperts: 'Wie het kan leren: {names}',
  cardNoTeam: 'Vraag dit in een teamkanaal waar PeerLearn is geïnstalleerd, zodat het team het ziet.',
  cardPlusOne: '+1, ik wil dit ook',
  cardAlreadyVoted: 'Je +1 telt al mee.',
};

const tables: Record<Locale, Record<LearningRequestStringKey, string>> = { en, nl };

export const tr = translator(tables);
