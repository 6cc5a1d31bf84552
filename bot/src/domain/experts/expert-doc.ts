import type { MemberProfile, SkillLevel } from './member';
import { SEEDED_TAXONOMY } from './skill-taxonomy';
import { languageKey } from './spoken-languages';
import { cleanText, fold, terms } from './text-fold';
import { Interner } from './interner';

/**
 * One person in the index, kept small: at 100,000 profiles every byte here is 100 KB (issue #16).
 * What many people share (a name, a skill at a level with a count, a language list, an availability,
 * what they want to learn) is one interned copy; the bio is kept only as its distinct folded words.
 */
export interface ExpertDoc {
  readonly id: number;
  readonly userId: string;
  readonly email?: string;
  readonly name: NameEntry;
  readonly teaches: readonly IndexedSkill[];
  readonly top?: IndexedSkill;
  /** skillPoints of the strongest skill: what name and bio matches rank by. */
  readonly topPoints: number;
  readonly wantKeys: readonly string[];
  readonly languages: LanguageEntry;
  readonly availability: string;
  /** The bio's distinct folded words (longer than one letter), joined by spaces. */
  readonly bioTerms: string;
  sessions: number;
}

interface NameEntry {
  readonly displayName: string;
  readonly sortName: string;
  readonly terms: readonly string[];
}

interface LanguageEntry {
  readonly languages: readonly string[];
  readonly keys: readonly string[];
}

export interface IndexedSkill {
  readonly key: string;
  readonly name: string;
  readonly level: SkillLevel;
  readonly endorsements: number;
}

/** A profile with what others said about it: endorsement counts per skill key. */
export interface ExpertSource {
  readonly profile: MemberProfile;
  readonly endorsements: ReadonlyMap<string, number>;
}

export const skillPoints = (level: number, endorsements: number): number => level * 100_000 + Math.min(endorsements, 99_999);

export const betterSkill = (a: IndexedSkill, b: IndexedSkill | undefined): boolean =>
  !b || a.level > b.level || (a.level === b.level && a.endorsements > b.endorsements);

const SEP = '\u0000';

/**
 * One person as a snapshot keeps them (storage/experts/snapshot-codec.ts): user id, e-mail ('' for none), display name,
 * skills flattened as key, name, level, endorsements, then want keys, languages, availability and
 * sessions taught (the bio words are in the snapshot's bio lists). Tuples, not objects: at 100,000 people the property names would be most of the bytes.
 */
export type SnapshotPerson = readonly [
  userId: string,
  email: string,
  displayName: string,
  skills: readonly (string | number)[],
  wantKeys: readonly string[],
  languages: readonly string[],
  availability: string,
  sessions: number,
];

/** Snapshot tuple of a document: the inverse of DocPools.restore. */
export const snapshotPerson = (doc: ExpertDoc): SnapshotPerson => [
  doc.userId,
  doc.email ?? '',
  doc.name.displayName,
  doc.teaches.flatMap((s) => [s.key, s.name, s.level, s.endorsements]),
  doc.wantKeys,
  doc.languages.languages,
  doc.availability,
  doc.sessions,
];

interface DocParts {
  readonly id: number;
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly teaches: readonly IndexedSkill[];
  readonly wantKeys: readonly string[];
  readonly languages: readonly string[];
  readonly availability: string;
  readonly bioTerms: string;
  readonly sessions: number;
}

/** Builds documents from profiles through shared pools, and gives every shared value back on removal. */
export class DocPools {
  private readonly names = new Interner<NameEntry>();
  private readonly skills = new Interner<IndexedSkill>();
  private readonly languages = new Interner<LanguageEntry>();
  private readonly wants = new Interner<readonly string[]>();
  private readonly availability = new Interner<string>();
  /** Typed skill name → its key and display name (normalising is the costly part of building a doc). */
  private readonly normalised = new Map<string, { key: string; name: string } | null>();

  toDoc(id: number, source: ExpertSource, sessions: number): ExpertDoc {
    const { profile, endorsements } = source;
    const seen = new Set<string>();
    const teaches: IndexedSkill[] = [];
    for (const t of profile.teaches) {
      const normal = this.normalise(t.name);
      if (!normal || seen.has(normal.key)) continue;
      seen.add(normal.key);
      teaches.push(this.skill(normal.key, normal.name, t.level, endorsements.get(normal.key) ?? 0));
    }
    const wantKeys = [...new Set(profile.wants.map((w) => SEEDED_TAXONOMY.normalise(w)?.key).filter((k): k is string => k !== undefined))];
    const bioTerms = [
      ...new Set(
        fold(profile.bio)
          .split(' ')
          .filter((w) => w.length > 1),
      ),
    ].join(' ');
    const { userId, email, displayName, languages, availability } = profile;
    // slice(): the doc keeps an array of its size, not one grown by push (room for 17 skills).
    const kept = teaches.slice();
    return this.assemble({
      id,
      userId,
      email: email ?? '',
      displayName,
      teaches: kept,
      wantKeys,
      languages,
      availability,
      bioTerms,
      sessions,
    });
  }

  /** A document again from what a snapshot kept of it (storage/experts/snapshot-codec.ts): nothing is normalised or folded again. */
  restore(id: number, person: SnapshotPerson, bioTerms: string): ExpertDoc {
    const [userId, email, displayName, flat, wantKeys, languages, availability, sessions] = person;
    // Made at their size: an array grown by push keeps room for 17 (152 bytes, not 56 for 5 skills).
    const teaches = Array.from({ length: flat.length >> 2 }, (_, s): IndexedSkill => {
      const level = flat[4 * s + 2];
      return this.skill(String(flat[4 * s]), String(flat[4 * s + 1]), level === 1 || level === 3 ? level : 2, Number(flat[4 * s + 3]));
    });
    return this.assemble({ id, userId, email, displayName, teaches, wantKeys, languages, availability, bioTerms, sessions });
  }

  private skill(key: string, name: string, level: SkillLevel, endorsements: number): IndexedSkill {
    const skill = { key, name, level, endorsements };
    return this.skills.acquire([key, name, level, endorsements].join(SEP), () => skill);
  }

  private assemble(parts: DocParts): ExpertDoc {
    const { id, userId, email, displayName, teaches, wantKeys, languages, availability, bioTerms, sessions } = parts;
    let top: IndexedSkill | undefined;
    for (const s of teaches) if (betterSkill(s, top)) top = s;
    return {
      id,
      userId,
      ...(email ? { email } : {}),
      name: this.names.acquire(displayName, () => ({
        displayName,
        sortName: fold(displayName),
        terms: [...new Set(terms(displayName))],
      })),
      teaches,
      ...(top ? { top } : {}),
      topPoints: top ? skillPoints(top.level, top.endorsements) : 0,
      wantKeys: this.wants.acquire(wantKeys.join(SEP), () => wantKeys),
      languages: this.languages.acquire(languages.join(SEP), () => ({
        languages: [...languages],
        keys: [...new Set(languages.map(languageKey).filter((k): k is string => k !== undefined))],
      })),
      availability: this.availability.acquire(availability, () => availability),
      bioTerms,
      sessions,
    };
  }

  release(doc: ExpertDoc): void {
    for (const s of doc.teaches) this.skills.release([s.key, s.name, s.level, s.endorsements].join(SEP));
    this.names.release(doc.name.displayName);
    this.wants.release(doc.wantKeys.join(SEP));
    this.languages.release(doc.languages.languages.join(SEP));
    this.availability.release(doc.availability);
  }

  private normalise(typed: string): { key: string; name: string } | undefined {
    let found = this.normalised.get(typed);
    if (found === undefined) {
      const normal = SEEDED_TAXONOMY.normalise(typed);
      found = normal ? { key: normal.key, name: normal.known ? normal.name : cleanText(typed) } : null;
      // Bounded: a cache, not a record of what people typed.
      if (this.normalised.size >= 10_000) this.normalised.clear();
      this.normalised.set(typed, found);
    }
    return found ?? undefined;
  }
}
