// Metric anomaly detection: streaming detectors, their calibration, events, and NAB scoring.
export * from './detector.js';
export * from './nab-score.js';
export * from './episodes.js';
export * from './events.js';
export * from './pipeline.js';
export * from './prep.js';
export * from './plot.js';
