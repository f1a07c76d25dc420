import { describe, expect, it } from 'vitest';
import { check as configmapUnused } from './configmap-unused.js';
import { describeExamples, runCheck } from '../../testing.js';
import { deployment, obj, yamlDocs } from '../../util/examples.js';

describeExamples(configmapUnused);

describe('unused', () => {
  it('does not judge namespaces without workloads in the input', () => {
    expect(runCheck(configmapUnused, yamlDocs(obj('v1', 'ConfigMap', 'x', {}, 'elsewhere'), deployment('web')))).toEqual([]);
  });
});
