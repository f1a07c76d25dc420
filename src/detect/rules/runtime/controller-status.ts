// Shared by the controller-status checks (stalled rollouts, unavailable replicas, failed jobs): a status
// condition lookup, and an example Deployment with a given status.
import { obj } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export const cond = (o: any, type: string) => (o.status?.conditions ?? []).find((c: any) => c?.type === type);

export const dep = (status: Record<string, unknown>, replicas = 3) => obj('apps/v1', 'Deployment', 'web', { spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'shop/app:1.0' }] } } }, status });
