// The expert index alone, in process: no service, no storage. Builds a tenant's index from the search
// bench's corpus and prints its JavaScript heap after a forced GC, its build time and the process RSS.
//
//   npm run bench:index-memory -- --profiles 100000
//
// Run by the script with --expose-gc and the service's --max-semi-space-size=4.
import { TenantExpertIndex, skillKeyOf } from '../bot/src/domain/experts/expert-index';
import { decodeSnapshot, encodeSnapshot } from '../bot/src/storage/experts/snapshot-codec';
import { endorsementsOf, profileOf } from '../tests/support/expert-corpus';

const arg = process.argv.indexOf('--profiles');
const PROFILES = Number(arg > 0 ? process.argv[arg + 1] : 100_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc (npm run bench:index-memory)');
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

gc();
const before = process.memoryUsage();
const at = new Date().toISOString();
const counts = new Map<string, Map<string, number>>();
for (const e of endorsementsOf(PROFILES, at, 'bench')) {
  const mine = counts.get(e.userId) ?? new Map<string, number>();
  mine.set(skillKeyOf(e.skill), (mine.get(skillKeyOf(e.skill)) ?? 0) + 1);
  counts.set(e.userId, mine);
}
const profiles = Array.from({ length: PROFILES }, (_, i) => profileOf(i, at, 'bench'));
const cpu = process.cpuUsage();
const index = new TenantExpertIndex('bench');
for (const profile of profiles) index.upsert({ profile, endorsements: counts.get(profile.userId) ?? new Map() });
index.prepare();
const used = process.cpuUsage(cpu);
const buildCpuMs = (used.user + used.system) / 1000;
profiles.length = 0;
counts.clear();
gc();
gc();
const after = process.memoryUsage();
const probe = index.search({ text: 'excel', skip: 0, count: 10 }).hits.length;
console.log(`| profiles | index heap after GC | build CPU | process RSS after GC | load average |`);
console.log(`|---:|---:|---:|---:|---|`);
console.log(
  `| ${PROFILES} | ${mb(after.heapUsed - before.heapUsed)} MB | ${(buildCpuMs / 1000).toFixed(1)} s | ${mb(after.rss)} MB | ${(
    await import('node:os')
  )
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} |`,
);
if (probe === 0) throw new Error('the index found nobody for "excel"');

// The snapshot path (issue #16): what a starting instance spends on the CPU to restore this index from
// storage, beside the build above. Storage round trips are not in it (bench:search measures those).
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
let t = process.cpuUsage();
const lists = index.lists();
const listsMs = cpuMs(t);
t = process.cpuUsage();
const bytes = await encodeSnapshot({ tenantId: 'bench', cursorMs: 0, seen: [], lists });
const encodeMs = cpuMs(t);
t = process.cpuUsage();
const decoded = await decodeSnapshot(bytes, 'bench');
const decodeMs = cpuMs(t);
if (!decoded) throw new Error('the snapshot did not decode');
t = process.cpuUsage();
const restored = new TenantExpertIndex('bench');
restored.restore(decoded.lists);
const restoreMs = cpuMs(t);
if (restored.search({ text: 'excel', skip: 0, count: 10 }).hits.length !== probe) throw new Error('the restored index answers otherwise');
console.log(`\n| snapshot of ${PROFILES} | bytes | take (lists) CPU | encode CPU | decode CPU | restore CPU |`);
console.log(`|---|---:|---:|---:|---:|---:|`);
console.log(
  `| gzipped JSON | ${mb(bytes.length)} MB | ${listsMs.toFixed(0)} ms | ${encodeMs.toFixed(0)} ms | ${decodeMs.toFixed(0)} ms | ${restoreMs.toFixed(0)} ms |`,
);
