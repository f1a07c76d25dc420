import { describe, expect, it } from 'vitest';
import { check, examplePrevious } from './change-detaches-relation.js';
import { describeExamples, runCheck } from '../../testing.js';
import { deployment, obj, yamlDocs } from '../../util/examples.js';

describeExamples(check, { previousFail: examplePrevious, previousPass: examplePrevious });

describe('change-detaches-relation', () => {
  it('reports a deleted ConfigMap that pods still mount', () => {
    const pod = deployment('web', { volumes: [{ name: 'c', configMap: { name: 'web-cfg' } }] });
    const before = yamlDocs(pod, obj('v1', 'ConfigMap', 'web-cfg', { data: { a: '1' } }));
    const f = runCheck(check, yamlDocs(pod), { previous: before });
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/removed or renamed/);
  });
  it('says nothing when the source was deleted too', () => {
    expect(runCheck(check, yamlDocs(obj('v1', 'ConfigMap', 'x')), { previous: examplePrevious })).toEqual([]);
  });
});
