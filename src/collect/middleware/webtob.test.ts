import { describe, it, expect } from 'vitest';
import { parseHttpM, webtobView, looksLikeHttpM } from './webtob.js';
import { sample } from './__fixtures__/samples.js';

describe('parseHttpM', () => {
  it('reads the healthy sample: node, JSV servers, URIs with lines', () => {
    const text = sample('tmax/healthy/webtob/http.m');
    const r = parseHttpM(text, 'http.m');
    expect(r.errors).toEqual([]);
    const v = webtobView(r.model);
    expect(v.nodes).toMatchObject([{ name: 'webtob', jsvPort: 9900, hth: 1, port: 8080 }]);
    expect(text.split('\n')[v.nodes[0].jsvPortLine! - 1]).toContain('JSVPORT');
    expect(v.jsvServers).toMatchObject([{ name: 'shopsvr', group: 'jsvg', minProc: 40, maxProc: 40 }]);
    expect(v.uris.filter((u) => u.svrType === 'JSV').map((u) => u.svrName)).toEqual(['shopsvr', 'shopsvr', undefined]);
    expect(r.model.sections.LOGGING.length).toBe(3);
    expect(looksLikeHttpM(text)).toBe(true);
  });

  it('is case-insensitive on keys, keeps unknown keys, and reports bad items by line', () => {
    const r = parseHttpM('*NODE\nn1  JsvPort = 9000, Foo = "a,b",\n    oops\n*server\ns1 svgname = g\n', 'x.m');
    expect(r.model.sections.NODE[0].items.jsvport.value).toBe('9000');
    expect(r.model.sections.NODE[0].items.foo.value).toBe('a,b');
    expect(r.model.sections.SERVER[0].items.svgname.value).toBe('g');
    expect(r.errors).toEqual([{ file: 'x.m', line: 3, message: 'expected "Key = value", got "oops"' }]);
  });

  it('does not take a random config for http.m', () => {
    expect(looksLikeHttpM('worker_processes 2;\nhttp {}\n')).toBe(false);
  });
});
