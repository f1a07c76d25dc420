import { describe, expect, it } from 'vitest';
import { check } from './image-tag-latest.js';
import { describeExamples, runCheck } from '../../testing.js';

describeExamples(check);

describe('image-tag-latest', () => {
  it('skips Helm test hook pods (kube-score#548, polaris#985)', () => {
    const pod = (hook?: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'chart-test', namespace: 'shop', ...(hook ? { annotations: { 'helm.sh/hook': hook } } : {}) }, spec: { containers: [{ name: 't', image: 'busybox:latest' }] } });
    expect(runCheck(check, JSON.stringify(pod('test')))).toEqual([]);
    expect(runCheck(check, JSON.stringify(pod()))).toHaveLength(1);
  });
  it('does not take a registry port for a tag', () => {
    expect(runCheck(check, JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 's' }, spec: { containers: [{ name: 'a', image: 'localhost:5000/latest' }] } }))).toEqual([]);
  });
});
