// The expert index alone, in process: no service, no storage. Builds a tenant's index from the search
// bench's corpus and prints its JavaScript heap after a forced GC, its build time and the process RSS;
// then what a fresh process is left with after restoring it from the snapshot's bytes (what a starting
// service does): a process keeps its high-water mark, so the restore's garbage counts, not only the index.
//
//   npm run bench:index-memory -- --profiles 100000
//
// Run by the script with --expose-gc and the service's --max-semi-space-size=4.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TenantExpertIndex, skillKeyOf } from '../bot/src/domain/experts/expert-index';
import { decodeSnapshot, encodeSnapshot } from '../bot/src/storage/experts/snapshot-codec';
import { endorsementsOf, profileOf } from '../tests/support/expert-corpus';

const restoreArg = process.argv.indexOf('--restore-from');
if (restoreArg > 0) {
  // The child: restore from the bytes in the file, collect, print one line of JSON.
  const file = process.argv[restoreArg + 1] ?? '';
  const index = await (async () => {
    const decoded = await decodeSnapshot(readFileSync(file), 'bench');
    if (!decoded) throw new Error('the snapshot did not decode');
    const restored = new TenantExpertIndex('bench');
    restored.restore(decoded.lists);
    return restored;
  })();
  // A turn of the event loop: zlib lets go of its buffers once its callback has returned.
  await new Promise((resolve) => setImmediate(resolve));
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  const m = process.memoryUsage();
  console.log(JSON.stringify({ size: index.size, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, arrayBuffers: m.arrayBuffers }));
  process.exit(0);
}

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
// Typed arrays (the id lists) live outside the JavaScript heap: their own column.
console.log(`| profiles | index heap after GC | index typed arrays | build CPU | process RSS after GC | load average |`);
console.log(`|---:|---:|---:|---:|---:|---|`);
console.log(
  `| ${PROFILES} | ${mb(after.heapUsed - before.heapUsed)} MB | ${mb(after.arrayBuffers - before.arrayBuffers)} MB | ${(buildCpuMs / 1000).toFixed(1)} s | ${mb(after.rss)} MB | ${(
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

// A fresh process restores the index from these bytes, as a starting service does.
const dir = mkdtempSync(path.join(tmpdir(), 'index-memory-'));
try {
  const file = path.join(dir, 'snapshot.bin');
  writeFileSync(file, bytes);
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] ?? '', '--restore-from', file], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the restoring process failed: ${child.stderr}`);
  const fresh = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;
  if (fresh['size'] !== restored.size) throw new Error('the fresh process restored another number of people');
  console.log(`\n| restored in a fresh process, ${PROFILES} | process RSS after GC | heap used / total after GC | array buffers |`);
  console.log(`|---|---:|---:|---:|`);
  console.log(
    `| from the snapshot | ${mb(fresh['rss'] ?? 0)} MB | ${mb(fresh['heapUsed'] ?? 0)} / ${mb(fresh['heapTotal'] ?? 0)} MB | ${mb(fresh['arrayBuffers'] ?? 0)} MB |`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
