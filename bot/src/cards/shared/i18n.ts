import { createInstance } from 'i18next';
import type { Locale } from '../../domain/shared/person';
import { buddyStrings } from '../buddies/buddy-strings';
import { insightsStrings } from '../insights/insights-strings';
import { kudosStrings } from '../kudos/kudos-strings';
import { milestoneStrings } from '../milestones/milestone-strings';
import { appliedStrings } from '../sessions/applied-strings';
import { expertStrings } from '../experts/expert-strings';
import { profileStrings } from '../experts/profile-strings';
import { privacyStrings } from '../privacy/privacy-strings';
import { requestStrings } from '../requests/learning-request-strings';
import { sessionStrings } from '../sessions/session-strings';
import { tipStrings } from '../tips/tip-strings';
import { commonStrings } from './strings';

/**
 * The cards' texts on i18next, as in the tab: one catalogue per feature (a namespace), `{{name}}`
 * placeholders, and plurals by the library (`key_one` / `key_other`, chosen by `count` through the
 * language's plural rules), so no card says "1 days" or "1 gaan".
 */
const catalogues = {
  common: commonStrings,
  sessions: sessionStrings,
  tips: tipStrings,
  requests: requestStrings,
  experts: expertStrings,
  profile: profileStrings,
  privacy: privacyStrings,
  buddies: buddyStrings,
  insights: insightsStrings,
  kudos: kudosStrings,
  applied: appliedStrings,
  milestones: milestoneStrings,
} as const;

type Catalogues = typeof catalogues;
type Namespace = keyof Catalogues;
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type BaseKey<K> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** Every text of the cards, as `namespace:key`; a plural key is named without its suffix. */
export type CardKey = { [N in Namespace]: `${N}:${BaseKey<keyof Catalogues[N]['en'] & string>}` }[Namespace];

type Values = Readonly<Record<string, string | number>>;

const namespaces = Object.keys(catalogues) as Namespace[];
const resources = (locale: Locale) => Object.fromEntries(namespaces.map((ns) => [ns, catalogues[ns][locale]]));

const i18n = createInstance({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'nl'],
  ns: namespaces,
  defaultNS: 'common',
  resources: { en: resources('en'), nl: resources('nl') },
  // Bundled catalogues: initialise synchronously, so the first card is already translated.
  initAsync: false,
  // Cards are not HTML; what goes into a card's markdown is the card builders' concern.
  interpolation: { escapeValue: false },
  returnNull: false,
});
// Settled already (initAsync: false); i18next reports init problems to its logger, never as a rejection.
void i18n.init();

// The tab types i18next's `t` for its own catalogue (module augmentation); the cards call theirs untyped
// and type the keys themselves (CardKey).
type Lookup = (key: string, options?: Values) => string;
const lookups: Record<Locale, Lookup> = { en: i18n.getFixedT('en') as unknown as Lookup, nl: i18n.getFixedT('nl') as unknown as Lookup };

// A text without values, or with numbers only ("level 3", "2 endorsements"), never changes (the catalogues are
// bundled): it is looked up once per language, key and numbers. An invite card's twenty-odd labels cost an i18next
// lookup each on every answer of an RSVP burst (session 11), and the expert search's result lines four or five per
// person, ten people a keystroke: 1.1 of its 1.9 s of CPU over 2,200 queries at 100,000 profiles (session 16;
// docs/BENCHMARKS.md). Never a text with words in its values (a name, a title), so nothing a person typed or is
// called stays here. Bounded: the whole cache goes when it is full.
const texts: Record<Locale, Map<string, string>> = { en: new Map(), nl: new Map() };
const TEXTS_MAX = 5_000;

/** The cache key of `key` with these values: undefined when a value is not a number (such a text is not kept). */
function textKey(key: string, values: Values | undefined): string | undefined {
  let cacheKey = key;
  if (!values) return cacheKey;
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'number') return undefined;
    cacheKey += `\u0000${name}=${value}`;
  }
  return cacheKey;
}

/** How many texts are kept for a language (tests). */
export function textsKept(locale: Locale): number {
  return texts[locale].size;
}

/** A card text in the reader's language; pass `count` for a plural key. */
export function t(locale: Locale, key: CardKey, values?: Values): string {
  const cacheKey = textKey(key, values);
  if (cacheKey === undefined) return lookups[locale](key, values);
  const cache = texts[locale];
  const known = cache.get(cacheKey);
  if (known !== undefined) return known;
  const text = lookups[locale](key, values);
  if (cache.size >= TEXTS_MAX) cache.clear();
  cache.set(cacheKey, text);
  return text;
}
