// An index restored from its snapshot lists answers exactly as the index they were taken from: after the
// restore, and again after the same edits on both (issue #16: warm from a snapshot, same rankings).
import { describe, expect, it } from '@jest/globals';
import { skillKeyOf, TenantExpertIndex } from '../../bot/src/domain/experts/expert-index';
import type { ExpertQuery, IndexLists } from '../../bot/src/domain/experts/expert-index';
import type { MemberProfile, SkillLevel } from '../../bot/src/domain/experts/member';
import { decodeSnapshot, encodeSnapshot } from '../../bot/src/storage/experts/snapshot-codec';
import { CITIES, endorsementsOf, FIRST, LAST, pick, profileOf, queries, random, userIdOf } from '../support/expert-corpus';

const TENANT = 'snapshot-tenant';
const PEOPLE = 1_000;
const AT = '2026-01-01T00:00:00.000Z';

const counts = new Map<string, Map<string, number>>();
for (const e of endorsementsOf(PEOPLE, AT, TENANT)) {
  const mine = counts.get(e.userId) ?? new Map<string, number>();
  mine.set(skillKeyOf(e.skill), (mine.get(skillKeyOf(e.skill)) ?? 0) + 1);
  counts.set(e.userId, mine);
}
const sourceOf = (profile: MemberProfile) => ({ profile, endorsements: counts.get(profile.userId) ?? new Map<string, number>() });

function built(): TenantExpertIndex {
  const index = new TenantExpertIndex(TENANT);
  for (let i = 0; i < PEOPLE; i += 1) index.upsert(sourceOf(profileOf(i, AT, TENANT)));
  // Holes in the id space: removed people leave free ids that new people reuse.
  for (let i = 0; i < PEOPLE; i += 97) index.remove(userIdOf(i));
  const next = random(5);
  const taught = new Map<string, number>();
  for (let i = 0; i < PEOPLE; i += 1) if (next() < 0.2) taught.set(userIdOf(i), 1 + Math.floor(next() * 6));
  index.setSessionsTaught(taught);
  index.prepare();
  return index;
}

/** Through JSON, as storage keeps it. */
function restored(lists: IndexLists): TenantExpertIndex {
  const index = new TenantExpertIndex(TENANT);
  index.restore(JSON.parse(JSON.stringify(lists)) as IndexLists);
  return index;
}

function queryList(): ExpertQuery[] {
  const next = random(31);
  const texts = [
    ...queries(120),
    ...Array.from({ length: 20 }, () => `${pick(FIRST, next)} ${pick(LAST, next)}`),
    ...Array.from({ length: 10 }, () => `${pick(CITIES, next)} developer`),
    'feedback geven',
    'power bi',
    'mendix',
  ];
  return [
    ...texts.map((text) => ({ text, skip: 0, count: 10 })),
    { text: '', skip: 0, count: 25 },
    { text: 'excel', skip: 10, count: 25, minLevel: 2 as SkillLevel },
    { text: 'an', skip: 0, count: 10, language: 'nl' },
    { text: 'typescript', skip: 0, count: 5, excludeUserId: userIdOf(7) },
  ];
}

const answers = (index: TenantExpertIndex) => queryList().map((q) => ({ q, page: index.search(q) }));

function edit(index: TenantExpertIndex): void {
  for (let i = 1; i < 300; i += 3) {
    const base = profileOf(i, AT, TENANT);
    if (i % 2 === 0) index.remove(base.userId);
    else index.upsert(sourceOf({ ...base, teaches: [...base.teaches.slice(1), { name: 'Mendix', level: 3 }], bio: 'nieuw in Zwolle' }));
  }
  for (let i = PEOPLE; i < PEOPLE + 20; i += 1) index.upsert(sourceOf(profileOf(i, AT, TENANT)));
}

describe('expert index snapshot', () => {
  it('restores an index that answers every query as the original, also after the same edits on both', () => {
    const original = built();
    const copy = restored(original.lists());
    expect(copy.size).toBe(original.size);
    expect(answers(copy)).toEqual(answers(original));
    expect(copy.expert(userIdOf(5), 'Excel')).toEqual(original.expert(userIdOf(5), 'Excel'));
    expect(copy.sessionsTaughtBy(userIdOf(3))).toBe(original.sessionsTaughtBy(userIdOf(3)));

    edit(original);
    edit(copy);
    const after = answers(copy);
    expect(after).toEqual(answers(original));
    expect(
      copy
        .taxonomy()
        .all()
        .map((s) => s.name),
    ).toEqual(
      original
        .taxonomy()
        .all()
        .map((s) => s.name),
    );
    // The answers are not trivially empty.
    expect(after.filter((a) => a.page.hits.length > 0).length).toBeGreaterThan(100);
  });

  it('restores from the decoded bytes, its lists views into one buffer of ids, and stays right through edits that grow and shrink them', async () => {
    const original = built();
    const decoded = await decodeSnapshot(
      await encodeSnapshot({ tenantId: TENANT, cursorMs: 0, seen: [], lists: original.lists() }),
      TENANT,
    );
    if (!decoded) throw new Error('the snapshot did not decode');
    const [, , firstIds] = decoded.lists.skills[0] ?? [];
    // The lists are views of one buffer (no copy per list): an edit that wrote past its own view would change a neighbour.
    expect(firstIds instanceof Int32Array && firstIds.buffer.byteLength > firstIds.byteLength).toBe(true);
    const copy = new TenantExpertIndex(TENANT);
    copy.restore(decoded.lists);
    expect(answers(copy)).toEqual(answers(original));
    edit(original);
    edit(copy);
    expect(answers(copy)).toEqual(answers(original));
    expect(copy.lists()).toEqual(original.lists());
  });

  it('refuses lists that do not fit together, and a restore into an index that is not empty', () => {
    const full = built();
    const lists = full.lists();
    const outOfRange = { ...lists, names: [['zz', [lists.people.length]] as const] } as unknown as IndexLists;
    expect(() => restored(outOfRange)).toThrow(/person #/);
    const twice = { ...lists, people: [...lists.people, lists.people[0]] } as unknown as IndexLists;
    expect(() => restored(twice)).toThrow(/twice/);
    expect(() => full.restore(lists)).toThrow(/empty/);
  });
});
