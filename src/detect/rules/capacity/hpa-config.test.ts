import { hpaMinGtMax, hpaMinEqualsMax, hpaVpaConflict } from './hpa-config.js';
import { describeExamples } from '../../testing.js';

describeExamples(hpaMinGtMax);
describeExamples(hpaMinEqualsMax);
describeExamples(hpaVpaConflict);
