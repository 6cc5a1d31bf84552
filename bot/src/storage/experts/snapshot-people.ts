import type { SnapshotPerson } from '../../domain/experts/expert-doc';
import type { SnapshotPeople } from '../../domain/experts/expert-index';

/**
 * The people of a snapshot as columns (snapshot format 2): one array per field, and what many people
 * share (a skill's key and name, a want list, a language list, an availability) once in a table, named by
 * its number. Parsed, that is a few large arrays and the strings the docs keep, instead of 100,000 tuples
 * with three arrays each: less to read, and no garbage left among the restored docs.
 */
interface PeopleColumns {
  readonly userIds: readonly string[];
  readonly emails: readonly string[];
  readonly names: readonly string[];
  /** [key, name] of every skill anyone teaches. */
  readonly skillTable: readonly (readonly [string, string])[];
  /** Per person: how many skills, then that many triples (skill number, level, endorsements). */
  readonly skills: readonly number[];
  readonly wantTable: readonly (readonly string[])[];
  readonly wants: readonly number[];
  readonly languageTable: readonly (readonly string[])[];
  readonly languages: readonly number[];
  readonly availabilityTable: readonly string[];
  readonly availability: readonly number[];
  readonly sessions: readonly number[];
}

const SEP = '\u0000';

/** Numbers each distinct value (by its key) in the order first met. */
class Table<T> {
  readonly values: T[] = [];
  private readonly numbers = new Map<string, number>();
  numberOf(key: string, value: T): number {
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      this.numbers.set(key, n);
    }
    return n;
  }
}

export function peopleColumns(people: SnapshotPeople): PeopleColumns {
  const userIds: string[] = [];
  const emails: string[] = [];
  const names: string[] = [];
  const skillTable = new Table<readonly [string, string]>();
  const skills: number[] = [];
  const wantTable = new Table<readonly string[]>();
  const wants: number[] = [];
  const languageTable = new Table<readonly string[]>();
  const languages: number[] = [];
  const availabilityTable = new Table<string>();
  const availability: number[] = [];
  const sessions: number[] = [];
  people.forEach(([userId, email, name, flat, wantKeys, spoken, available, taught]) => {
    userIds.push(userId);
    emails.push(email);
    names.push(name);
    skills.push(flat.length >> 2);
    for (let i = 0; i + 3 < flat.length; i += 4) {
      const key = String(flat[i]);
      const skillName = String(flat[i + 1]);
      skills.push(skillTable.numberOf(key + SEP + skillName, [key, skillName]), Number(flat[i + 2]), Number(flat[i + 3]));
    }
    wants.push(wantTable.numberOf(wantKeys.join(SEP), wantKeys));
    languages.push(languageTable.numberOf(spoken.join(SEP), spoken));
    availability.push(availabilityTable.numberOf(available, available));
    sessions.push(taught);
  });
  return {
    userIds,
    emails,
    names,
    skillTable: skillTable.values,
    skills,
    wantTable: wantTable.values,
    wants,
    languageTable: languageTable.values,
    languages,
    availabilityTable: availabilityTable.values,
    availability,
    sessions,
  };
}

/** Decoded columns as the index's people: one tuple at a time, made as it is asked for and garbage right after. */
export class ColumnPeople implements SnapshotPeople {
  /** Where each person's skills start in `skills` (checked once, so reading them cannot run off). */
  private readonly starts: Int32Array;

  private constructor(
    private readonly columns: PeopleColumns,
    starts: Int32Array,
  ) {
    this.starts = starts;
  }

  get length(): number {
    return this.columns.userIds.length;
  }

  forEach(each: (person: SnapshotPerson, id: number) => void): void {
    const c = this.columns;
    for (let id = 0; id < c.userIds.length; id += 1) {
      const at = this.starts[id] ?? 0;
      const count = c.skills[at] ?? 0;
      const flat: (string | number)[] = [];
      for (let s = 0; s < count; s += 1) {
        const [key, name] = c.skillTable[c.skills[at + 1 + 3 * s] ?? 0] ?? ['', ''];
        flat.push(key, name, c.skills[at + 2 + 3 * s] ?? 0, c.skills[at + 3 + 3 * s] ?? 0);
      }
      each(
        [
          c.userIds[id] ?? '',
          c.emails[id] ?? '',
          c.names[id] ?? '',
          flat,
          c.wantTable[c.wants[id] ?? 0] ?? [],
          c.languageTable[c.languages[id] ?? 0] ?? [],
          c.availabilityTable[c.availability[id] ?? 0] ?? '',
          c.sessions[id] ?? 0,
        ],
        id,
      );
    }
  }

  /** The columns as people, or undefined when they are not whole and consistent (the snapshot is then rebuilt). */
  static of(value: unknown): ColumnPeople | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const v = value as Record<string, unknown>;
    const userIds = v['userIds'];
    if (!Array.isArray(userIds) || !userIds.every((u) => isString(u) && u !== '')) return undefined;
    const size = userIds.length;
    const column = (name: string, test: (x: unknown) => boolean): boolean => {
      const c = v[name];
      return Array.isArray(c) && c.length === size && c.every(test);
    };
    const table = (name: string, test: (x: unknown) => boolean): number => {
      const t = v[name];
      return Array.isArray(t) && t.every(test) ? t.length : -1;
    };
    const skillCount = table('skillTable', (s) => Array.isArray(s) && s.length === 2 && isString(s[0]) && isString(s[1]));
    const wantCount = table('wantTable', isStrings);
    const languageCount = table('languageTable', isStrings);
    const availabilityCount = table('availabilityTable', isString);
    const ref = (count: number) => (x: unknown) => isCount(x) && x < count;
    if (
      !column('emails', isString) ||
      !column('names', isString) ||
      !column('wants', ref(wantCount)) ||
      !column('languages', ref(languageCount)) ||
      !column('availability', ref(availabilityCount)) ||
      !column('sessions', isNumber)
    )
      return undefined;
    const skills = v['skills'];
    if (!Array.isArray(skills)) return undefined;
    const starts = new Int32Array(size);
    const isSkill = ref(skillCount);
    let at = 0;
    for (let id = 0; id < size; id += 1) {
      starts[id] = at;
      const count = skills[at] as unknown;
      if (!isCount(count) || at + 1 + 3 * count > skills.length) return undefined;
      for (let s = 0; s < count; s += 1) {
        if (!isSkill(skills[at + 1 + 3 * s]) || !isNumber(skills[at + 2 + 3 * s]) || !isNumber(skills[at + 3 + 3 * s])) return undefined;
      }
      at += 1 + 3 * count;
    }
    if (at !== skills.length) return undefined;
    return new ColumnPeople(value as PeopleColumns, starts);
  }
}

// The snapshot's checks of what it reads back (snapshot-codec.ts uses them for its header too).
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every(isString);
