import { describe, it, expect } from 'vitest';
import { diffValues } from './diff.js';

describe('diffValues', () => {
  it('reports JSON paths, matching named array elements by name', () => {
    const a = { spec: { containers: [{ name: 'a', image: 'x:1' }, { name: 'b', image: 'y' }], 'odd-key': 1 } };
    const b = { spec: { containers: [{ name: 'b', image: 'y' }, { name: 'a', image: 'x:2' }, { name: 'c', image: 'z' }] } };
    expect(diffValues(a, b)).toEqual([
      { path: '$.spec.containers[?(@.name=="a")].image', op: 'replace', old: 'x:1', new: 'x:2' },
      { path: '$.spec.containers[?(@.name=="c")]', op: 'add', new: { name: 'c', image: 'z' } },
      { path: '$.spec["odd-key"]', op: 'remove', old: 1 },
    ]);
  });

  it('uses indexes for plain arrays and finds nothing between equal values', () => {
    expect(diffValues({ a: [1, 2] }, { a: [1, 3, 4] })).toEqual([
      { path: '$.a[1]', op: 'replace', old: 2, new: 3 },
      { path: '$.a[2]', op: 'add', new: 4 },
    ]);
    expect(diffValues({ a: { b: [1, { c: 'd' }] } }, { a: { b: [1, { c: 'd' }] } })).toEqual([]);
  });
});
