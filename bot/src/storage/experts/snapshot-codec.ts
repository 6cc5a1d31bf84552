import { promisify } from 'node:util';
import { endianness } from 'node:os';
import { gunzip, gzip } from 'node:zlib';
import type { SnapshotIds } from '../../domain/experts/expert-index';
import type { IndexSnapshot } from '../../domain/experts/expert-ports';
import { ColumnPeople, isCount, isNumber, isString, peopleColumns } from './snapshot-people';

/**
 * The bytes of an index snapshot, gzipped: a 4-byte length, JSON of the snapshot with its people as
 * columns (snapshot-people.ts) and each list's ids replaced by their count, then every list's ids as
 * little-endian 32-bit integers in the same order.
 * JSON for the people and words because V8 parses it faster than any hand-made decoder in JavaScript;
 * binary for the 1.7 million ids of a 100,000-person tenant, which as JSON digits were most of the bytes
 * and of the parse. Bump SNAPSHOT_FORMAT whenever the shape changes: a reader meeting another format
 * rebuilds from the profiles.
 */
export const SNAPSHOT_FORMAT = 2;

const zip = promisify(gzip);
/** Int32Array is in the machine's byte order; the snapshot's ids are little-endian (as on x64 and arm64). */
const LITTLE_ENDIAN = endianness() === 'LE';
const unzip = promisify(gunzip);

type IdLists = readonly (readonly [string, SnapshotIds] | readonly [string, string, SnapshotIds])[];
const idsOf = (entry: readonly [string, SnapshotIds] | readonly [string, string, SnapshotIds]): SnapshotIds =>
  entry.length === 2 ? entry[1] : entry[2];

export async function encodeSnapshot(snapshot: IndexSnapshot): Promise<Buffer> {
  const { skills, names, bios } = snapshot.lists;
  const groups: IdLists[] = [skills, names, bios];
  let total = 0;
  for (const group of groups) for (const entry of group) total += idsOf(entry).length;
  const ids = new Int32Array(total);
  let at = 0;
  for (const group of groups)
    for (const entry of group) {
      ids.set(idsOf(entry), at);
      at += idsOf(entry).length;
    }
  const header = Buffer.from(
    JSON.stringify({
      ...snapshot,
      lists: {
        people: peopleColumns(snapshot.lists.people),
        skills: skills.map(([key, name, list]) => [key, name, list.length]),
        names: names.map(([term, list]) => [term, list.length]),
        bios: bios.map(([term, list]) => [term, list.length]),
      },
    }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  // Little-endian on every host, as the decoder reads it (a swapped copy on a big-endian one).
  const bytes = new Uint8Array(ids.buffer, ids.byteOffset, ids.byteLength);
  const body = LITTLE_ENDIAN ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : Buffer.from(bytes).swap32();
  // zlib runs on libuv's thread pool: the event loop keeps answering while a large tenant is packed.
  return zip(Buffer.concat([length, header, body]), { level: 4 });
}

/** The snapshot in `bytes`, or undefined when they are not a whole snapshot of this shape (it is then rebuilt). */
export async function decodeSnapshot(bytes: Uint8Array, tenantId: string): Promise<IndexSnapshot | undefined> {
  let value: unknown;
  let ids: Int32Array;
  try {
    const raw = await unzip(bytes);
    const headerLength = raw.readUInt32LE(0);
    value = JSON.parse(raw.toString('utf8', 4, 4 + headerLength));
    const start = 4 + headerLength;
    // Copied into an aligned buffer of its own (the header's length may leave the ids unaligned), the one
    // buffer every list of the restored index then views; the gunzipped bytes are garbage after this.
    const end = start + (((raw.length - start) >> 2) << 2);
    ids = new Int32Array(raw.buffer.slice(raw.byteOffset + start, raw.byteOffset + end));
    if (!LITTLE_ENDIAN) for (let i = 0; i < ids.length; i += 1) ids[i] = raw.readInt32LE(start + i * 4);
  } catch {
    return undefined;
  }
  if (!isHeader(value, tenantId)) return undefined;
  const people = ColumnPeople.of(value.lists.people);
  if (!people) return undefined;
  let at = 0;
  // Views, not copies: the restored index keeps them as its lists (bot/src/domain/experts/id-list.ts).
  const take = (count: number): Int32Array => {
    const list = ids.subarray(at, at + count);
    at += count;
    return list;
  };
  const { skills, names, bios } = value.lists;
  const lists = {
    people,
    skills: skills.map(([key, name, count]): [string, string, Int32Array] => [key, name, take(count)]),
    names: names.map(([term, count]): [string, Int32Array] => [term, take(count)]),
    bios: bios.map(([term, count]): [string, Int32Array] => [term, take(count)]),
  };
  // Every id belongs to a list: counts that do not add up mean a damaged snapshot.
  if (at !== ids.length) return undefined;
  return { tenantId: value.tenantId, cursorMs: value.cursorMs, seen: value.seen, lists };
}

interface Header {
  readonly tenantId: string;
  readonly cursorMs: number;
  readonly seen: readonly (readonly [string, number])[];
  readonly lists: {
    /** Checked by ColumnPeople.of. */
    readonly people: unknown;
    readonly skills: readonly (readonly [string, string, number])[];
    readonly names: readonly (readonly [string, number])[];
    readonly bios: readonly (readonly [string, number])[];
  };
}

/** Checks the shape only (types of every field); the index checks that ids fit when it takes the lists over. */
function isHeader(value: unknown, tenantId: string): value is Header {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v['tenantId'] !== tenantId || !isNumber(v['cursorMs']) || !Array.isArray(v['seen'])) return false;
  if (!v['seen'].every((s) => Array.isArray(s) && isString(s[0]) && isNumber(s[1]))) return false;
  const lists = v['lists'];
  if (typeof lists !== 'object' || lists === null) return false;
  const l = lists as Record<string, unknown>;
  const skills = l['skills'];
  if (!Array.isArray(skills) || !skills.every((s) => Array.isArray(s) && isString(s[0]) && isString(s[1]) && isCount(s[2]))) {
    return false;
  }
  const isTermList = (t: unknown): boolean => Array.isArray(t) && isString(t[0]) && isCount(t[1]);
  return Array.isArray(l['names']) && l['names'].every(isTermList) && Array.isArray(l['bios']) && l['bios'].every(isTermList);
}
