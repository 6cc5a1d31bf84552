import type { Locale } from '../../domain/shared/person';
import { translator } from '../shared/translator';

/** Texts of expert search and profiles, in English and Dutch. */
const en = {
  level: 'level {n}',
  endorsementsOne: '1 endorsement',
  endorsementsMany: '{n} endorsements',
  sessionsOne: '1 session taught',
  sessionsMany: '{n} sessions taught',
  wantedOne: '1 colleague wants to learn this',
  wantedMany: '{n} colleagues want to learn this',
  matchName: 'Name matches',
  matchBio: 'Mentioned in their bio',
  teaches: 'Teaches',
  wants: 'Wants to learn',
  languages: 'Languages',
  availability: 'Available',
  askForSession: 'Ask for a session',
  chat: 'Chat',
  askMessage: 'Hi {name}, I saw on PeerLearn that you know {skill}. Would you give a short learning session about it?',
  askMessageNoSkill: 'Hi {name}, I found you on PeerLearn. Would you give a short learning session?',
  whoKnowsTitle: 'Who knows “{query}”?',
  suggestionsTitle: 'Colleagues who teach what others want to learn',
  noExperts: 'Nobody found for “{query}” yet. Try a shorter word or another spelling, or ask in your channel.',
  noExpertsAtAll: 'Nobody has added skills yet. Type **my skills: Excel, presenting** to be the first.',
  warming: 'Expert search is starting up. Please try again in a few seconds.',
  moreInTab: 'More results in the PeerLearn tab, under Experts.',
  profileTitle: 'Your PeerLearn profile',
  skillsSaved: 'Saved what you can teach.',
  normalisedHeading: 'I tidied up these skills:',
  nothingYet: 'nothing yet',
  mySkillsHint: 'Type **my skills: a, b** to set what you can teach; levels, bio and more in the PeerLearn tab.',
  mySkillsEmpty: 'Tell me what you can teach, for example **my skills: Excel, presenting, SQL**.',
  mySkillsTooMany: 'That is more than {max} skills. Please keep it to the {max} you know best.',
  mySkillsNothingUsable: 'I could not read a skill in that. Separate skills with commas, for example **my skills: Excel, SQL**.',
  endorsedBy: '{n}× endorsed',
  previewNoSkill: 'PeerLearn colleague',
  expertGone: 'This colleague is not (or no longer) in PeerLearn. Search again to find someone who can help.',
  noTenant: 'I can only search colleagues inside Microsoft Teams, where I know your organisation.',
} as const;

type ExpertStringKey = keyof typeof en;

const nl: Record<ExpertStringKey, string> = {
  level: 'niveau {n}',
  endorsementsOne: '1 aanbeveling',
  endorsementsMany: '{n} aanbevelingen',
  sessionsOne: '1 sessie gegeven',
  sessionsMany: '{n} sessies gegeven',
  wantedOne: '1 collega wil dit leren',
  wantedMany: '{n} collega’s willen dit leren',
  matchName: 'Naam komt overeen',
  matchBio: 'Genoemd in de bio',
  teaches: 'Kan anderen leren',
  wants: 'Wil leren',
  languages: 'Talen',
  availability: 'Beschikbaar',
  askForSession: 'Vraag om een sessie',
  chat: 'Chatten',
  askMessage: 'Hoi {name}, ik zag op PeerLearn dat jij verstand hebt van {skill}. Wil je er een korte leersessie over geven?',
  askMessageNoSkill: 'Hoi {name}, ik vond je via PeerLearn. Wil je een korte leersessie geven?',
  whoKnowsTitle: 'Wie kent “{query}”?',
  suggestionsTitle: 'Collega’s die lesgeven in wat anderen willen leren',
  noExperts: 'Nog niemand gevonden voor “{query}”. Probeer een korter woord of een andere spelling, of vraag het in je kanaal.',
  noExpertsAtAll: 'Nog niemand heeft vaardigheden toegevoegd. Typ **mijn vaardigheden: Excel, presenteren** om de eerste te zijn.',
  warming: 'Het zoeken naar experts start nog op. Probeer het over een paar seconden opnieuw.',
  moreInTab: 'Meer resultaten in het PeerLearn-tabblad, onder Experts.',
  profileTitle: 'Je PeerLearn-profiel',
  skillsSaved: 'Opgeslagen wat je anderen kunt leren.',
  normalisedHeading: 'Deze vaardigheden heb ik netjes gemaakt:',
  nothingYet: 'nog niets',
  mySkillsHint:
    'Typ **mijn vaardigheden: a, b** om vast te leggen wat je anderen kunt leren; niveaus, bio en meer in het PeerLearn-tabblad.',
  mySkillsEmpty: 'Vertel me wat je anderen kunt leren, bijvoorbeeld **mijn vaardigheden: Excel, presenteren, SQL**.',
  mySkillsTooMany: 'Dat zijn meer dan {max} vaardigheden. Houd het bij de {max} die je het best kent.',
  mySkillsNothingUsable:
    'Ik kon daar geen vaardigheid in lezen. Scheid vaardigheden met komma’s, bijvoorbeeld **mijn vaardigheden: Excel, SQL**.',
  endorsedBy: '{n}× aanbevolen',
  previewNoSkill: 'PeerLearn-collega',
  expertGone: 'Deze collega staat niet (meer) in PeerLearn. Zoek opnieuw om iemand te vinden die je kan helpen.',
  noTenant: 'Ik kan alleen collega’s zoeken binnen Microsoft Teams, waar ik je organisatie ken.',
};

const tables: Record<Locale, Record<ExpertStringKey, string>> = { en, nl };

export const te = translator(tables);
