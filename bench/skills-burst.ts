// 20 `my skills: …` messages a second for 60 s, each from a different person, through /api/messages
// against the embedded default storage (Azurite on disk). Not a test: prints figures for
// docs/BENCHMARKS.md.
//
//   npm run bench:skills
//
// The real service in-process (real CloudAdapter, embedded Azurite with its data in a fresh temporary
// folder) and the fake Bot Connector, which receives the replies. A turn counts as answered when its
// reply reached the connector; none may be lost. Answer time: from sending the message to its reply
// arriving. Memory: the service process's RSS (the Azurite child not included), sampled every 500 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConfig } from '../bot/src/config';
import { createJsonLogger } from '../bot/src/json-logger';
import { startService } from '../bot/src/server';
import { personalMessage, postActivity } from '../tests/support/activities';
import { startFakeConnector } from '../tests/support/fake-connector';

const PER_SECOND = 20;
const SECONDS = 60;
const SKILLS = ['TypeScript', 'Excel', 'SQL', 'Power BI', 'Azure', 'Python', 'Scrum', 'Figma'];

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'peerlearn-skills-bench-'));
  const connector = await startFakeConnector();
  const service = await startService(
    { ...readConfig({ NODE_ENV: 'test' }), port: 0, seedDemo: false, storage: { kind: 'embedded', dataDir } },
    { log: createJsonLogger({ level: 'error' }) },
  );
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 500);
  const sentAt = new Map<string, number>();
  const statuses = new Map<number, number>();
  const posts: Promise<void>[] = [];
  const started = performance.now();
  try {
    for (let second = 0; second < SECONDS; second += 1) {
      // Paced against the clock, not by sleeping a fixed time: a slow second does not push the rest back.
      const due = started + second * 1000;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      for (let i = 0; i < PER_SECOND; i += 1) {
        const n = second * PER_SECOND + i;
        const person = { id: `29:bench-${n}`, name: `Person ${n}`, aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` };
        const skills = [SKILLS[n % SKILLS.length], SKILLS[(n * 3 + 1) % SKILLS.length]].join(', ');
        const activity = personalMessage(connector.serviceUrl, `my skills: ${skills}`, person);
        sentAt.set(activity.conversation.id, Date.now());
        posts.push(
          postActivity(service.url, activity).then(
            (res) => void statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1),
            () => void statuses.set(0, (statuses.get(0) ?? 0) + 1),
          ),
        );
      }
    }
    await Promise.all(posts);
    const total = PER_SECOND * SECONDS;
    // Every turn answers before its HTTP request ends; a short wait covers a reply still on its way.
    await connector.waitFor(total, 30_000).catch(() => undefined);
    const answered = new Map<string, number>();
    for (const r of connector.requests) {
      if (r.method !== 'POST' || r.status !== 201 || !r.conversationId || answered.has(r.conversationId)) continue;
      const at = sentAt.get(r.conversationId);
      if (at !== undefined) answered.set(r.conversationId, r.at - at);
    }
    const times = [...answered.values()].sort((a, b) => a - b);
    const stored = (await service.repositories.members.listForTenant('00000000-0000-0000-0000-0000000000001')).length;
    console.log(
      JSON.stringify(
        {
          sent: total,
          answered: answered.size,
          lost: total - answered.size,
          httpStatuses: Object.fromEntries(statuses),
          profilesStored: stored,
          answerMs: { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) },
          wallSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
          peakRssMb: mb(peakRss),
          heapUsedMbAtEnd: mb(process.memoryUsage().heapUsed),
        },
        null,
        2,
      ),
    );
  } finally {
    clearInterval(sampler);
    await Promise.all([service.close(), connector.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
