import type { ExpertDoc, ExpertSource, IndexedSkill, SnapshotPerson } from './expert-doc';
import { DocPools, skillPoints, snapshotPerson } from './expert-doc';
import { MAX_PAGE, MAX_SKIP, score, TIER, TIER_FIELD, TIER_QUALITY, tierOf } from './expert-ranking';
import type { ExpertHit, ExpertPage, ExpertQuery, MatchField } from './expert-ranking';
import { SEEDED_TAXONOMY, matchSkill } from './skill-taxonomy';
import type { SkillTaxonomy, TaxonomySkill } from './skill-taxonomy';
import { languageKey } from './spoken-languages';
import { cleanText, compactKey, fold, terms } from './text-fold';
import { IdList } from './id-list';
import { TermIndex } from './term-index';
import type { Postings } from './term-index';
import { TopK } from './top-k';
import { hitOf } from './expert-hit';
import { rankSuggestions } from './expert-suggestions';
import { bioTermsOf, matchAllWords } from './word-match';
import type { Candidate, TieBreak } from './top-k';

export type { ExpertHit, ExpertPage, ExpertQuery } from './expert-ranking';
export { MAX_PAGE, MAX_SKIP } from './expert-ranking';

/**
 * Ids of one list in a snapshot. A decoded snapshot gives Int32Array views into its one buffer of ids,
 * which a restore takes over without a copy; `lists()` gives plain arrays (they are encoded right away).
 */
export type SnapshotIds = readonly number[] | Int32Array;

/**
 * The people of a snapshot, in id order. An array of tuples, or a decoded snapshot's columns, which hand
 * out one short-lived tuple at a time: 100,000 parsed tuples (about 48 MB) would be garbage left among
 * the restored docs, and the service's memory stays at its high-water mark (issue #16).
 */
export interface SnapshotPeople {
  readonly length: number;
  forEach(each: (person: SnapshotPerson, id: number) => void): void;
}

/** What a snapshot keeps of an index: documents as tuples and every list best first (see `lists()`). */
export interface IndexLists {
  readonly people: SnapshotPeople;
  /** Skill key, the taxonomy name it is matched by, holders best first; in the order skills are matched. */
  readonly skills: readonly (readonly [string, string, SnapshotIds])[];
  readonly names: readonly (readonly [string, SnapshotIds])[];
  readonly bios: readonly (readonly [string, SnapshotIds])[];
}

interface SkillHolders {
  readonly entry: TaxonomySkill;
  /** Holders, best first for this skill (when `ids.sorted`). */
  readonly ids: IdList;
}

/**
 * The expert index of one tenant, in memory: documents, a best-first holder list per skill, best-first
 * lists of name words and bio words, and what people want to learn. One ranking for every surface
 * (messaging extension, tab, bot). Pure: it knows nothing of storage; the directory feeds it. Lean by
 * design (issue #16): lists are plain id arrays, shared values are interned (see expert-doc.ts).
 */
export class TenantExpertIndex implements TieBreak {
  private readonly docs: (ExpertDoc | undefined)[] = [];
  private readonly free: number[] = [];
  private readonly byUser = new Map<string, number>();
  /** skill key → its taxonomy entry and holders; insertion order is the order skills are matched in. */
  private readonly skills = new Map<string, SkillHolders>();
  private readonly names = new TermIndex();
  private readonly bios = new TermIndex();
  private readonly wants = new Map<string, number>();
  private readonly pools = new DocPools();
  private sessionsTaught: ReadonlyMap<string, number> = new Map();
  private taxonomyCache: SkillTaxonomy | undefined;
  private version = 0;
  private suggestionCache: { version: number; k: number; key: string; ranked: Candidate[] } | undefined;
  /** Before `prepare()` (a bulk load) lists are appended to and sorted once; after it, kept sorted per change. */
  private prepared = false;
  /** Per query: the best score a doc was offered with (0: none). Reused; reset through `touched`. */
  private offered = new Float64Array(0);
  /** Docs ranked by (folded name, id), for sorting whole lists with number comparisons; rebuilt when stale. */
  private nameRank: { version: number; rank: Int32Array } | undefined;
  /** Sort keys of the list being sorted, by doc id; reused. */
  private scratch = new Float64Array(0);

  constructor(readonly tenantId: string) {}

  get size(): number {
    return this.byUser.size;
  }

  sortName(id: number): string {
    return this.docs[id]?.name.sortName ?? '';
  }

  userId(id: number): string {
    return this.docs[id]?.userId ?? '';
  }

  /** The name on this person's profile as the index last read it; undefined for someone without a profile here. */
  displayNameOf(userId: string): string | undefined {
    const id = this.byUser.get(userId);
    return id === undefined ? undefined : this.docs[id]?.name.displayName;
  }

  /** The seeded taxonomy plus the skills people of this tenant added. */
  taxonomy(): SkillTaxonomy {
    this.taxonomyCache ??= SEEDED_TAXONOMY.withAdditions([...this.skills.values()].filter((s) => !s.entry.seeded).map((s) => s.entry.name));
    return this.taxonomyCache;
  }

  /** How many people teach a skill (for ordering suggestions). */
  teachers(skillKey: string): number {
    return this.skills.get(skillKey)?.ids.length ?? 0;
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
      // Sessions take part in the order; lists are sorted again on their next use.
      for (const holders of this.skills.values()) holders.ids.sorted = false;
      for (const list of this.names.lists()) list.ids.sorted = false;
      for (const list of this.bios.lists()) list.ids.sorted = false;
      this.version += 1;
      // A loaded index sorts again now, in one pass, rather than in the first queries that touch each list.
      if (this.prepared) this.prepare();
    }
  }

  upsert(source: ExpertSource): void {
    if (source.profile.tenantId !== this.tenantId)
      throw new Error(`Profile of tenant ${source.profile.tenantId} offered to the index of ${this.tenantId}`);
    this.remove(source.profile.userId);
    const id = this.free.pop() ?? this.docs.length;
    const doc = this.pools.toDoc(id, source, this.sessionsTaught.get(source.profile.userId) ?? 0);
    this.docs[id] = doc;
    this.byUser.set(doc.userId, id);
    for (const skill of doc.teaches) {
      let holders = this.skills.get(skill.key);
      if (!holders) {
        holders = { entry: this.skillEntry(skill), ids: new IdList() };
        this.skills.set(skill.key, holders);
      }
      this.place(holders.ids, id, this.skillComparer(skill.key));
    }
    // An expert is someone who told the app a skill they teach. Without one (someone who only signed
    // in, or a roster-only profile from before issue #15) a person is nobody's result, not even by
    // name or bio; what they want to learn still counts for the suggestions.
    if (doc.teaches.length > 0) {
      for (const term of doc.name.terms) this.place(this.names.open(term).ids, id, this.docComparer);
      for (const term of bioTermsOf(doc)) this.place(this.bios.open(term).ids, id, this.docComparer);
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
    for (const skill of doc.teaches) {
      const holders = this.skills.get(skill.key);
      if (!holders) continue;
      holders.ids.remove(id);
      if (holders.ids.length === 0) {
        this.skills.delete(skill.key);
        if (!holders.entry.seeded) this.taxonomyCache = undefined;
      }
    }
    if (doc.teaches.length > 0) {
      for (const term of doc.name.terms) this.names.remove(term, id);
      for (const term of bioTermsOf(doc)) this.bios.remove(term, id);
    }
    for (const key of doc.wantKeys) {
      const left = (this.wants.get(key) ?? 0) - 1;
      if (left > 0) this.wants.set(key, left);
      else this.wants.delete(key);
    }
    this.pools.release(doc);
  }

  /**
   * The index as plain data for a snapshot (storage/experts/snapshot-codec.ts): people numbered densely in their order
   * here, every list best first and in the order it is matched in, so a restore sorts nothing.
   */
  lists(): IndexLists & { readonly people: readonly SnapshotPerson[] } {
    this.prepare();
    const dense = new Int32Array(this.docs.length);
    const people: SnapshotPerson[] = [];
    this.docs.forEach((doc, id) => {
      if (!doc) return;
      dense[id] = people.length;
      people.push(snapshotPerson(doc));
    });
    const renumber = (ids: IdList): number[] => Array.from(ids.view(), (id) => dense[id] ?? 0);
    return {
      people,
      skills: [...this.skills].map(([key, holders]): [string, string, number[]] => [key, holders.entry.name, renumber(holders.ids)]),
      names: [...this.names.lists()].map((list): [string, number[]] => [list.term, renumber(list.ids)]),
      bios: [...this.bios.lists()].map((list): [string, number[]] => [list.term, renumber(list.ids)]),
    };
  }

  /** Fills an empty index from a snapshot's lists (taken over, not copied); throws on lists that do not fit. */
  restore(lists: IndexLists): void {
    if (this.docs.length > 0) throw new Error('An index is restored from a snapshot only when empty');
    const size = lists.people.length;
    const taught = new Map<string, number>();
    const check = (ids: SnapshotIds): IdList => {
      for (const id of ids)
        if (!Number.isInteger(id) || id < 0 || id >= size) throw new Error(`Snapshot list names person #${id} of ${size}`);
      // A decoded snapshot's views are taken over as they are; plain arrays (tests, older callers) are copied once.
      return new IdList(ids instanceof Int32Array ? ids : Int32Array.from(ids));
    };
    const bioLists = lists.bios.map(([term, ids]) => [term, check(ids)] as const);
    const bioWords = this.bioWordsByPerson(bioLists, size);
    lists.people.forEach((person, id) => {
      const doc = this.pools.restore(id, person, bioWords(id));
      if (this.byUser.has(doc.userId)) throw new Error(`Person ${doc.userId} is in the snapshot twice`);
      this.docs[id] = doc;
      this.byUser.set(doc.userId, id);
      if (doc.sessions > 0) taught.set(doc.userId, doc.sessions);
      for (const key of doc.wantKeys) this.wants.set(key, (this.wants.get(key) ?? 0) + 1);
    });
    for (const [key, name, ids] of lists.skills) {
      this.skills.set(key, { entry: this.skillEntry({ key, name, level: 1, endorsements: 0 }), ids: check(ids) });
    }
    for (const [term, ids] of lists.names) this.names.adopt(term, check(ids));
    for (const [term, ids] of bioLists) this.bios.adopt(term, ids);
    this.sessionsTaught = taught;
    this.prepared = true;
    this.version += 1;
  }

  /**
   * A person's bio words are the bio lists that hold them (only people who teach are in those lists, and
   * only theirs are ever searched or taken out of them). Gathered in flat typed arrays (word numbers by
   * person), not an array of words per person: 100,000 small arrays would be garbage left among the docs.
   */
  private bioWordsByPerson(bios: readonly (readonly [string, IdList])[], size: number): (id: number) => string {
    const starts = new Int32Array(size + 1);
    for (const [, ids] of bios) for (const id of ids.view()) starts[id + 1] = (starts[id + 1] ?? 0) + 1;
    for (let id = 0; id < size; id += 1) starts[id + 1] = (starts[id + 1] ?? 0) + (starts[id] ?? 0);
    const filled = starts.slice(0, size);
    const words = new Int32Array(starts[size] ?? 0);
    bios.forEach(([, ids], word) => {
      for (const id of ids.view()) {
        const at = filled[id] ?? 0;
        words[at] = word;
        filled[id] = at + 1;
      }
    });
    const own: string[] = [];
    return (id) => {
      own.length = 0;
      for (let at = starts[id] ?? 0; at < (starts[id + 1] ?? 0); at += 1) own.push(bios[words[at] ?? 0]?.[0] ?? '');
      return own.join(' ');
    };
  }

  search(query: ExpertQuery): ExpertPage {
    const skip = Math.min(Math.max(0, Math.floor(query.skip) || 0), MAX_SKIP);
    const count = Math.min(Math.max(0, Math.floor(query.count) || 0), MAX_PAGE);
    const languageFilter = query.language === undefined ? undefined : languageKey(query.language);
    const minLevel = query.minLevel ?? 0;
    const filtered = minLevel > 0 || languageFilter !== undefined;
    const accept = (doc: ExpertDoc, points: number): boolean =>
      Math.floor(points / 100_000) >= minLevel && (languageFilter === undefined || doc.languages.keys.includes(languageFilter));

    const words = terms(query.text);
    if (words.length === 0) {
      // Nothing to search for: a blank query gets suggestions; emoji or punctuation alone find nobody.
      if (cleanText(query.text.slice(0, 200)) !== '') return { hits: [], suggestions: false, nothingToSearch: true };
      // One more than the page, so it stays full once the asker is taken out; the cached ranking is everyone's.
      const ranked = this.suggestionRanking(skip + count + 1, filtered ? accept : undefined, `${minLevel}|${languageFilter ?? ''}`);
      const others = ranked.filter((c) => this.docs[c.id]?.userId !== query.excludeUserId);
      const hits = others.slice(skip, skip + count).map((c) => this.toHit(c));
      return { hits, suggestions: true, ...(others.length < ranked.length ? { askerMatched: true } : {}) };
    }

    const top = new TopK(skip + count, this);
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
      for (const [key, holders] of this.skills) {
        const quality = matchSkill(holders.entry, phrase);
        if (!quality) continue;
        const tier = TIER.skill[quality];
        for (const id of this.sortedSkill(key, holders)) {
          const points = this.pointsFor(id, key);
          // Sorted best first: once one cannot make the page, none after it can.
          if (!top.wouldTake(id, score(tier, points, this.docs[id]?.sessions ?? 0))) break;
          consider(id, tier, points, key);
        }
      }
      // Every skill result outranks every name or bio result: a full page ends the search here.
      if (!top.full)
        matchAllWords(this.names, words, 2, 'name', {
          top,
          consider,
          docOf: (id) => this.docs[id],
          sorted: (list) => this.sortedTerm(list),
        });
      if (!top.full)
        matchAllWords(this.bios, words, 3, 'bio', { top, consider, docOf: (id) => this.docs[id], sorted: (list) => this.sortedTerm(list) });
      const hits = top.items.slice(skip).map((c) => this.toHit(c));
      return { hits, suggestions: false, ...(askerMatched ? { askerMatched } : {}) };
    } finally {
      for (const id of touched) offered[id] = 0;
    }
  }

  private pointsFor(id: number, key: string): number {
    const skill = this.docs[id]?.teaches.find((s) => s.key === key);
    return skill ? skillPoints(skill.level, skill.endorsements) : 0;
  }

  private readonly docComparer = (a: number, b: number): number => {
    const da = this.docs[a];
    const db = this.docs[b];
    return this.tieBreak(a, b, (da?.topPoints ?? 0) * 1e4 + (da?.sessions ?? 0), (db?.topPoints ?? 0) * 1e4 + (db?.sessions ?? 0));
  };

  private skillComparer(key: string): (a: number, b: number) => number {
    return (a, b) =>
      this.tieBreak(
        a,
        b,
        this.pointsFor(a, key) * 1e4 + (this.docs[a]?.sessions ?? 0),
        this.pointsFor(b, key) * 1e4 + (this.docs[b]?.sessions ?? 0),
      );
  }

  /** Best first: higher value, then name, then id (the same order as TopK). */
  private tieBreak(a: number, b: number, va: number, vb: number): number {
    if (va !== vb) return vb - va;
    const na = this.sortName(a);
    const nb = this.sortName(b);
    if (na !== nb) return na < nb ? -1 : 1;
    const ua = this.userId(a);
    const ub = this.userId(b);
    return ua < ub ? -1 : ua > ub ? 1 : 0;
  }

  /** Adds `id` to a list: in its place when the list is kept sorted, else at the end (sorted on first use). */
  private place(list: IdList, id: number, compare: (a: number, b: number) => number): void {
    if (!this.prepared || !list.sorted) {
      list.push(id);
      list.sorted = list.length <= 1 && this.prepared;
      return;
    }
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(list.at(mid), id) <= 0) low = mid + 1;
      else high = mid;
    }
    list.insert(low, id);
  }

  /** Docs ranked by (folded name, id): whole lists then sort with number comparisons only. */
  private ranks(): Int32Array {
    if (this.nameRank?.version === this.version) return this.nameRank.rank;
    const ids: number[] = [];
    for (const doc of this.docs) if (doc) ids.push(doc.id);
    ids.sort((a, b) => this.tieBreak(a, b, 0, 0));
    const rank = new Int32Array(this.docs.length);
    ids.forEach((id, at) => {
      rank[id] = at;
    });
    this.nameRank = { version: this.version, rank };
    return rank;
  }

  /** Sorts a list best first by `value` (then name, id), in place. */
  private sortList(list: IdList, value: (id: number) => number): void {
    const rank = this.ranks();
    if (this.scratch.length < this.docs.length) this.scratch = new Float64Array(this.docs.length);
    const values = this.scratch;
    for (const id of list.view()) values[id] = value(id);
    list.sortAndTrim((a, b) => (values[b] ?? 0) - (values[a] ?? 0) || (rank[a] ?? 0) - (rank[b] ?? 0));
  }

  private sortedSkill(key: string, holders: SkillHolders): Int32Array {
    if (!holders.ids.sorted) this.sortList(holders.ids, (id) => this.pointsFor(id, key) * 1e4 + (this.docs[id]?.sessions ?? 0));
    return holders.ids.view();
  }

  private sortedTerm(list: Postings): Int32Array {
    if (!list.ids.sorted) this.sortList(list.ids, (id) => (this.docs[id]?.topPoints ?? 0) * 1e4 + (this.docs[id]?.sessions ?? 0));
    return list.ids.view();
  }

  /** Sorts every skill's holders and every word's docs now (at load), so no query pays for it. */
  prepare(): void {
    for (const [key, holders] of this.skills) this.sortedSkill(key, holders);
    for (const list of this.names.lists()) this.sortedTerm(list);
    for (const list of this.bios.lists()) this.sortedTerm(list);
    this.prepared = true;
  }

  /** Empty query: people who teach what many colleagues want to learn, strongest first. */
  private suggestionRanking(k: number, accept: ((doc: ExpertDoc, points: number) => boolean) | undefined, filterKey: string): Candidate[] {
    const cached = this.suggestionCache;
    if (cached && cached.version === this.version && cached.k >= k && cached.key === filterKey) return cached.ranked;
    const ranked = rankSuggestions(this.docs, this.wants, new TopK(k, this), accept);
    this.suggestionCache = { version: this.version, k, key: filterKey, ranked };
    return ranked;
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
    return hitOf(doc, 'skill', 'exact', skill, undefined);
  }

  private toHit(c: Candidate): ExpertHit {
    const doc = this.docs[c.id] as ExpertDoc;
    const tier = tierOf(c.score);
    const field: MatchField = c.wantedBy !== undefined ? 'suggestion' : (TIER_FIELD[tier] ?? 'bio');
    const skill = c.skillKey ? doc.teaches.find((s) => s.key === c.skillKey) : doc.top;
    return hitOf(doc, field, TIER_QUALITY[tier] ?? 'typo', skill, c.wantedBy);
  }

  private skillEntry(skill: IndexedSkill): TaxonomySkill {
    const seeded = SEEDED_TAXONOMY.byCompactKey(skill.key);
    if (seeded && seeded.key === skill.key) return seeded;
    const words = fold(skill.name)
      .split(' ')
      .filter((w) => w !== '');
    this.taxonomyCache = undefined;
    return { name: skill.name, key: skill.key, keys: [skill.key], words, seeded: false };
  }
}

/** Skill key of a typed skill name, as the index and the endorsement store use it. */
export const skillKeyOf = (name: string): string => SEEDED_TAXONOMY.normalise(name)?.key ?? compactKey(name);
