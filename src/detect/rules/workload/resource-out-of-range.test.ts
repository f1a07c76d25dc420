import { describe, expect, it } from 'vitest';
import { check, EXAMPLE_OPTIONS, parseRanges } from './resource-out-of-range.js';
import { describeExamples, inventoryFromYaml, runCheck } from '../../testing.js';
import { runChecks } from '../../engine.js';
import { deployment, goodContainer, obj, yamlDocs } from '../../util/examples.js';

describeExamples(check, { options: EXAMPLE_OPTIONS });

const withRes = (resources: Record<string, unknown>) => yamlDocs(deployment('web', {}, { containers: [goodContainer({ resources })] }));

describe('resource-out-of-range', () => {
  it('says it is not configured instead of passing silently', () => {
    const r = runChecks(inventoryFromYaml(check.meta.examples.fail), [check]);
    expect(r.outcomes[0]).toMatchObject({ status: 'ran', findings: [], notes: [expect.stringMatching(/not configured/)] });
  });
  it('reports the bound and the configured value', () => {
    const f = runCheck(check, check.meta.examples.fail, { options: EXAMPLE_OPTIONS });
    expect(f).toHaveLength(2); // request above 16Gi, limit above 32Gi
    expect(f.map((x) => x.message)).toEqual(expect.arrayContaining([expect.stringMatching(/requests\.memory 64Gi is above the maximum 16Gi/), expect.stringMatching(/limits\.memory 64Gi is above the maximum 32Gi/)]));
  });
  it('checks minimums, and top-level resources apply to requests and limits', () => {
    const f = runCheck(check, withRes({ requests: { cpu: '10m', memory: '128Mi' }, limits: { cpu: '20m', memory: '128Mi' } }), { options: { cpu: { min: '50m' } } });
    expect(f.map((x) => x.message)).toEqual([expect.stringMatching(/requests\.cpu 10m is below the minimum 50m/), expect.stringMatching(/limits\.cpu 20m is below the minimum 50m/)]);
  });
  it('ignores resources the container does not set', () => {
    expect(runCheck(check, withRes({ requests: { cpu: '100m' } }), { options: { memory: { min: '1Gi' } } })).toEqual([]);
  });
  it('applies to init containers and LimitRange defaults', () => {
    const lr = obj('v1', 'LimitRange', 'defaults', { spec: { limits: [{ type: 'Container', default: { memory: '8Gi' } }] } });
    const y = yamlDocs(lr, deployment('web', { initContainers: [{ name: 'migrate', image: 'x:1', resources: { requests: { memory: '1Mi' } } }] }, { containers: [goodContainer({ resources: { requests: { memory: '128Mi' } } })] }));
    const f = runCheck(check, y, { options: { limits: { memory: { max: '4Gi' } }, requests: { memory: { min: '16Mi' } } } });
    expect(f.map((x) => x.message).sort()).toEqual([
      expect.stringMatching(/container app: limits\.memory 8Gi is above the maximum 4Gi/),
      expect.stringMatching(/container migrate: limits\.memory 8Gi is above/),
      expect.stringMatching(/container migrate: requests\.memory 1Mi is below the minimum 16Mi/),
    ].sort());
  });
  it('notes bad options and runs the good ones', () => {
    const { ranges, problems } = parseRanges({ requests: { cpu: { min: 'lots' }, memory: { min: '2Gi', max: '1Gi' } }, limits: { memory: { max: '1Gi' } } });
    expect(ranges).toHaveLength(1);
    expect(problems).toEqual([expect.stringMatching(/requests\.cpu\.min: "lots" is not a quantity/), expect.stringMatching(/min 2Gi is above max 1Gi/)]);
    const r = runChecks(inventoryFromYaml(check.meta.examples.fail), [check], { options: { 'resource-out-of-range': { requests: { cpu: { min: 'lots' } } } } });
    expect(r.outcomes[0]).toMatchObject({ status: 'ran', notes: [expect.stringMatching(/not a quantity/), expect.stringMatching(/not configured/)] });
  });
});
