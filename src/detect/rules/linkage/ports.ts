// Ports an application listens on, from its own configuration.
import { servicePorts } from '../../../collect/middleware/discover.js';
import { springGet } from '../../../collect/middleware/spring.js';
import { filesOf, type AppInstance } from './shared.js';

export { servicePorts };

/** Spring Boot `server.port` (default 8080) or the first Tomcat HTTP Connector port. */
export function springPort(a: AppInstance): number | undefined {
  if (a.spring) {
    const p = springGet(a.spring, 'server.port');
    const n = p && /^\d+$/.test(p.value) ? Number(p.value) : p ? undefined : 8080;
    return n;
  }
  for (const f of filesOf(a, 'tomcat.xml')) {
    const c = f.parsed.model.connectors.find((x) => !/AJP/i.test(x.protocol ?? '') && x.port);
    if (c?.port) return c.port.value;
  }
  return undefined;
}
