import type { MemberProfile, SkillLevel } from './member';
import { SEEDED_TAXONOMY, matchSkill } from './skill-taxonomy';
import type { MatchQuality, SkillTaxonomy, TaxonomySkill } from './skill-taxonomy';
import { languageKey } from './spoken-languages';
import { cleanText, compactKey, fold, terms } from './text-fold';
import { TermIndex } from './term-index';

/** A profile with what others said about it: endorsement counts per skill key. */
interface ExpertSource {
  readonly profile: MemberProfile;
  readonly endorsements: ReadonlyMap<string, number>;
}

type MatchField = 'skill' | 'name' | 'bio' | 'suggestion';

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
}

/** Tiers: exact > prefix > typo on skills, then on names, then on the bio. */
const TIER: Record<Exclude<MatchField, 'suggestion'>, Record<MatchQuality, number>> = {
  skill: { exact: 9, prefix: 8, typo: 7 },
  name: { exact: 6, prefix: 5, typo: 4 },
  bio: { exact: 3, prefix: 2, typo: 1 },
};
const QUALITY_RANK: Record<MatchQuality, number> = { exact: 3, prefix: 2, typo: 1 };
const RANK_QUALITY: readonly MatchQuality[] = ['typo', 'typo', 'prefix', 'exact'];
const TIER_FIELD: readonly (Exclude<MatchField, 'suggestion'> | undefined)[] = [
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
const TIER_QUALITY: readonly MatchQuality[] = ['typo', 'typo', 'prefix', 'exact', 'typo', 'prefix', 'exact', 'typo', 'prefix', 'exact'];
export const MAX_PAGE = 25;
export const MAX_SKIP = 1000;

/**
 * Scores are plain numbers so that the hot loop compares numbers, not objects:
 * tier (0–9) · 1e14 + [wanted-by (0–9999) · 1e10, suggestions only] + level · 1e9 +
 * endorsements (≤ 99,999) · 1e4 + sessions taught (≤ 9,999). Below 2^53, so exact.
 */
const skillPoints = (level: number, endorsements: number): number => level * 100_000 + Math.min(endorsements, 99_999);
const score = (tier: number, points: number, sessions: number, demand = 0): number =>
  tier * 1e14 + Math.min(demand, 9_999) * 1e10 + points * 1e4 + Math.min(sessions, 9_999);
const tierOf = (value: number): number => Math.floor(value / 1e14);

interface Candidate {
  readonly id: number;
  readonly score: number;
  /** The skill the score is about (skill tiers); else the person's strongest. */
  readonly skillKey?: string;
  readonly wantedBy?: number;
}

/** Keeps the best `k` in order without sorting everything: most candidates lose one number comparison. */
class TopK {
  readonly items: Candidate[] = [];
  constructor(
    private readonly k: number,
    private readonly docs: readonly (ExpertDoc | undefined)[],
  ) {}

  get full(): boolean {
    return this.items.length >= this.k;
  }

  /** Ties on score go by name, then id: a stable order whatever the insertion order. */
  private before(a: Candidate, b: Candidate): boolean {
    if (a.score !== b.score) return a.score > b.score;
    const da = this.docs[a.id];
    const db = this.docs[b.id];
    const na = da?.sortName ?? '';
    const nb = db?.sortName ?? '';
    if (na !== nb) return na < nb;
    return (da?.userId ?? '') < (db?.userId ?? '');
  }

  /** Could this doc with this score still get in, ties included? Walks of sorted lists stop at the first no. */
  wouldTake(id: number, value: number): boolean {
    if (this.k === 0) return false;
    if (this.items.length < this.k) return true;
    return this.before({ id, score: value }, this.items[this.items.length - 1] as Candidate);
  }

  /** Could a candidate with this score still get in? (Cheap pre-check before building one.) */
  admits(value: number): boolean {
    if (this.k === 0) return false;
    if (this.items.length < this.k) return true;
    return value >= (this.items[this.items.length - 1] as Candidate).score;
  }

  offer(item: Candidate): void {
    const items = this.items;
    if (this.k === 0) return;
    if (items.length >= this.k && !this.before(item, items[items.length - 1] as Candidate)) return;
    let low = 0;
    let high = items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.before(items[mid] as Candidate, item)) low = mid + 1;
      else high = mid;
    }
    items.splice(low, 0, item);
    if (items.length > this.k) items.pop();
  }

  remove(id: number): void {
    const at = this.items.findIndex((c) => c.id === id);
    if (at >= 0) this.items.splice(at, 1);
  }
}

interface ExpertDoc {
  readonly id: number;
  readonly userId: string;
  readonly displayName: string;
  readonly sortName: string;
  readonly email?: string;
  readonly teaches: readonly IndexedSkill[];
  readonly top?: IndexedSkill;
  /** skillPoints of the strongest skill: what name and bio matches rank by. */
  readonly topPoints: number;
  readonly wantKeys: readonly string[];
  readonly languageKeys: readonly string[];
  readonly languages: readonly string[];
  readonly availability: string;
  readonly nameTerms: readonly string[];
  readonly bioTerms: readonly string[];
  sessions: number;
}

interface IndexedSkill {
  readonly key: string;
  readonly name: string;
  readonly level: SkillLevel;
  readonly endorsements: number;
}

const betterSkill = (a: IndexedSkill, b: IndexedSkill | undefined): boolean =>
  !b || a.level > b.level || (a.level === b.level && a.endorsements > b.endorsements);

/**
 * The expert index of one tenant, in memory: documents, inverted indexes on skills (with each
 * holder's points for that skill), name words and bio words, and what people want to learn. One
 * ranking for every surface (messaging extension, tab, bot). Pure: it knows nothing of storage;
 * the directory feeds it.
 */
export class TenantExpertIndex {
  private readonly docs: (ExpertDoc | undefined)[] = [];
  private readonly free: number[] = [];
  private readonly byUser = new Map<string, number>();
  /** skill key → (doc id → skillPoints of that doc for that skill). */
  private readonly skills = new Map<string, Map<number, number>>();
  private readonly skillEntries = new Map<string, TaxonomySkill>();
  private readonly names = new TermIndex();
  private readonly bios = new TermIndex();
  private readonly wants = new Map<string, number>();
  private sessionsTaught: ReadonlyMap<string, number> = new Map();
  private taxonomyCache: SkillTaxonomy | undefined;
  private version = 0;
  private suggestionCache: { version: number; k: number; key: string; ranked: Candidate[] } | undefined;
  /**
   * Holders of a skill and docs of a word, sorted best first, built on first use and kept sorted on
   * every change: a query walks a list only until nothing after can make the page.
   */
  private readonly skillOrder = new Map<string, number[]>();
  private readonly termOrder = new Map<string, number[]>();
  /** Per query: the best score a doc was offered with (0: none). Reused; reset through `touched`. */
  private offered = new Float64Array(0);

  constructor(readonly tenantId: string) {}

  get size(): number {
    return this.byUser.size;
  }

  /** The seeded taxonomy plus the skills people of this tenant added. */
  taxonomy(): SkillTaxonomy {
    this.taxonomyCache ??= SEEDED_TAXONOMY.withAdditions([...this.skillEntries.values()].filter((s) => !s.seeded).map((s) => s.name));
    return this.taxonomyCache;
  }

  /** How many people teach a skill (for ordering suggestions). */
  teachers(skillKey: string): number {
    return this.skills.get(skillKey)?.size ?? 0;
  }

  sessionsTaughtBy(userId: string): number {
    return this.sessionsTaught.get(userId) ?? 0;
  }

  /** The people in the index (an erasure names people only by a hash, to be matched against these). */
  userIds(): IterableIterator<string> {
    return this.byUser.keys();
  }

  has(userId: string): boolean {
    return this.byUser.has(userId);
  }

  setSessionsTaught(counts: ReadonlyMap<string, number>): void {
    this.sessionsTaught = counts;
    let changed = false;
    for (const doc of this.docs) {
      if (!doc) continue;
      const sessions = counts.get(doc.userId) ?? 0;
      if (doc.sessions !== sessions) changed = true;
      doc.sessions = sessions;
    }
    if (changed) {
      // Sessions take part in the order; lists are rebuilt on their next use.
      this.skillOrder.clear();
      this.termOrder.clear();
      this.version += 1;
    }
  }

  upsert(source: ExpertSource): void {
    if (source.profile.tenantId !== this.tenantId)
      throw new Error(`Profile of tenant ${source.profile.tenantId} offered to the index of ${this.tenantId}`);
    this.remove(source.profile.userId);
    const id = this.free.pop() ?? this.docs.length;
    const doc = this.toDoc(id, source);
    this.docs[id] = doc;
    this.byUser.set(doc.userId, id);
    for (const skill of doc.teaches) {
      let holders = this.skills.get(skill.key);
      if (!holders) {
        holders = new Map();
        this.skills.set(skill.key, holders);
        this.addSkillEntry(skill);
      }
      holders.set(id, skillPoints(skill.level, skill.endorsements));
      this.insertSorted(this.skillOrder.get(skill.key), id, this.skillComparer(skill.key));
    }
    // An expert is someone who told the app a skill they teach. Without one (someone who only signed
    // in, or a roster-only profile from before issue #15) a person is nobody's result, not even by
    // name or bio; what they want to learn still counts for the suggestions.
    const searchable = doc.teaches.length > 0;
    for (const term of searchable ? doc.nameTerms : []) {
      this.names.add(term, id);
      this.insertSorted(this.termOrder.get(`n:${term}`), id, this.docComparer);
    }
    for (const term of searchable ? doc.bioTerms : []) {
      this.bios.add(term, id);
      this.insertSorted(this.termOrder.get(`b:${term}`), id, this.docComparer);
    }
    for (const key of doc.wantKeys) this.wants.set(key, (this.wants.get(key) ?? 0) + 1);
    this.version += 1;
  }

  remove(userId: string): void {
    const id = this.byUser.get(userId);
    if (id === undefined) return;
    const doc = this.docs[id];
    this.byUser.delete(userId);
    this.docs[id] = undefined;
    this.free.push(id);
    this.version += 1;
    if (!doc) return;
    const drop = (list: number[] | undefined) => {
      const at = list ? list.indexOf(id) : -1;
      if (list && at >= 0) list.splice(at, 1);
    };
    for (const skill of doc.teaches) {
      const holders = this.skills.get(skill.key);
      holders?.delete(id);
      drop(this.skillOrder.get(skill.key));
      if (holders && holders.size === 0) this.skillOrder.delete(skill.key);
      if (holders && holders.size === 0) {
        this.skills.delete(skill.key);
        const entry = this.skillEntries.get(skill.key);
        this.skillEntries.delete(skill.key);
        if (entry && !entry.seeded) this.taxonomyCache = undefined;
      }
    }
    for (const term of doc.nameTerms) {
      this.names.remove(term, id);
      drop(this.termOrder.get(`n:${term}`));
      if (!this.names.get(term)) this.termOrder.delete(`n:${term}`);
    }
    for (const term of doc.bioTerms) {
      this.bios.remove(term, id);
      drop(this.termOrder.get(`b:${term}`));
      if (!this.bios.get(term)) this.termOrder.delete(`b:${term}`);
    }
    for (const key of doc.wantKeys) {
      const left = (this.wants.get(key) ?? 0) - 1;
      if (left > 0) this.wants.set(key, left);
      else this.wants.delete(key);
    }
  }

  search(query: ExpertQuery): ExpertPage {
    const skip = Math.min(Math.max(0, Math.floor(query.skip) || 0), MAX_SKIP);
    const count = Math.min(Math.max(0, Math.floor(query.count) || 0), MAX_PAGE);
    const languageFilter = query.language === undefined ? undefined : languageKey(query.language);
    const minLevel = query.minLevel ?? 0;
    const filtered = minLevel > 0 || languageFilter !== undefined;
    const accept = (doc: ExpertDoc, points: number): boolean =>
      Math.floor(points / 100_000) >= minLevel && (languageFilter === undefined || doc.languageKeys.includes(languageFilter));

    const words = terms(query.text);
    if (words.length === 0) {
      // Nothing to search for: a blank query gets suggestions; emoji or punctuation alone find nobody.
      if (cleanText(query.text.slice(0, 200)) !== '') return { hits: [], suggestions: false };
      // One more than the page, so it stays full once the asker is taken out; the cached ranking is everyone's.
      const ranked = this.suggestionRanking(skip + count + 1, filtered ? accept : undefined, `${minLevel}|${languageFilter ?? ''}`);
      const others = ranked.filter((c) => this.docs[c.id]?.userId !== query.excludeUserId);
      const hits = others.slice(skip, skip + count).map((c) => this.toHit(c));
      return { hits, suggestions: true, ...(others.length < ranked.length ? { askerMatched: true } : {}) };
    }

    const top = new TopK(skip + count, this.docs);
    if (this.offered.length < this.docs.length) this.offered = new Float64Array(Math.max(this.docs.length, 1024));
    const offered = this.offered;
    const touched: number[] = [];
    let askerMatched = false;
    const consider = (id: number, tier: number, points: number, skillKey?: string) => {
      const doc = this.docs[id];
      if (!doc) return;
      if (doc.userId === query.excludeUserId) {
        // Filters still apply: "nobody else" only when the asker would have been a result.
        askerMatched ||= !filtered || accept(doc, points);
        return;
      }
      const value = score(tier, points, doc.sessions);
      const before = offered[id] ?? 0;
      if (value <= before || !top.admits(value) || (filtered && !accept(doc, points))) return;
      if (before === 0) touched.push(id);
      else top.remove(id);
      offered[id] = value;
      top.offer({ id, score: value, ...(skillKey ? { skillKey } : {}) });
    };
    try {
      // Skills: the whole query is one skill name ("power bi", "feedback geven", "typscript").
      const phrase = words.join('');
      for (const [key, entry] of this.skillEntries) {
        const quality = matchSkill(entry, phrase);
        if (!quality) continue;
        const tier = TIER.skill[quality];
        const holders = this.skills.get(key);
        if (!holders) continue;
        for (const id of this.sortedSkill(key)) {
          const points = holders.get(id) ?? 0;
          // Sorted best first: once one cannot make the page, none after it can.
          if (!top.wouldTake(id, score(tier, points, this.docs[id]?.sessions ?? 0))) break;
          consider(id, tier, points, key);
        }
      }
      // Every skill result outranks every name or bio result: a full page ends the search here.
      if (!top.full) this.matchAllWords(this.names, 'n', words, 2, 'name', top, consider);
      if (!top.full) this.matchAllWords(this.bios, 'b', words, 3, 'bio', top, consider);
      const hits = top.items.slice(skip).map((c) => this.toHit(c));
      return { hits, suggestions: false, ...(askerMatched ? { askerMatched } : {}) };
    } finally {
      for (const id of touched) offered[id] = 0;
    }
  }

  /** Names or bios: every word of the query must match a word; the weakest word sets the quality. */
  private matchAllWords(
    index: TermIndex,
    prefix: 'n' | 'b',
    words: readonly string[],
    minPrefix: number,
    field: 'name' | 'bio',
    top: TopK,
    consider: (id: number, tier: number, points: number) => void,
  ): void {
    const perWord = words.map((word) => index.match(word, minPrefix));
    if (perWord.some((matches) => matches.length === 0)) return;
    const offerDoc = (id: number, rank: number) => {
      const doc = this.docs[id];
      if (doc) consider(id, TIER[field][RANK_QUALITY[rank] ?? 'typo'], doc.topPoints);
    };
    if (perWord.length === 1) {
      // One word (the common case): walk each matching word's ids, best quality first.
      const matches = [...(perWord[0] ?? [])].sort((a, b) => QUALITY_RANK[b.quality] - QUALITY_RANK[a.quality]);
      for (const { term, quality } of matches) {
        const tier = TIER[field][quality];
        for (const id of this.sortedTerm(index, prefix, term)) {
          const doc = this.docs[id];
          if (doc && !top.wouldTake(id, score(tier, doc.topPoints, doc.sessions))) break;
          offerDoc(id, QUALITY_RANK[quality]);
        }
      }
      return;
    }
    // Several words: drive from the word with the fewest ids, check the others by membership.
    const sizes = perWord.map((matches) => matches.reduce((n, m) => n + m.ids.size, 0));
    const driver = sizes.indexOf(Math.min(...sizes));
    for (const { term, quality } of perWord[driver] ?? []) {
      const bound = TIER[field][quality];
      for (const id of this.sortedTerm(index, prefix, term)) {
        const doc = this.docs[id];
        // The driver's quality bounds the doc's: past the page's worst, nothing later gets in.
        if (doc && !top.wouldTake(id, score(bound, doc.topPoints, doc.sessions))) break;
        let rank = QUALITY_RANK[quality];
        for (let w = 0; w < perWord.length && rank > 0; w += 1) {
          if (w === driver) continue;
          let best = 0;
          for (const m of perWord[w] ?? []) if (m.ids.has(id)) best = Math.max(best, QUALITY_RANK[m.quality]);
          rank = Math.min(rank, best);
        }
        if (rank > 0) offerDoc(id, rank);
      }
    }
  }

  private readonly docComparer = (a: number, b: number): number => {
    const da = this.docs[a];
    const db = this.docs[b];
    return this.tieBreak(da, db, (da?.topPoints ?? 0) * 1e4 + (da?.sessions ?? 0), (db?.topPoints ?? 0) * 1e4 + (db?.sessions ?? 0));
  };

  private skillComparer(key: string): (a: number, b: number) => number {
    const holders = this.skills.get(key);
    return (a, b) => {
      const da = this.docs[a];
      const db = this.docs[b];
      return this.tieBreak(da, db, (holders?.get(a) ?? 0) * 1e4 + (da?.sessions ?? 0), (holders?.get(b) ?? 0) * 1e4 + (db?.sessions ?? 0));
    };
  }

  /** Best first: higher value, then name, then id (the same order as TopK). */
  private tieBreak(da: ExpertDoc | undefined, db: ExpertDoc | undefined, va: number, vb: number): number {
    if (va !== vb) return vb - va;
    const na = da?.sortName ?? '';
    const nb = db?.sortName ?? '';
    if (na !== nb) return na < nb ? -1 : 1;
    const ua = da?.userId ?? '';
    const ub = db?.userId ?? '';
    return ua < ub ? -1 : ua > ub ? 1 : 0;
  }

  private insertSorted(list: number[] | undefined, id: number, compare: (a: number, b: number) => number): void {
    if (!list) return;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(list[mid] ?? 0, id) <= 0) low = mid + 1;
      else high = mid;
    }
    list.splice(low, 0, id);
  }

  /** Sorts ids best first through plain records: far cheaper than a comparator that looks everything up. */
  private sortIds(ids: Iterable<number>, valueOf: (id: number, doc: ExpertDoc) => number): number[] {
    const rows: { id: number; v: number; n: string; u: string }[] = [];
    for (const id of ids) {
      const doc = this.docs[id];
      if (doc) rows.push({ id, v: valueOf(id, doc), n: doc.sortName, u: doc.userId });
    }
    rows.sort((a, b) => b.v - a.v || (a.n < b.n ? -1 : a.n > b.n ? 1 : a.u < b.u ? -1 : a.u > b.u ? 1 : 0));
    return rows.map((r) => r.id);
  }

  private sortedSkill(key: string): readonly number[] {
    let list = this.skillOrder.get(key);
    if (!list) {
      const holders = this.skills.get(key) ?? new Map<number, number>();
      list = this.sortIds(holders.keys(), (id, doc) => (holders.get(id) ?? 0) * 1e4 + doc.sessions);
      this.skillOrder.set(key, list);
    }
    return list;
  }

  private sortedTerm(index: TermIndex, prefix: 'n' | 'b', term: string): readonly number[] {
    const cacheKey = `${prefix}:${term}`;
    let list = this.termOrder.get(cacheKey);
    if (!list) {
      list = this.sortIds(index.get(term) ?? [], (_id, doc) => doc.topPoints * 1e4 + doc.sessions);
      this.termOrder.set(cacheKey, list);
    }
    return list;
  }

  /** Sorts every skill's holders and every word's docs now (at load), so no query pays for it. */
  prepare(): void {
    for (const key of this.skills.keys()) this.sortedSkill(key);
    for (const term of this.names.terms()) this.sortedTerm(this.names, 'n', term);
    for (const term of this.bios.terms()) this.sortedTerm(this.bios, 'b', term);
  }

  /** Empty query: people who teach what many colleagues want to learn, strongest first. */
  private suggestionRanking(k: number, accept: ((doc: ExpertDoc, points: number) => boolean) | undefined, filterKey: string): Candidate[] {
    const cached = this.suggestionCache;
    if (cached && cached.version === this.version && cached.k >= k && cached.key === filterKey) return cached.ranked;
    const top = new TopK(k, this.docs);
    for (const doc of this.docs) {
      if (!doc || doc.teaches.length === 0) continue;
      let best: IndexedSkill | undefined;
      let bestDemand = -1;
      for (const s of doc.teaches) {
        const demand = this.wants.get(s.key) ?? 0;
        if (demand > bestDemand || (demand === bestDemand && betterSkill(s, best))) {
          best = s;
          bestDemand = demand;
        }
      }
      if (!best) continue;
      const points = skillPoints(best.level, best.endorsements);
      if (accept && !accept(doc, points)) continue;
      const value = score(0, points, doc.sessions, bestDemand);
      if (top.admits(value)) top.offer({ id: doc.id, score: value, skillKey: best.key, wantedBy: bestDemand });
    }
    this.suggestionCache = { version: this.version, k, key: filterKey, ranked: top.items };
    return top.items;
  }

  /**
   * One person of this tenant as a result about `skillName` (else their strongest skill): what a picked
   * messaging-extension result inserts. Undefined for anyone not in this tenant's index.
   */
  expert(userId: string, skillName?: string): ExpertHit | undefined {
    const id = this.byUser.get(userId);
    const doc = id === undefined ? undefined : this.docs[id];
    if (!doc) return undefined;
    const skill = (skillName === undefined ? undefined : doc.teaches.find((s) => s.name === skillName)) ?? doc.top;
    return this.hitOf(doc, 'skill', 'exact', skill, undefined);
  }

  private toHit(c: Candidate): ExpertHit {
    const doc = this.docs[c.id] as ExpertDoc;
    const tier = tierOf(c.score);
    const field: MatchField = c.wantedBy !== undefined ? 'suggestion' : (TIER_FIELD[tier] ?? 'bio');
    const skill = c.skillKey ? doc.teaches.find((s) => s.key === c.skillKey) : doc.top;
    return this.hitOf(doc, field, TIER_QUALITY[tier] ?? 'typo', skill, c.wantedBy);
  }

  private hitOf(
    doc: ExpertDoc,
    field: MatchField,
    quality: MatchQuality,
    skill: IndexedSkill | undefined,
    wantedBy: number | undefined,
  ): ExpertHit {
    return {
      userId: doc.userId,
      displayName: doc.displayName,
      ...(doc.email ? { email: doc.email } : {}),
      match: field,
      ...(field === 'suggestion' ? {} : { quality }),
      ...(skill ? { skill: { name: skill.name, level: skill.level, endorsements: skill.endorsements } } : {}),
      sessionsTaught: doc.sessions,
      ...(wantedBy !== undefined ? { wantedBy } : {}),
      teaches: doc.teaches.map((s) => ({ name: s.name, level: s.level, endorsements: s.endorsements })),
      languages: doc.languages,
      availability: doc.availability,
    };
  }

  private addSkillEntry(skill: IndexedSkill): void {
    const seeded = SEEDED_TAXONOMY.byCompactKey(skill.key);
    if (seeded && seeded.key === skill.key) {
      this.skillEntries.set(skill.key, seeded);
      return;
    }
    const words = fold(skill.name)
      .split(' ')
      .filter((w) => w !== '');
    this.skillEntries.set(skill.key, { name: skill.name, key: skill.key, keys: [skill.key], words, seeded: false });
    this.taxonomyCache = undefined;
  }

  private toDoc(id: number, source: ExpertSource): ExpertDoc {
    const { profile, endorsements } = source;
    const seen = new Set<string>();
    const teaches: IndexedSkill[] = [];
    for (const t of profile.teaches) {
      const normal = SEEDED_TAXONOMY.normalise(t.name);
      if (!normal || seen.has(normal.key)) continue;
      seen.add(normal.key);
      teaches.push({
        key: normal.key,
        name: normal.known ? normal.name : cleanText(t.name),
        level: t.level,
        endorsements: endorsements.get(normal.key) ?? 0,
      });
    }
    let top: IndexedSkill | undefined;
    for (const s of teaches) if (betterSkill(s, top)) top = s;
    const wantKeys = [...new Set(profile.wants.map((w) => SEEDED_TAXONOMY.normalise(w)?.key).filter((k): k is string => k !== undefined))];
    const languageKeys = [...new Set(profile.languages.map(languageKey).filter((k): k is string => k !== undefined))];
    return {
      id,
      userId: profile.userId,
      displayName: profile.displayName,
      sortName: fold(profile.displayName),
      ...(profile.email ? { email: profile.email } : {}),
      teaches,
      ...(top ? { top } : {}),
      topPoints: top ? skillPoints(top.level, top.endorsements) : 0,
      wantKeys,
      languageKeys,
      languages: profile.languages,
      availability: profile.availability,
      nameTerms: [...new Set(terms(profile.displayName))],
      bioTerms: [
        ...new Set(
          fold(profile.bio)
            .split(' ')
            .filter((w) => w.length > 1),
        ),
      ],
      sessions: this.sessionsTaught.get(profile.userId) ?? 0,
    };
  }
}

/** Skill key of a typed skill name, as the index and the endorsement store use it. */
export const skillKeyOf = (name: string): string => SEEDED_TAXONOMY.normalise(name)?.key ?? compactKey(name);
