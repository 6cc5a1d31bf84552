import type { enOpen } from './en-open';

/** "Open voor iedereen" (issue #12), a section of `nl.ts`. */
export const nlOpen: Record<keyof typeof enOpen, string> = {
  title: 'Open voor iedereen',
  intro: 'Komende sessies van alle teams in je organisatie waar iedereen aan mee mag doen.',
  search: 'Zoek op vaardigheid of titel',
  loading: 'Sessies voor iedereen worden geladen…',
  emptyTitle: 'Nog niets open voor iedereen',
  emptyText: 'Zodra een team een sessie openstelt voor de hele organisatie, verschijnt die hier.',
  noMatchTitle: 'Geen sessie past bij “{{query}}”',
  noMatchText: 'Probeer een andere vaardigheid, of vraag erom.',
  team: 'Van {{team}}',
  listHeading: 'Komende sessies',
  more: 'Meer tonen',
  boardHeading: 'Open voor iedereen',
  boardSeeAll: 'Alle sessies voor iedereen bekijken',
};
