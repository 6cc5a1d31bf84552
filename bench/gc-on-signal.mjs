// Bench-only preload (`node --expose-gc --import ./bench/gc-on-signal.mjs dist/bot/index.js`): on SIGUSR2
// the process collects all garbage and prints its memory, so the bench reads the RSS of what is really
// kept. The service itself has no such hook and no endpoint for it.
//
// The collections run as tasks of their own (`execution: 'async'`), as V8's own do. One forced synchronously
// from JavaScript runs with the stack it was called from, which V8 must treat as possibly holding pointers,
// and it left dead objects alive. After the search load at 10,000 profiles that read as 97–106 MB of heap used, where the
// same process a moment later, collected without a stack, held 51–55 MB (docs/BENCHMARKS.md, session 16).
// Then one last-resort collection, which also hands V8's emptied pages back to the system (an ordinary one
// leaves them mapped for a while): a second, lower figure.
import { readFileSync } from 'node:fs';

/** VmRSS and VmHWM (the highest RSS since the process started), in MB. */
function procMemory() {
  const status = readFileSync('/proc/self/status', 'utf8');
  const mb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rss: mb('VmRSS'), peak: mb('VmHWM') };
}

const collect = (flavor) => globalThis.gc?.({ type: 'major', execution: 'async', ...(flavor ? { flavor } : {}) });

process.on('SIGUSR2', () => {
  void (async () => {
    await collect();
    await collect();
    const heap = process.memoryUsage();
    const collected = procMemory();
    await collect('last-resort');
    const released = procMemory();
    const cpu = process.cpuUsage();
    const mb = (n) => Math.round(n * 10) / 10;
    process.stdout.write(
      `bench: gc done; rss ${mb(collected.rss)} MB, after a last-resort gc ${mb(released.rss)} MB, peak ${mb(released.peak)} MB; ` +
        `heap used ${mb(heap.heapUsed / 1e6)} of ${mb(heap.heapTotal / 1e6)} MB, external ${mb(heap.external / 1e6)} MB, ` +
        `array buffers ${mb(heap.arrayBuffers / 1e6)} MB; CPU since start ${Math.round((cpu.user + cpu.system) / 1000)} ms\n`,
    );
  })();
});
