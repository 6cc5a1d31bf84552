// The snapshot's bytes (bot/src/storage/experts/snapshot-codec.ts, format 2): people as columns, handed
// out one tuple at a time; columns that do not fit together make the snapshot unreadable (a rebuild).
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import type { SnapshotPerson } from '../../bot/src/domain/experts/expert-doc';
import type { IndexLists } from '../../bot/src/domain/experts/expert-index';
import { decodeSnapshot, encodeSnapshot } from '../../bot/src/storage/experts/snapshot-codec';
import { peopleColumns } from '../../bot/src/storage/experts/snapshot-people';

const TENANT = 'codec-tenant';
const people: SnapshotPerson[] = [
  [
    'u1',
    'ann@example.com',
    'Ann de Vries',
    ['excel', 'Excel', 3, 2, 'typescript', 'TypeScript', 1, 0],
    ['python'],
    ['Nederlands'],
    'mornings',
    2,
  ],
  ['u2', '', 'Bram Jansen', ['excel', 'Excel', 2, 0], [], ['English', 'Nederlands'], '', 0],
  ['u3', '', 'Chloé Dubois', [], ['python'], ['Nederlands'], 'mornings', 0],
];
const lists: IndexLists = { people, skills: [['excel', 'Excel', [0, 1]]], names: [['ann', [0]]], bios: [] };

const tuples = (decoded: IndexLists): SnapshotPerson[] => {
  const all: SnapshotPerson[] = [];
  decoded.people.forEach((person) => all.push(person));
  return all;
};

/** Bytes as the codec lays them out, with a header of our own making (no ids). */
const bytesOf = (header: unknown): Buffer => {
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return gzipSync(Buffer.concat([length, json]));
};

describe('snapshot codec', () => {
  it('gives back every person and list as written, each shared value once in a table', async () => {
    const decoded = await decodeSnapshot(await encodeSnapshot({ tenantId: TENANT, cursorMs: 5, seen: [['c1', 5]], lists }), TENANT);
    expect(decoded && tuples(decoded.lists)).toEqual(people);
    expect(decoded?.lists.people.length).toBe(3);
    expect(decoded?.lists.skills.map(([key, name, ids]) => [key, name, [...ids]])).toEqual([['excel', 'Excel', [0, 1]]]);
    expect(decoded?.seen).toEqual([['c1', 5]]);
    const columns = peopleColumns(people);
    expect(columns.skillTable).toEqual([
      ['excel', 'Excel'],
      ['typescript', 'TypeScript'],
    ]);
    expect(columns.wantTable).toEqual([['python'], []]);
    expect(columns.availabilityTable).toEqual(['mornings', '']);
  });

  it('refuses columns that do not fit together', async () => {
    const good = { tenantId: TENANT, cursorMs: 0, seen: [], lists: { people: peopleColumns(people), skills: [], names: [], bios: [] } };
    expect(await decodeSnapshot(bytesOf(good), TENANT)).toBeDefined();
    const damaged = (people: Record<string, unknown>) =>
      bytesOf({ ...good, lists: { ...good.lists, people: { ...good.lists.people, ...people } } });
    const columns = good.lists.people;
    for (const broken of [
      { wants: [0, 0, 9] },
      { emails: ['', ''] },
      { skills: [...columns.skills, 0] },
      { skills: columns.skills.map((n, i) => (i === 1 ? 99 : n)) },
      { userIds: ['u1', '', 'u3'] },
      { availabilityTable: 'mornings' },
    ])
      expect(await decodeSnapshot(damaged(broken), TENANT)).toBeUndefined();
    expect(await decodeSnapshot(bytesOf(good), 'another-tenant')).toBeUndefined();
  });
});
