// The expert index alone, in process: no service, no storage. Builds a tenant's index from the search
// bench's corpus and prints its JavaScript heap after a forced GC, its build time and the process RSS.
//
//   npm run bench:index-memory -- --profiles 100000
//
// Run by the script with --expose-gc and the service's --max-semi-space-size=4.
import { TenantExpertIndex, skillKeyOf } from '../bot/src/domain/experts/expert-index';
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
