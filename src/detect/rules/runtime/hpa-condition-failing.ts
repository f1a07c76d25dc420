// hpa-condition-failing: HPA cannot compute or apply a scale.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { obj, yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export const check = perObject({
  id: 'hpa-condition-failing', title: 'HPA cannot compute or apply a scale', category: 'runtime', severity: 'warning', aliases: ['k8sgpt:HorizontalPodAutoscaler'], needs: ['live'],
  docs: { why: 'ScalingActive=False or AbleToScale=False means the HPA is not scaling at all: metrics missing (metrics-server, missing requests), or the target cannot be scaled.', fix: 'Read the condition message: install metrics-server / fix requests / fix the target reference.' },
  examples: {
    fail: yamlDocs(obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', { spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5 }, status: { conditions: [{ type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: 'the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu' }] } })),
    pass: yamlDocs(obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', { spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5 }, status: { conditions: [{ type: 'ScalingActive', status: 'True' }, { type: 'ScalingLimited', status: 'True' }] } })),
  },
} satisfies CheckMeta, ['HorizontalPodAutoscaler'], (h) => {
  const bad = ((h.obj.status?.conditions ?? []) as any[]).filter((c) => (c?.type === 'ScalingActive' || c?.type === 'AbleToScale') && c.status === 'False');
  return bad.length ? { message: `HPA ${h.ci.name}: ${bad.map((c) => `${c.type}=False (${c.reason ?? ''}): ${c.message ?? ''}`).join('; ')}`, evidence: { conditions: bad } } : undefined;
});
