import { describe, it, expect } from 'vitest';
import { compareWithDeclared } from './compare.js';
import type { Relation } from '../../model/relation.js';

const d = (from: string, to: string, type: Relation['type']): Relation => ({ from, to, type, source: 'declared' });
const inf = (from: string, to: string): Relation => ({ from, to, type: 'connects-to', source: 'inferred', confidence: 0.8 });

describe('compareWithDeclared', () => {
  const declared = [
    d('ing', 'svc-web', 'routes-to'),
    d('svc-web', 'web', 'selects'),
    d('web', 'was', 'routes-to'),
    d('was', 'db', 'connects-to'),
    d('ns', 'web', 'contains'),
    d('ns', 'cache', 'contains'),
    d('web', 'cm', 'mounts'),
  ];
  it('confirms direct and two-hop declared links, in either direction', () => {
    const c = compareWithDeclared([inf('ing', 'web'), inf('was', 'web'), inf('web', 'cache')], declared, ['ing', 'web', 'was', 'db', 'cache']);
    expect(c.confirmed.map((x) => `${x.inferred.from}>${x.inferred.to} via ${x.path.length}`)).toEqual(['ing>web via 2', 'was>web via 1']);
    // `contains` would join everything in the namespace; it does not confirm anything.
    expect(c.new.map((x) => `${x.from}>${x.to}`)).toEqual(['web>cache']);
  });
  it('lists declared traffic links never seen, only where both ends had telemetry', () => {
    const c = compareWithDeclared([inf('ing', 'web')], declared, ['ing', 'web', 'was', 'db']);
    expect(c.unseen.map((x) => `${x.from}>${x.to}`)).toEqual(['web>was', 'was>db']);
    const c2 = compareWithDeclared([inf('ing', 'web')], declared, ['ing', 'web', 'was']);
    expect(c2.unseen.map((x) => `${x.from}>${x.to}`)).toEqual(['web>was']);
  });
  it('limits path length', () => {
    const c = compareWithDeclared([inf('ing', 'was')], declared, [], { maxHops: 2 });
    expect(c.confirmed).toEqual([]);
    expect(compareWithDeclared([inf('ing', 'was')], declared, [], { maxHops: 3 }).confirmed).toHaveLength(1);
  });
});
