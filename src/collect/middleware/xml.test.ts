import { describe, it, expect } from 'vitest';
import { parseXml, textAt } from './xml.js';

describe('parseXml', () => {
  it('reads elements, attributes, text lines, skipping comments and CDATA', () => {
    const { root, errors } = parseXml('<?xml version="1.0"?>\n<a x="1&amp;2">\n <!-- c <b> -->\n <b>\n  hi &lt;\n </b>\n <c y=\'z\'/>\n</a>\n');
    expect(errors).toEqual([]);
    expect(root!.attrs.x).toBe('1&2');
    expect(textAt(root, 'b')).toBe('hi <');
    expect(root!.children[0].textLine).toBe(5);
    expect(root!.children[1]).toMatchObject({ name: 'c', attrs: { y: 'z' }, line: 7 });
  });

  it('recovers from an unclosed element and names its line', () => {
    const { root, errors } = parseXml('<a>\n<b><c>1</c>\n<d>2</d>\n</a>', 'f.xml');
    expect(textAt(root, 'b/c')).toBe('1');
    expect(errors[0]).toMatchObject({ file: 'f.xml', line: 4 });
    expect(errors[0].message).toContain('<b>');
  });
});
