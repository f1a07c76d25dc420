// securityContext resolution: container settings override the pod's.
import type { PodTemplateRef } from '../../../cmdb/inventory.js';
import type { Container } from '../../util/pods.js';

export function sc(tpl: PodTemplateRef, c: Container, key: string): unknown {
  const v = c.securityContext?.[key];
  return v !== undefined ? v : tpl.spec?.securityContext?.[key];
}
