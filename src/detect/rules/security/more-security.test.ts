import * as m from './more-security.js';
import { describeExamples } from '../../testing.js';

for (const c of [m.linuxHardeningMissing, m.procMountUnmasked, m.windowsHostProcess, m.unsafeSysctls, m.sshPortExposed, m.sensitiveConfigmapContent, m.rbacExecAttach, m.rbacWildcard, m.rbacClusterAdmin, m.legacyIsolationAnnotation]) describeExamples(c);
