import { describe, it, expect } from 'vitest';
import { anomaliesToEvents, ciFromLabels, workloadFromPod } from './events.js';
import type { Anomaly } from './episodes.js';

const anomaly: Anomaly = {
  startIndex: 10,
  endIndex: 14,
  start: Date.UTC(2024, 0, 1, 12),
  end: Date.UTC(2024, 0, 1, 12, 20),
  peakIndex: 11,
  peak: Date.UTC(2024, 0, 1, 12, 5),
  peakScore: 0.99995,
  observed: 1,
  expected: 2,
  band: 0.3,
  component: 'driver',
  z: -10,
  explanation: 'value not explained by its driver series: observed 1, expected 2 ± 0.3',
};

describe('anomalies → events', () => {
  it('maps pods to their workload CI by naming convention', () => {
    expect(workloadFromPod('web-7d4b9c8f6d-x2x9k')).toEqual({ kind: 'Deployment', name: 'web' });
    expect(workloadFromPod('db-0')).toEqual({ kind: 'StatefulSet', name: 'db' });
    expect(workloadFromPod('fluentd-x2x9k')).toEqual({ kind: 'DaemonSet', name: 'fluentd' });
    expect(workloadFromPod('standalone')).toEqual({ kind: 'Pod', name: 'standalone' });
    expect(ciFromLabels({ namespace: 'shop', pod: 'web-7d4b9c8f6d-x2x9k' }, 'prod')).toBe('prod/Deployment/shop/web');
    expect(ciFromLabels({ namespace: 'shop', deployment: 'api' })).toBe('default/Deployment/shop/api');
    expect(ciFromLabels({ node: 'n1' }, 'c')).toBe('c/Node/_/n1');
    expect(ciFromLabels({ job: 'x' })).toBeUndefined();
  });

  it('builds one metric-anomaly event per anomaly, with expected vs observed and a stable dedupKey', () => {
    const s = { metric: 'cpu', labels: { namespace: 'shop', pod: 'web-7d4b9c8f6d-x2x9k' }, timestamps: [], values: [] };
    const [e] = anomaliesToEvents(s, [anomaly], { cluster: 'prod' });
    expect(e.type).toBe('metric-anomaly');
    expect(e.ci).toBe('prod/Deployment/shop/web');
    expect(e.time).toBe('2024-01-01T12:00:00.000Z');
    expect(e.end).toBe('2024-01-01T12:20:00.000Z');
    expect(e.severity).toBe('critical');
    expect(e.data).toMatchObject({ observed: 1, expected: 2, peakScore: 0.99995, component: 'driver', peakTime: '2024-01-01T12:05:00.000Z' });
    expect(e.title).toMatch(/below expected/);
    // A continuing anomaly (later start) has the same dedupKey but a new id.
    const [later] = anomaliesToEvents(s, [{ ...anomaly, start: anomaly.start + 3_600_000, peakScore: 0.9991 }], { cluster: 'prod' });
    expect(later.dedupKey).toBe(e.dedupKey);
    expect(later.id).not.toBe(e.id);
    expect(later.severity).toBe('warning');
    // Another series does not share it.
    const [other] = anomaliesToEvents({ ...s, labels: { ...s.labels, pod: 'db-0' } }, [anomaly], { cluster: 'prod' });
    expect(other.dedupKey).not.toBe(e.dedupKey);
  });

  it('keeps an explicit series CI', () => {
    const [e] = anomaliesToEvents({ ci: 'c/Host/_/h1', metric: 'load', labels: {}, timestamps: [], values: [] }, [anomaly]);
    expect(e.ci).toBe('c/Host/_/h1');
  });
});
