// Relation discovery from telemetry (pure): see correlate.ts for the pipeline.
export { correlateSeries, aggregate, type CorrelateOptions, type CorrelateResult, type SeriesPair, type CorrelateSummary, type CandidateMode } from './correlate.js';
export { eventCooccurrence, type EventPair, type CooccurOptions } from './events.js';
export { compareWithDeclared, type Comparison } from './compare.js';
