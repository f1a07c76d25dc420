import { describe, it, expect } from 'vitest';
import { unifiedDiff, replaceToken } from './diff.js';

describe('unifiedDiff', () => {
  it('replaces a token on a line and prints context', () => {
    const text = 'a\nb\n<port>9999</port>\nc\nd\ne\nf\n';
    expect(unifiedDiff('x.xml', text, [{ line: 3, from: '9999', to: '9900' }])).toBe(
      '--- a/x.xml\n+++ b/x.xml\n@@ -1,6 +1,6 @@\n a\n b\n-<port>9999</port>\n+<port>9900</port>\n c\n d\n e\n',
    );
  });
  it('inserts a line after another', () => {
    expect(unifiedDiff('n.conf', 'a\n  proxy_pass x;\nb\n', [{ line: 2, from: '', to: '  proxy_read_timeout 60s;', insertAfter: true }])).toBe(
      '--- a/n.conf\n+++ b/n.conf\n@@ -1,4 +1,5 @@\n a\n   proxy_pass x;\n+  proxy_read_timeout 60s;\n b\n \n',
    );
  });
  it('does not replace inside longer tokens and refuses a missing value', () => {
    expect(replaceToken('port 18080 8080', '8080', '9')).toBe('port 18080 9');
    expect(unifiedDiff('x', 'a\n', [{ line: 1, from: 'zz', to: 'y' }])).toBeUndefined();
  });
});
