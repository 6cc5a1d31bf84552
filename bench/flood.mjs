// 1,000 board GETs at once against the built service on embedded defaults (fresh .data, demo
// team): how many are answered 200 and how many shed with 503, whether any hangs, /healthz latency
// sampled throughout, and the service's resident memory over the run. Not a test: prints figures
// for docs/BENCHMARKS.md.
//
//   npm run build:bot && npm run bench:flood
import { DEMO_TEAM, percentile, rssMb, startBuiltService } from './built-service.mjs';

const REQUESTS = Number(process.env.REQUESTS ?? 1_000);
const HANG_MS = 30_000;

const service = await startBuiltService();
const token = await service.token('00000000-0000-0000-0000-0000000000020', 'Alex Wilber');
const board = `${service.url}/api/v1/teams/${DEMO_TEAM}/sessions`;
// One warm request: the first board read builds caches the flood should not be blamed for.
await fetch(board, { headers: { authorization: `Bearer ${token}` } });

const rss = [rssMb(service.pid)];
const health = [];
let flooding = true;
const rssSampler = setInterval(() => rss.push(rssMb(service.pid)), 100);
const healthSampler = (async () => {
  while (flooding) {
    const t0 = performance.now();
    const res = await fetch(`${service.url}/healthz`);
    await res.arrayBuffer();
    health.push({ ms: performance.now() - t0, status: res.status });
    await new Promise((r) => setTimeout(r, 50));
  }
})();

const t0 = performance.now();
const answers = await Promise.all(
  Array.from({ length: REQUESTS }, async () => {
    const started = performance.now();
    try {
      const res = await fetch(board, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(HANG_MS) });
      await res.arrayBuffer();
      return { status: res.status, ms: performance.now() - started, retryAfter: res.headers.get('retry-after') };
    } catch (error) {
      return { status: error.name === 'TimeoutError' ? 'hung' : 'failed', ms: performance.now() - started };
    }
  }),
);
const wall = performance.now() - t0;
flooding = false;
await healthSampler;
clearInterval(rssSampler);
rss.push(rssMb(service.pid));
await service.stop();

const count = (s) => answers.filter((a) => a.status === s).length;
const ms = (xs) => xs.sort((a, b) => a - b);
const ok = ms(answers.filter((a) => a.status === 200).map((a) => a.ms));
const shed = ms(answers.filter((a) => a.status === 503).map((a) => a.ms));
const h = ms(health.map((s) => s.ms));
const f = (x) => x.toFixed(0);
console.log(`${REQUESTS} concurrent board GETs in ${f(wall)} ms`);
console.log(
  `  200: ${count(200)} (p50 ${f(percentile(ok, 50))} ms, p99 ${f(percentile(ok, 99))} ms); 503: ${count(503)} (p50 ${f(percentile(shed, 50))} ms, max ${f(shed.at(-1) ?? NaN)} ms, Retry-After ${[...new Set(answers.filter((a) => a.status === 503).map((a) => a.retryAfter))].join('/')}); hung (> ${HANG_MS / 1000} s): ${count('hung')}; failed: ${count('failed')}; other: ${answers.filter((a) => ![200, 503, 'hung', 'failed'].includes(a.status)).length}`,
);
console.log(
  `  /healthz while flooding: ${health.length} samples, all ${[...new Set(health.map((s) => s.status))].join('/')}; p50 ${f(percentile(h, 50))} ms, max ${f(h.at(-1) ?? NaN)} ms (bound 1,000 ms)`,
);
console.log(`  service RSS: start ${f(rss[0])} MB, max ${f(Math.max(...rss))} MB, end ${f(rss.at(-1))} MB (bound 400 MB)`);
