import { describe, expect, it } from 'vitest';
import { check as secretRefMissing } from './secret-ref-missing.js';
import { describeExamples } from '../../testing.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';
import { runChecks } from '../../engine.js';
import { inventoryFromYaml } from '../../testing.js';

describeExamples(secretRefMissing);

describe('ref-missing', () => {
  it('is skipped (incomplete input), not passed, when no Secret is in the input', () => {
    const inv = inventoryFromYaml(yamlDocs(deployment('web', {}, { containers: [goodContainer({ env: [{ name: 'PW', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } }] })] })));
    const r = runChecks(inv, [secretRefMissing]);
    expect(r.outcomes[0]).toMatchObject({ status: 'skipped', reason: 'incomplete input: no Secret in the input' });
  });
});
