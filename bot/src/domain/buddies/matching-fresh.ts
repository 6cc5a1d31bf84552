/**
 * The "no repeat pairs" rule as a hard rule. Scores alone (a greedy and local swaps) can get stuck with
 * a repeat that a longer chain of changes would remove, so the matching first makes the round's pairs
 * a maximum matching of the graph of fresh pairs (Edmonds' blossom algorithm, unweighted): when a
 * round without repeats exists for an even count, this finds one. For an odd count it also looks for
 * someone who can join a pair as its third member without a repeat, shifting partners along a chain
 * when the one left out cannot.
 */

/** `mate[i]` is i's partner, or -1. */
type Mates = Int32Array;

/** Grows `mate` (pairs that are all fresh) to a maximum matching of the fresh graph. */
export function maximiseFreshPairs(n: number, fresh: Uint8Array, mate: Mates): void {
  const base = new Int32Array(n);
  const parent = new Int32Array(n);
  const used = new Uint8Array(n);
  const blossom = new Uint8Array(n);
  const queue = new Int32Array(n);

  const lowestCommonAncestor = (a0: number, b0: number): number => {
    const seen = new Uint8Array(n);
    let a = a0;
    for (;;) {
      a = base[a] as number;
      seen[a] = 1;
      if (mate[a] === -1) break;
      a = parent[mate[a] as number] as number;
    }
    let b = b0;
    for (;;) {
      b = base[b] as number;
      if (seen[b]) return b;
      b = parent[mate[b] as number] as number;
    }
  };
  const markPath = (v0: number, top: number, child0: number) => {
    let v = v0;
    let child = child0;
    while (base[v] !== top) {
      const m = mate[v] as number;
      blossom[base[v] as number] = blossom[base[m] as number] = 1;
      parent[v] = child;
      child = m;
      v = parent[m] as number;
    }
  };
  const findPath = (root: number): number => {
    used.fill(0);
    parent.fill(-1);
    for (let i = 0; i < n; i++) base[i] = i;
    used[root] = 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const v = queue[head++] as number;
      for (let to = 0; to < n; to++) {
        if (to === v || !fresh[v * n + to] || base[v] === base[to] || mate[v] === to) continue;
        if (to === root || (mate[to] !== -1 && parent[mate[to] as number] !== -1)) {
          const top = lowestCommonAncestor(v, to);
          blossom.fill(0);
          markPath(v, top, to);
          markPath(to, top, v);
          for (let i = 0; i < n; i++)
            if (blossom[base[i] as number]) {
              base[i] = top;
              if (!used[i]) {
                used[i] = 1;
                queue[tail++] = i;
              }
            }
        } else if (parent[to] === -1) {
          parent[to] = v;
          if (mate[to] === -1) return to;
          const next = mate[to] as number;
          used[next] = 1;
          queue[tail++] = next;
        }
      }
    }
    return -1;
  };

  // A vertex with no augmenting path now never gets one later (Edmonds), so one pass is enough.
  for (let root = 0; root < n; root++) {
    if (mate[root] !== -1) continue;
    let v = findPath(root);
    while (v !== -1) {
      const pv = parent[v] as number;
      const next = mate[pv] as number;
      mate[v] = pv;
      mate[pv] = v;
      v = next;
    }
  }
}

/**
 * With one person `alone` left out of a matching, finds whom to leave out so that they can join a pair
 * without a repeat: `alone` first, then (breadth first) whoever is freed when someone along the chain
 * takes a new fresh partner. Returns the changed matching and the pair to join, or undefined.
 */
export function freshTrio(
  n: number,
  fresh: Uint8Array,
  mate: Mates,
  alone: number,
): { mate: Mates; third: number; pair: readonly [number, number] } | undefined {
  const via = new Int32Array(n).fill(-1);
  const from = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  seen[alone] = 1;
  const queue = [alone];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head] as number;
    const shifted = shift(mate, via, from, u);
    const pair = shifted && joinable(n, fresh, shifted, u);
    if (shifted && pair) return { mate: shifted, third: u, pair };
    for (let x = 0; x < n; x++) {
      const y = mate[x] as number;
      if (x === u || y === -1 || !fresh[u * n + x] || seen[x] || seen[y]) continue;
      seen[y] = 1;
      via[y] = x;
      from[y] = u;
      queue.push(y);
    }
  }
  return undefined;
}

/** The matching after the chain that frees `u` (each step: someone takes x, x's partner is freed). */
function shift(mate: Mates, via: Int32Array, from: Int32Array, u: number): Mates | undefined {
  const steps: [number, number][] = [];
  for (let y = u; from[y] !== -1; y = from[y] as number) steps.unshift([from[y] as number, via[y] as number]);
  const next = Int32Array.from(mate);
  for (const [taker, x] of steps) {
    const freed = next[x] as number;
    if (freed === -1) return undefined;
    next[freed] = -1;
    next[taker] = x;
    next[x] = taker;
  }
  return next[u] === -1 ? next : undefined;
}

function joinable(n: number, fresh: Uint8Array, mate: Mates, u: number): readonly [number, number] | undefined {
  for (let x = 0; x < n; x++) {
    const y = mate[x] as number;
    if (y > x && fresh[u * n + x] && fresh[u * n + y] && fresh[x * n + y]) return [x, y];
  }
  return undefined;
}
