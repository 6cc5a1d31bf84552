// Waiting for Chromium to be idle before a page load is measured (Linux: reads /proc). Not a test.
//
// Each run of a page-load bench opens a new browser context, and Chromium 156 builds each new window's
// browser UI in a renderer of its own: the omnibox popup (`chrome://omnibox-popup.top-chrome/`) took
// about 0.5–0.6 s of CPU and ~1 s to settle here (session 13). Navigating at once measured that start-up
// beside the page on the 2 cores. A user's Teams window is already open when they open the tab, so the
// benches wait for the browser to go quiet first; the page's own renderer still starts inside the
// measurement (it is created by the navigation).
import { readdirSync, readFileSync } from 'node:fs';

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

/** CPU time (ms, 10 ms ticks) of this process's Chromium descendants, all together. */
export function chromiumCpuMs() {
  const table = processTable();
  const children = new Map();
  for (const p of table) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let ms = 0;
  const stack = [...(children.get(process.pid) ?? [])];
  while (stack.length > 0) {
    const p = stack.pop();
    // The launcher script, the browser and its helpers (renderers, GPU, network service, zygotes).
    if (/chrom(e|ium)/.test(p.cmdline)) ms += p.cpuTicks * 10;
    stack.push(...(children.get(p.pid) ?? []));
  }
  return ms;
}

/**
 * Resolves once Chromium has been quiet for three samples in a row, with how long that took; on a
 * machine without /proc at once (the figures then include the window's start-up, and it says so).
 */
export async function untilBrowserIdle() {
  const started = performance.now();
  try {
    readdirSync('/proc');
  } catch {
    console.warn('no /proc here: not waiting for the browser to go idle; the figures include the new window’s start-up');
    return 0;
  }
  let before = chromiumCpuMs();
  let quiet = 0;
  while (quiet < QUIET_SAMPLES) {
    if (performance.now() - started > GIVE_UP_MS) {
      console.warn(`the browser was not idle after ${GIVE_UP_MS} ms; measuring anyway`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    const now = chromiumCpuMs();
    quiet = now - before <= QUIET_CPU_MS ? quiet + 1 : 0;
    before = now;
  }
  return performance.now() - started;
}
