import { describe, it, expect } from 'vitest';
import { parseTomcat, looksLikeTomcat } from './tomcat.js';
import { sample } from './__fixtures__/samples.js';

describe('Tomcat', () => {
  it('reads Connectors of the reference server.xml and Resources of context.xml', () => {
    const s = parseTomcat(sample('oss/reference/tomcat/server.xml'));
    expect(s.errors).toEqual([]);
    expect(s.model.connectors.length).toBeGreaterThan(0);
    expect(s.model.connectors[0].port!.value).toBeGreaterThan(0);
    expect(looksLikeTomcat(sample('oss/reference/tomcat/server.xml'))).toBe(true);
    const c = parseTomcat(sample('oss/reference/tomcat/context.xml'), 'context.xml');
    expect(c.model.resources[0].url).toMatch(/^jdbc:postgresql:/);
    expect(c.model.resources[0].maxTotal).toEqual({ value: 20, line: 16 });
  });
});
