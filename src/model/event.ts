import type { CiId } from './ci.js';
import type { Severity } from './finding.js';

export type EventType = 'config-change' | 'metric-anomaly' | 'log-anomaly' | 'finding' | 'k8s-event' | 'relation-change';

/** Anything time-stamped that may matter. Serialisable as a CloudEvent (see report/cloudevents). */
export interface HcEvent {
  /** Unique; equal ids are the same event. */
  id: string;
  type: EventType;
  /** RFC 3339 start. */
  time: string;
  /** RFC 3339 end, for events with a duration (anomalies). */
  end?: string;
  ci?: CiId;
  severity: Severity;
  title: string;
  /** Continuing occurrences of the same thing share a dedup key; the store extends them instead of adding. */
  dedupKey?: string;
  data: Record<string, unknown>;
}

export interface Incident {
  id: string;
  start: string;
  end: string;
  events: string[];
  cis: CiId[];
  rootCauses: Array<{ ci: CiId; score: number; evidence: string[] }>;
}
