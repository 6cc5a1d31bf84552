/** A person is the same on every surface: (tenant id, Entra object id). Never a name or a Teams `29:` id. */
export interface PersonRef {
  readonly tenantId: string;
  readonly userId: string;
}

export type Locale = 'en' | 'nl';

/** Teams sends `nl-NL`, `en-US`, `nl-BE`…; anything that is not Dutch is English. */
export function toLocale(value: string | undefined | null): Locale {
  return value?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/**
 * Who stands where an erased person stood (a session's host, a kudos' giver): never a real Entra
 * object id, so no rule can match it to anyone, and cards show "a former colleague" for it.
 */
export const FORMER_COLLEAGUE_ID = '~former-colleague';

export const isFormerColleague = (userId: string): boolean => userId === FORMER_COLLEAGUE_ID;
