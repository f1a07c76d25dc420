import { restartPolicyInvalid, cronjobDeadlineMissing, cronjobInvalidSchedule, cronjobSuspended, deprecatedServiceAccountField, topologySpreadInvalid, antiAffinityMissing, pdbNoPolicy, labelValueInvalid } from './more-hygiene.js';
import { describeExamples } from '../../testing.js';

describeExamples(restartPolicyInvalid);
describeExamples(cronjobDeadlineMissing);
describeExamples(cronjobInvalidSchedule);
describeExamples(cronjobSuspended);
describeExamples(deprecatedServiceAccountField);
describeExamples(topologySpreadInvalid);
describeExamples(antiAffinityMissing);
describeExamples(pdbNoPolicy);
describeExamples(labelValueInvalid);
