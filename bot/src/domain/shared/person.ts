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
