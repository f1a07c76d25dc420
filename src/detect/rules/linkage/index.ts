// The linkage pack: checks between the tiers of web → WAS → DB stacks (WebtoB/JEUS/Tibero and
// nginx/Tomcat-Spring/PostgreSQL-MySQL) and between each tier and its Kubernetes objects.
// Application CIs are discovered from the inventory on demand (collect/middleware/discover.ts);
// `withApplications(inv)` attaches them up front when the caller wants them in the CMDB too.
import type { Check } from '../../check.js';
import { check as wjPort } from './wj-port.js';
import { check as wjRegid } from './wj-regid.js';
import { check as wjThreads } from './wj-threads.js';
import { check as wjSvcport } from './wj-svcport.js';
import { check as wjNodename } from './wj-nodename.js';
import { check as wjUri } from './wj-uri.js';
import { check as wjHth } from './wj-hth.js';
import { check as wjAddr } from './wj-addr.js';
import { check as wjLb } from './wj-lb.js';
import { check as jtPort } from './jt-port.js';
import { check as jtSvcport } from './jt-svcport.js';
import { check as jtDbname } from './jt-dbname.js';
import { check as jtHost } from './jt-host.js';
import { check as jtPoolSessions } from './jt-pool-sessions.js';
import { check as jtDsref } from './jt-dsref.js';
import { check as jtDriver } from './jt-driver.js';
import { check as tbMemOrder } from './tb-mem-order.js';
import { check as tbMemLimit } from './tb-mem-limit.js';
import { check as tbSessionsMem } from './tb-sessions-mem.js';
import { check as tbTbdsn } from './tb-tbdsn.js';
import { check as appHeapLimit } from './app-heap-limit.js';
import { check as naUpstreamHost } from './na-upstream-host.js';
import { check as naUpstreamPort } from './na-upstream-port.js';
import { check as naTimeout } from './na-timeout.js';
import { check as naKeepalive } from './na-keepalive.js';
import { check as appPort } from './app-port.js';
import { check as adJdbcUrl } from './ad-jdbc-url.js';
import { check as adPoolMaxconn } from './ad-pool-maxconn.js';
import { check as dbMemLimit } from './db-mem-limit.js';
import { check as dbShm } from './db-shm.js';

export const linkageChecks: Check[] = [
  wjPort, wjRegid, wjThreads, wjSvcport, wjNodename, wjUri, wjHth, wjAddr, wjLb,
  jtPort, jtSvcport, jtDbname, jtHost, jtPoolSessions, jtDsref, jtDriver,
  tbMemOrder, tbMemLimit, tbSessionsMem, tbTbdsn,
  appHeapLimit,
  naUpstreamHost, naUpstreamPort, naTimeout, naKeepalive,
  appPort, adJdbcUrl, adPoolMaxconn, dbMemLimit, dbShm,
];

export { withApplications, discoverApplications, applicationsOf } from '../../../collect/middleware/discover.js';
