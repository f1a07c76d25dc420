import { describe, expect, it } from 'vitest';
import { antiAffinityVsNodes, placementUnsatisfiable, requestsExceedNode, topologySpreadImpossible } from './scheduling.js';
import { describeExamples, inventoryFromYaml } from '../../testing.js';
import { runChecks } from '../../engine.js';
import { deployment, yamlDocs } from '../../util/examples.js';

for (const c of [requestsExceedNode, placementUnsatisfiable, antiAffinityVsNodes, topologySpreadImpossible]) describeExamples(c);

describe('scheduling checks', () => {
  it('are skipped without Nodes in the input', () => {
    const r = runChecks(inventoryFromYaml(yamlDocs(deployment('web'))), [requestsExceedNode]);
    expect(r.outcomes[0]).toMatchObject({ status: 'skipped', reason: 'incomplete input: no Node in the input' });
  });
});
