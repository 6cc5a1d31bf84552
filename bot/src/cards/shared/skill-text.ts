import { skillDisplayName } from '../../domain/experts/skill-names-nl';
import type { Locale } from '../../domain/shared/person';
import { clip, userText } from './user-text';

/**
 * A stored skill as a card's reader sees it: its Dutch name for a Dutch reader where the taxonomy has
 * one ("Presenting" → "Presenteren"), else as stored; made safe as text someone typed. The one place
 * every card shows a skill through, so no card shows the English name to a Dutch reader.
 */
export const skillText = (name: string, locale: Locale, max = 60): string => userText(skillDisplayName(name, locale), max);

/** Skills as one line ("Presenteren, Excel"). */
export const skillsText = (names: readonly string[], locale: Locale, max = 60): string =>
  names.map((name) => skillText(name, locale, max)).join(', ');

/** A skill in plain text that is no card markdown (a drafted chat message, a summary line): the reader's name for it, clipped. */
export const skillPlain = (name: string, locale: Locale, max = 60): string => clip(skillDisplayName(name, locale), max);
