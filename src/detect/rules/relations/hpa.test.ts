import { hpaTargetMissing, hpaTargetWithoutRequests } from './hpa.js';
import { describeExamples } from '../../testing.js';

describeExamples(hpaTargetMissing);
describeExamples(hpaTargetWithoutRequests);
