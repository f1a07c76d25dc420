import { describe, expect, it } from 'vitest';
import { check as requestsExceedNode } from './requests-exceed-node-allocatable.js';
import { describeExamples, inventoryFromYaml } from '../../testing.js';
import { runChecks } from '../../engine.js';
import { deployment, yamlDocs } from '../../util/examples.js';

describeExamples(requestsExceedNode);

describe('scheduling checks', () => {
  it('are skipped without Nodes in the input', () => {
    const r = runChecks(inventoryFromYaml(yamlDocs(deployment('web'))), [requestsExceedNode]);
    expect(r.outcomes[0]).toMatchObject({ status: 'skipped', reason: 'incomplete input: no Node in the input' });
  });
});
