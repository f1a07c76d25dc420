export * from './ci.js';
export * from './relation.js';
export * from './kube.js';
export * from './finding.js';
export * from './telemetry.js';
export * from './event.js';
