// Bench-only preload (`node --expose-gc --import ./bench/gc-on-signal.mjs dist/bot/index.js`): on SIGUSR2
// the process collects all garbage and prints its memory, so the bench reads the RSS of what is really
// kept. The service itself has no such hook and no endpoint for it.
import { readFileSync } from 'node:fs';

process.on('SIGUSR2', () => {
  globalThis.gc?.({ type: 'major', execution: 'sync' });
  globalThis.gc?.({ type: 'major', execution: 'sync' });
  const mb = (n) => Math.round(n / 1e5) / 10;
  const m = process.memoryUsage();
  const cpu = process.cpuUsage();
  // The highest RSS since the process started (Linux), in MB.
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? Number.NaN);
  process.stdout.write(
    `bench: gc done; rss ${mb(m.rss)} MB, peak ${Math.round(peakKb / 102.4) / 10} MB, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)} MB, external ${mb(m.external)} MB, array buffers ${mb(m.arrayBuffers)} MB; CPU since start ${Math.round((cpu.user + cpu.system) / 1000)} ms\n`,
  );
});
