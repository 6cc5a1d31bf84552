import type { PersonRef } from '../shared/person';

/**
 * The storage side of privacy (DESIGN F13). Every table the service creates has one rule in
 * `storage/privacy/` that says which of its rows name a person, what of them goes into an export and
 * what an erase does to them; the store runs all rules. A table without a rule does not compile, and
 * tests/storage/privacy-tables.spec.ts fails when a created table has none.
 */

/** What happens to what the person made for others. Sessions they hosted stay for the team either way, without them. */
export type ContributionChoice = 'anonymise' | 'remove';

/** One stored row that names the person, as plain data: no partition keys, etags or storage timestamps. */
export type PersonalRecord = Readonly<Record<string, unknown>>;

/** The rows of one table that name the person, with why the table exists and how long rows are kept. */
export interface PersonalTableExport {
  /** The table's storage name, e.g. `plSessions`. */
  readonly table: string;
  /** What the app uses the table for (English; docs/PRIVACY.md says the same). */
  readonly purpose: string;
  /** How long its rows are kept (English; docs/PRIVACY.md says the same). */
  readonly retention: string;
  readonly rows: readonly PersonalRecord[];
}

export interface EraseCounts {
  /** Rows deleted. */
  readonly removed: number;
  /** Rows kept for others with the person taken out (a session they hosted, a kudos they received…). */
  readonly anonymised: number;
}

export interface PersonalDataStore {
  /** Every stored row that names the person, in every table and every team of their tenant. */
  collect(person: PersonRef): Promise<readonly PersonalTableExport[]>;
  /** Takes the person out of every table. Idempotent: a second erase finds nothing and changes nothing. */
  erase(person: PersonRef, contributions: ContributionChoice): Promise<EraseCounts>;
}
