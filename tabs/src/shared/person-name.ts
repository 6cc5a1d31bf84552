import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isFormerColleague } from '../../../bot/src/api/contract';

/** A person as the API names them (`SessionPerson` and its kin). */
interface NamedPerson {
  readonly userId: string;
  readonly displayName: string;
}

interface NameOptions {
  /** The name opens a sentence or stands alone ("A former colleague" rather than "a former colleague"). */
  readonly start?: boolean;
  /** For someone whose name the API no longer knows (not erased; e.g. their profile is gone). */
  readonly unknown?: string;
}

/**
 * How the tab writes a person's name. After someone erased their data the service puts
 * `FORMER_COLLEAGUE_ID` with an empty name where they stood; the tab says "a former colleague",
 * never an empty string.
 */
export type PersonName = (person: NamedPerson, options?: NameOptions) => string;

export function usePersonName(): PersonName {
  const { t } = useTranslation();
  return useCallback(
    (person: NamedPerson, options: NameOptions = {}) => {
      if (isFormerColleague(person.userId)) return options.start ? t('people.formerColleagueStart') : t('people.formerColleague');
      return person.displayName || options.unknown || '';
    },
    [t],
  );
}
