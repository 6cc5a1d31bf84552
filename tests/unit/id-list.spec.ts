// The expert index's id lists (bot/src/domain/experts/id-list.ts): typed arrays that may be views into a
// snapshot's one buffer of ids; a list that grows or shrinks must never touch the ids of its neighbours.
import { describe, expect, it } from '@jest/globals';
import { IdList } from '../../bot/src/domain/experts/id-list';

describe('IdList', () => {
  it('grows out of a view into an array of its own and leaves the neighbouring view alone', () => {
    const buffer = Int32Array.from([1, 2, 3, 7, 8, 9]);
    const left = new IdList(buffer.subarray(0, 3));
    const right = new IdList(buffer.subarray(3, 6));
    left.insert(1, 42);
    left.push(4);
    expect([...left.view()]).toEqual([1, 42, 2, 3, 4]);
    expect([...right.view()]).toEqual([7, 8, 9]);
    expect([...buffer]).toEqual([1, 2, 3, 7, 8, 9]);
  });

  it('removes within its own view only, and ignores an id it does not hold', () => {
    const buffer = Int32Array.from([1, 2, 3, 7, 8, 9]);
    const left = new IdList(buffer.subarray(0, 3));
    const right = new IdList(buffer.subarray(3, 6));
    left.remove(1);
    left.remove(7);
    expect([...left.view()]).toEqual([2, 3]);
    expect(left.length).toBe(2);
    expect([...right.view()]).toEqual([7, 8, 9]);
    left.insert(2, 5);
    expect([...left.view()]).toEqual([2, 3, 5]);
    expect([...right.view()]).toEqual([7, 8, 9]);
  });

  it('keeps order through many inserts at any place, and sorts and trims in place', () => {
    const list = new IdList();
    const mirror: number[] = [];
    for (let i = 0; i < 500; i += 1) {
      const at = (i * 7919) % (mirror.length + 1);
      list.insert(at, i);
      mirror.splice(at, 0, i);
    }
    expect([...list.view()]).toEqual(mirror);
    for (let i = 0; i < 500; i += 3) {
      list.remove(i);
      mirror.splice(mirror.indexOf(i), 1);
    }
    expect([...list.view()]).toEqual(mirror);
    list.sorted = false;
    list.sortAndTrim((a, b) => b - a);
    expect([...list.view()]).toEqual([...mirror].sort((a, b) => b - a));
    expect(list.sorted).toBe(true);
    expect(list.at(0)).toBe(499);
  });
});
