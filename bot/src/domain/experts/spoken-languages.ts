import { compactKey } from './text-fold';

/** Profiles name languages freely ("Nederlands", "Dutch", "nl"); search filters on one key per language. */
const LANGUAGE_ALIASES: Record<string, readonly string[]> = {
  en: ['en', 'english', 'engels'],
  nl: ['nl', 'dutch', 'nederlands', 'vlaams', 'flemish'],
  de: ['de', 'german', 'duits', 'deutsch'],
  fr: ['fr', 'french', 'frans', 'francais'],
  es: ['es', 'spanish', 'spaans', 'espanol'],
  ar: ['ar', 'arabic', 'arabisch'],
  tr: ['tr', 'turkish', 'turks', 'turkce'],
  pl: ['pl', 'polish', 'pools', 'polski'],
  it: ['it', 'italian', 'italiaans', 'italiano'],
  pt: ['pt', 'portuguese', 'portugees', 'portugues'],
};

const BY_ALIAS = new Map<string, string>(
  Object.entries(LANGUAGE_ALIASES).flatMap(([code, aliases]) => aliases.map((alias): [string, string] => [alias, code])),
);

/** A language's key (`nl`, `en`…); an unknown language keys as itself, folded. Undefined for nothing. */
export function languageKey(name: string): string | undefined {
  const key = compactKey(name);
  if (key === '') return undefined;
  return BY_ALIAS.get(key) ?? key;
}
