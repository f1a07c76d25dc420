import { namespaceEmpty, pvReleased, zeroReplicas } from './misc.js';
import { describeExamples } from '../../testing.js';

describeExamples(zeroReplicas);
describeExamples(pvReleased, { live: true });
describeExamples(namespaceEmpty);
