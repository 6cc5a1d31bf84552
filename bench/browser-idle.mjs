// Waiting for Chromium to be idle before a page load is measured (Linux: reads /proc). Not a test.
//
// Each run of a page-load bench opens a new browser context, and Chromium 156 builds each new window's
// browser UI in a renderer of its own: the omnibox popup (`chrome://omnibox-popup.top-chrome/`) took
// about 0.4–0.6 s of CPU and ~1 s to settle here (session 13). Navigating at once measured that start-up
// beside the page on the 2 cores. A user's Teams window is open before they open the tab, so the benches
// wait for the browser to go quiet first. The renderer the page runs in is started with the context, as
// before (Chromium reuses it, or its spare, for the first navigation, as a user's Chrome keeps a spare
// renderer); the new document's window and script context are still set up inside the measurement.
// The service (the bench's own process) must be quiet too (session 14): what the last run left it doing
// would otherwise share the next load. An idle 2-core machine is the best case: a real Teams client keeps its own work going beside the tab.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { CHROMIUM_ARGS } from '../scripts/lib/chromium-path.mjs';

const SAMPLE_MS = 50;
// Three samples in a row with at most one clock tick (10 ms) of CPU in all of Chromium's processes.
const QUIET_SAMPLES = 3;
const QUIET_CPU_MS = 10;
const GIVE_UP_MS = 15_000;

function processTable() {
  const table = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces and parentheses): state, ppid, …, utime (14th), stime (15th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      table.push({ pid: Number(entry), ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]), cmdline });
    } catch {
      // The process ended while it was read.
    }
  }
  return table;
}

/**
 * How the page benchmarks launch Chromium: the full Chromium a person uses (Debian's package "chromium"), not the
 * headless shell the tests run on, since they measure what a reader waits for, window code included. CHROMIUM_PATH
 * overrides it.
 */
export function benchLaunchOptions() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `The page benchmarks need a full Chromium at ${executablePath}: sudo apt-get install -y chromium, or set CHROMIUM_PATH.`,
    );
  }
  return { executablePath, args: [...CHROMIUM_ARGS] };
}

/** CPU time so far (ms, at 100 clock ticks a second) of each of this process's Chromium descendants, by pid. */
export function chromiumCpuByPid() {
  const table = processTable();
  const children = new Map();
  for (const p of table) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const byPid = new Map();
  const stack = [...(children.get(process.pid) ?? [])];
  while (stack.length > 0) {
    const p = stack.pop();
    // The launcher script, the browser and its helpers (renderers, GPU, network service, zygotes).
    if (/chrom(e|ium)/.test(p.cmdline)) byPid.set(p.pid, { cpuMs: p.cpuTicks * 10, cmdline: p.cmdline });
    stack.push(...(children.get(p.pid) ?? []));
  }
  return byPid;
}

/** CPU used between two samples: a process that started since counts in full, one that ended not at all. */
function cpuBetween(before, after) {
  let ms = 0;
  for (const [pid, { cpuMs }] of after) ms += cpuMs - (before.get(pid)?.cpuMs ?? 0);
  return ms;
}

/**
 * Resolves once Chromium, and this process (the service), have used at most one clock tick (10 ms) of CPU
 * in each of three 50 ms samples in a row: `{ waitedMs, idle }`, `idle` false when it gave up after 15 s (that run then includes whatever kept
 * the browser busy). On a machine without /proc at once, not idle.
 */
export async function untilBrowserIdle() {
  const started = performance.now();
  try {
    readdirSync('/proc');
  } catch {
    console.warn('no /proc here: not waiting for the browser to go idle; the figures include the new window’s start-up');
    return { waitedMs: 0, idle: false };
  }
  let before = chromiumCpuByPid();
  let quiet = 0;
  while (quiet < QUIET_SAMPLES) {
    if (performance.now() - started > GIVE_UP_MS) {
      console.warn(`the browser or the service was not idle after ${GIVE_UP_MS} ms; measuring anyway`);
      return { waitedMs: performance.now() - started, idle: false };
    }
    // This process too: the benches run the service in it (with its storage emulator), and what the last run
    // left it doing (the sections below the cards asking the API as the page closed, garbage collection)
    // would share the next load. Sampled across the sleep only, not while /proc is read.
    const own = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    const { user, system } = process.cpuUsage(own);
    const now = chromiumCpuByPid();
    quiet = cpuBetween(before, now) <= QUIET_CPU_MS && (user + system) / 1000 <= QUIET_CPU_MS ? quiet + 1 : 0;
    before = now;
  }
  return { waitedMs: performance.now() - started, idle: true };
}

/** CPU (ms) each kind of Chromium process used between two `chromiumCpuByPid()` samples: what a page load shared the machine with. */
export function chromiumCpuByKind(before, after) {
  const kinds = {};
  for (const [pid, { cpuMs, cmdline }] of after) {
    const kind = cmdline.includes('--top-chrome-webui')
      ? 'browser UI renderer'
      : cmdline.includes('--type=renderer')
        ? 'page renderers'
        : (/--type=(\S+)/.exec(cmdline)?.[1] ?? 'browser');
    kinds[kind] = (kinds[kind] ?? 0) + cpuMs - (before.get(pid)?.cpuMs ?? 0);
  }
  return kinds;
}

/** One line on the waits of a bench's navigations (`untilBrowserIdle` results), or on their absence (`IDLE_WAIT=0`). */
export function idleWaitSummary(idleWaits, waited = true) {
  if (!waited) return 'IDLE_WAIT=0: each navigation started at once, beside the new window’s own start-up';
  const ms = idleWaits.map((w) => w.waitedMs).sort((a, b) => a - b);
  return (
    `waited for the browser and the service to go idle before each navigation: median ${(ms[Math.floor(ms.length / 2)] ?? 0).toFixed(0)} ms, ` +
    `longest ${(ms.at(-1) ?? 0).toFixed(0)} ms; ${idleWaits.filter((w) => !w.idle).length} of ${idleWaits.length} navigations started on a browser or service that was not idle`
  );
}
