import type { CiId, SourceRef } from './ci.js';

/** A metric series tied to the CI that emits it. Timestamps are Unix milliseconds. */
export interface Series {
  ci?: CiId;
  metric: string;
  labels: Record<string, string>;
  timestamps: Float64Array | number[];
  values: Float64Array | number[];
}

export type LogStream = 'stdout' | 'stderr';

export interface LogRecord {
  /** Unix milliseconds, when known. */
  ts?: number;
  ci?: CiId;
  stream?: LogStream;
  level?: string;
  component?: string;
  /** The message part (after the header), already redacted when it came through the redactor. */
  message: string;
  raw?: string;
  source?: SourceRef;
  templateId?: string;
  template?: string;
  tags?: string[];
  labels?: Record<string, string>;
}
