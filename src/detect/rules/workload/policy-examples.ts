// Example HPA / PDB / NetworkPolicy objects for the metadata examples of several workload checks.
import { obj } from '../../util/examples.js';

export const hpa = (min: number, max = 10, target = 'web') => obj('autoscaling/v2', 'HorizontalPodAutoscaler', target, { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target }, minReplicas: min, maxReplicas: max } });

export const pdb = (spec: Record<string, unknown>, name = 'web', app = 'web') => obj('policy/v1', 'PodDisruptionBudget', name, { spec: { selector: { matchLabels: { app } }, ...spec } });

export const np = (name: string, sel: Record<string, unknown>, extra: Record<string, unknown> = {}) => obj('networking.k8s.io/v1', 'NetworkPolicy', name, { spec: { podSelector: sel, ...extra } });
