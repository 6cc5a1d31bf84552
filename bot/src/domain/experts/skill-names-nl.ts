/**
 * Dutch display names of the seeded skills, by skill key (the compact key of the canonical name), for
 * a Dutch reader of the tab and the cards: "Presenting" reads "Presenteren". Stored names never change;
 * only what a reader sees does. No imports, on purpose: the API contract re-exports this file, so the
 * tab shows the same names without taking the taxonomy into its bundle. Each Dutch name is also an
 * alias in skill-catalog.ts (a unit test checks), so typing it finds the same skill.
 */
export const DUTCH_SKILL_NAMES: Readonly<Record<string, string>> = {
  testing: 'Testen',
  security: 'Informatiebeveiliging',
  machinelearning: 'Kunstmatige intelligentie',
  dataanalysis: 'Data-analyse',
  accessibility: 'Toegankelijkheid',
  architecture: 'Architectuur',
  userresearch: 'Gebruikersonderzoek',
  uxdesign: 'Interactieontwerp',
  agile: 'Agile werken',
  projectmanagement: 'Projectmanagement',
  productmanagement: 'Productmanagement',
  facilitation: 'Faciliteren',
  presenting: 'Presenteren',
  feedback: 'Feedback geven',
  writing: 'Schrijven',
  communication: 'Communicatie',
  customerconversations: 'Klantgesprekken',
  negotiation: 'Onderhandelen',
  coaching: 'Coachen',
  leadership: 'Leiderschap',
  timemanagement: 'Timemanagement',
  conflictresolution: 'Conflicthantering',
  storytelling: 'Verhalen vertellen',
  stakeholdermanagement: 'Stakeholdermanagement',
  sales: 'Verkoop',
  finance: 'Financiën',
  dutch: 'Nederlands',
  english: 'Engels',
  onboarding: 'Inwerken',
};

/** The key a canonical skill name has (as `compactKey` in text-fold.ts makes it; a unit test keeps the two in step). */
const keyOf = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/#/g, 'sharp')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** What a reader sees for a stored skill: its Dutch name for a Dutch reader where the taxonomy has one, else the name as stored. */
export function skillDisplayName(name: string, locale: string): string {
  if (!locale.toLowerCase().startsWith('nl')) return name;
  return DUTCH_SKILL_NAMES[keyOf(name)] ?? name;
}
