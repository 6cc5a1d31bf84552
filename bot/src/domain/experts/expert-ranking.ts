import type { SkillLevel } from './member';
import type { MatchQuality } from './skill-taxonomy';

/*
 * What a search is asked and answers, and how a match becomes a score: shared by the in-memory index
 * (expert-index.ts) and anything that must rank the same way.
 */

export type MatchField = 'skill' | 'name' | 'bio' | 'suggestion';

interface ExpertSkill {
  readonly name: string;
  readonly level: SkillLevel;
  readonly endorsements: number;
}

/** One result and why it is there. Ratings are not part of it: they never rank or label anyone. */
export interface ExpertHit {
  readonly userId: string;
  readonly displayName: string;
  readonly email?: string;
  readonly match: MatchField;
  readonly quality?: MatchQuality;
  /** The skill the result is about: the matched skill, else the person's strongest. */
  readonly skill?: ExpertSkill;
  readonly sessionsTaught: number;
  /** Suggestions: how many colleagues want to learn `skill`. */
  readonly wantedBy?: number;
  readonly teaches: readonly ExpertSkill[];
  readonly languages: readonly string[];
  readonly availability: string;
}

export interface ExpertQuery {
  readonly text: string;
  readonly skip: number;
  readonly count: number;
  /** Only people whose skill of the result is at least this level. */
  readonly minLevel?: SkillLevel;
  /** A language key or name ("nl", "Dutch", "Nederlands"). */
  readonly language?: string;
  /** The asker: never their own expert (their Chat and Endorse buttons would fail). */
  readonly excludeUserId?: string;
}

export interface ExpertPage {
  readonly hits: readonly ExpertHit[];
  /** True when the query was empty and these are suggestions. */
  readonly suggestions: boolean;
  /** The asker (`excludeUserId`) matched and was left out: an empty page then means "nobody else". */
  readonly askerMatched?: boolean;
  /** The text held nothing to search for (emoji or punctuation only): nobody, and no suggestions either. */
  readonly nothingToSearch?: boolean;
}

/** Tiers: exact > prefix > typo on skills, then on names, then on the bio. */
export const TIER: Record<Exclude<MatchField, 'suggestion'>, Record<MatchQuality, number>> = {
  skill: { exact: 9, prefix: 8, typo: 7 },
  name: { exact: 6, prefix: 5, typo: 4 },
  bio: { exact: 3, prefix: 2, typo: 1 },
};
export const QUALITY_RANK: Record<MatchQuality, number> = { exact: 3, prefix: 2, typo: 1 };
export const RANK_QUALITY: readonly MatchQuality[] = ['typo', 'typo', 'prefix', 'exact'];
export const TIER_FIELD: readonly (Exclude<MatchField, 'suggestion'> | undefined)[] = [
  undefined,
  'bio',
  'bio',
  'bio',
  'name',
  'name',
  'name',
  'skill',
  'skill',
  'skill',
];
export const TIER_QUALITY: readonly MatchQuality[] = [
  'typo',
  'typo',
  'prefix',
  'exact',
  'typo',
  'prefix',
  'exact',
  'typo',
  'prefix',
  'exact',
];
export const MAX_PAGE = 25;
export const MAX_SKIP = 1000;

/**
 * Scores are plain numbers so that the hot loop compares numbers, not objects:
 * tier (0–9) · 1e14 + [wanted-by (0–9999) · 1e10, suggestions only] + level · 1e9 +
 * endorsements (≤ 99,999) · 1e4 + sessions taught (≤ 9,999). Below 2^53, so exact.
 */
export const score = (tier: number, points: number, sessions: number, demand = 0): number =>
  tier * 1e14 + Math.min(demand, 9_999) * 1e10 + points * 1e4 + Math.min(sessions, 9_999);
export const tierOf = (value: number): number => Math.floor(value / 1e14);
