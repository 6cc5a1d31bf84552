/**
 * One shared copy of values that many documents hold (a name, a language list, an availability),
 * counted, so that a value nobody holds any more is dropped: an erased person's name must not stay
 * behind in memory, and a tenant's churn must not grow the pool.
 */
export class Interner<T> {
  private readonly pool = new Map<string, { value: T; holders: number }>();

  /** The shared value for `key`, made by `make` the first time; every acquire needs one release. */
  acquire(key: string, make: () => T): T {
    let slot = this.pool.get(key);
    if (!slot) {
      slot = { value: make(), holders: 0 };
      this.pool.set(key, slot);
    }
    slot.holders += 1;
    return slot.value;
  }

  release(key: string): void {
    const slot = this.pool.get(key);
    if (!slot) return;
    slot.holders -= 1;
    if (slot.holders <= 0) this.pool.delete(key);
  }

  get size(): number {
    return this.pool.size;
  }
}
