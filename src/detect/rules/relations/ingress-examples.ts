// Example Ingress for the metadata examples of the ingress-backend-* checks.
import { obj } from '../../util/examples.js';

export const ingress = (svc: string, port: Record<string, unknown>) =>
  obj('networking.k8s.io/v1', 'Ingress', 'web', { spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: svc, port } } }] } }] } });
