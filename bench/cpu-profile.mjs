// PROFILE=1 for the tab benches (board-load.mjs, insights-view.mjs): one navigation under Chromium's
// sampling profiler (CDP Profiler), written as a .cpuprofile (open it in Chrome DevTools' Performance
// panel) and summed per function and per file, so the bench shows where the page's main thread goes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Starts sampling on a CDP session of the page, before it navigates. */
export async function startProfile(cdp) {
  await cdp.send('Profiler.enable');
  // 100 µs: fine enough for a 1–2 s load without slowing it much.
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}

const shortUrl = (url) => (url ? (url.split('/').pop() ?? url).replace(/-[\w-]{8}\.js$/, '.js') : '');

/**
 * Stops sampling, writes `<file>.cpuprofile` and prints the top `top` functions by self time (with
 * their total time) and the time per file (chunk), in ms.
 */
export async function stopProfile(cdp, file, { top = 20, label = '' } = {}) {
  const { profile } = await cdp.send('Profiler.stop');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(profile));

  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const keyOf = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return url ? `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}` : functionName || '(anonymous)';
  };
  const byFunction = new Map();
  const byFile = new Map();
  const entry = (key) => byFunction.get(key) ?? byFunction.set(key, { self: 0, total: 0 }).get(key);
  for (const [id, ms] of selfMs) {
    const node = nodes.get(id);
    entry(keyOf(node)).self += ms;
    const file = shortUrl(node.callFrame.url) || node.callFrame.functionName || '(native)';
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    // Total: once per function on the stack (recursion counted once).
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf(nodes.get(at));
      if (seen.has(key)) continue;
      seen.add(key);
      entry(key).total += ms;
    }
  }
  const wall = (profile.endTime - profile.startTime) / 1000;
  console.log(`\nCPU profile ${label} (${wall.toFixed(0)} ms sampled) → ${file}`);
  console.table(
    [...byFunction]
      .sort((a, b) => b[1].self - a[1].self)
      .slice(0, top)
      .map(([fn, t]) => ({ function: fn, 'self ms': Math.round(t.self), 'total ms': Math.round(t.total) })),
  );
  console.table(
    [...byFile]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([file, ms]) => ({ file, 'self ms': Math.round(ms) })),
  );
}
