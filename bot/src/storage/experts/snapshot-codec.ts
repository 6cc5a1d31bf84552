import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { IndexSnapshot } from '../../domain/experts/expert-ports';

/**
 * The bytes of an index snapshot: JSON of the snapshot (people as tuples, lists as id arrays), gzipped.
 * JSON because V8 parses it faster than any hand-made decoder in JavaScript, and its arrays are taken
 * over by the index as they are (no copy); gzip because names, skills and bio words repeat a lot.
 * Bump SNAPSHOT_FORMAT whenever the shape changes: a reader meeting another format rebuilds from profiles.
 */
export const SNAPSHOT_FORMAT = 1;

const zip = promisify(gzip);
const unzip = promisify(gunzip);

export async function encodeSnapshot(snapshot: IndexSnapshot): Promise<Buffer> {
  // zlib runs on libuv's thread pool: the event loop keeps answering while a large tenant is packed.
  return zip(Buffer.from(JSON.stringify(snapshot)), { level: 6 });
}

/** The snapshot in `bytes`, or undefined when they are not a whole snapshot of this shape (it is then rebuilt). */
export async function decodeSnapshot(bytes: Uint8Array, tenantId: string): Promise<IndexSnapshot | undefined> {
  let value: unknown;
  try {
    value = JSON.parse((await unzip(bytes)).toString('utf8'));
  } catch {
    return undefined;
  }
  return isSnapshot(value, tenantId) ? value : undefined;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every(isNumber);
const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every(isString);

/** Checks the shape only (types of every field); the index checks that ids fit when it takes the lists over. */
function isSnapshot(value: unknown, tenantId: string): value is IndexSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v['tenantId'] !== tenantId || !isNumber(v['cursorMs']) || !Array.isArray(v['seen'])) return false;
  if (!v['seen'].every((s) => Array.isArray(s) && isString(s[0]) && isNumber(s[1]))) return false;
  const lists = v['lists'];
  if (typeof lists !== 'object' || lists === null) return false;
  const l = lists as Record<string, unknown>;
  const people = l['people'];
  if (!Array.isArray(people) || !people.every(isPerson)) return false;
  const skills = l['skills'];
  if (!Array.isArray(skills) || !skills.every((s) => Array.isArray(s) && isString(s[0]) && isString(s[1]) && isNumbers(s[2]))) {
    return false;
  }
  const isTermList = (t: unknown): boolean => Array.isArray(t) && isString(t[0]) && isNumbers(t[1]);
  return Array.isArray(l['names']) && l['names'].every(isTermList) && Array.isArray(l['bios']) && l['bios'].every(isTermList);
}

function isPerson(p: unknown): boolean {
  if (!Array.isArray(p) || p.length !== 9) return false;
  const [userId, email, name, skills, wants, languages, availability, bio, sessions] = p as unknown[];
  return (
    isString(userId) &&
    userId !== '' &&
    isString(email) &&
    isString(name) &&
    Array.isArray(skills) &&
    skills.length % 4 === 0 &&
    skills.every((s, i) => (i % 4 < 2 ? isString(s) : isNumber(s))) &&
    isStrings(wants) &&
    isStrings(languages) &&
    isString(availability) &&
    isString(bio) &&
    isNumber(sessions)
  );
}
