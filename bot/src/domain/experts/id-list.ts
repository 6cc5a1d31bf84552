const EMPTY = new Int32Array(0);

/**
 * Document ids in one Int32Array (4 bytes an id, outside the JavaScript heap) instead of a number[]
 * (8 bytes an id, on it): at 100,000 profiles the skill and word lists hold about 1.7 million ids
 * (issue #16). The array may be longer than the list (room to grow), or a view into a snapshot's one
 * buffer of ids, taken over without a copy; a list that outgrows its view moves to an array of its own.
 */
export class IdList {
  private ids: Int32Array;
  private count: number;
  /** False after a change the list was not kept sorted through (it is sorted again on first use). */
  sorted = true;

  constructor(ids: Int32Array = EMPTY) {
    this.ids = ids;
    this.count = ids.length;
  }

  get length(): number {
    return this.count;
  }

  at(i: number): number {
    return this.ids[i] ?? 0;
  }

  /** The ids, in order: a view (no copy), valid until the list next changes. */
  view(): Int32Array {
    return this.ids.subarray(0, this.count);
  }

  push(id: number): void {
    this.insert(this.count, id);
  }

  insert(at: number, id: number): void {
    if (this.count === this.ids.length) {
      const grown = new Int32Array(Math.max(4, Math.ceil(this.count * 1.5)));
      grown.set(this.view());
      this.ids = grown;
    }
    this.ids.copyWithin(at + 1, at, this.count);
    this.ids[at] = id;
    this.count += 1;
  }

  remove(id: number): void {
    const at = this.view().indexOf(id);
    if (at < 0) return;
    this.ids.copyWithin(at, at + 1, this.count);
    this.count -= 1;
  }

  /** Sorts in place, then gives back the room to grow (a list built from profiles grew by half each time). */
  sortAndTrim(compare: (a: number, b: number) => number): void {
    this.view().sort(compare);
    if (this.ids.length > this.count) this.ids = this.ids.slice(0, this.count);
    this.sorted = true;
  }
}
