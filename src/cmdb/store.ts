// The CMDB behind one interface: SQLite is the default implementation (sqlite-store.ts); a
// PostgreSQL one can satisfy the same contract without touching callers. Methods are synchronous
// because better-sqlite3 is; a networked store wraps them in a worker or a sync facade.
import type { CI, CiId } from '../model/ci.js';
import type { Relation } from '../model/relation.js';
import type { HcEvent } from '../model/event.js';

/** One JSON-path level change of a CI's configuration. */
export interface ConfigChange {
  /** JSONPath-like: `$.spec.template.spec.containers[0].image`, `$.metadata.labels["app"]`. */
  path: string;
  op: 'add' | 'remove' | 'replace';
  old?: unknown;
  new?: unknown;
}

export interface CiChange {
  ci: CiId;
  kind: 'added' | 'removed' | 'modified';
  changes: ConfigChange[];
}

export interface SnapshotInput {
  cluster: string;
  source: string;
  cis: CI[];
  relations: Relation[];
  time?: string;
  /** CI kinds that could not be read this time (RBAC): their CIs are carried over, not marked removed. */
  unreadableKinds?: string[];
}

export interface SnapshotInfo {
  id: number;
  cluster: string;
  takenAt: string;
  source: string;
  ciCount: number;
  relationCount: number;
}

export interface SnapshotResult {
  snapshot: SnapshotInfo;
  /** Changes against the previous snapshot of the same cluster (empty for the first one). */
  changes: CiChange[];
  relationsAdded: Relation[];
  relationsRemoved: Relation[];
  /** Config-change events written to the event store for this snapshot. */
  events: HcEvent[];
}

export interface CiQuery {
  cluster?: string;
  kind?: string;
  namespace?: string;
  /** Substring match on the name. */
  name?: string;
  /** Only CIs present in this snapshot; default: the latest snapshot of each cluster. */
  snapshot?: number;
  limit?: number;
}

export interface RelationQuery {
  cluster?: string;
  ci?: CiId;
  /** Neighbourhood depth around `ci` (default 1). */
  depth?: number;
  source?: 'declared' | 'inferred';
  snapshot?: number;
}

export interface EventQuery {
  type?: HcEvent['type'];
  ci?: CiId;
  since?: string;
  until?: string;
  limit?: number;
}

export interface ChangeRecord extends CiChange {
  snapshot: number;
  time: string;
}

/** A mined log template, persisted so that its id is stable across runs. */
export interface StoredTemplate {
  id: string;
  template: string;
  count: number;
  firstSeen?: string;
  lastSeen?: string;
  /** Scope of the miner that produced it (a CI id or a source name). */
  scope: string;
}

export interface CmdbStore {
  readonly path: string;

  /** Store one collection of a cluster: CIs and declared relations. Diffs against the previous snapshot. */
  recordSnapshot(input: SnapshotInput): SnapshotResult;
  listSnapshots(cluster?: string): SnapshotInfo[];
  latestSnapshot(cluster: string): SnapshotInfo | undefined;

  getCI(id: CiId, snapshot?: number): CI | undefined;
  listCIs(q?: CiQuery): CI[];
  listClusters(): string[];
  relations(q?: RelationQuery): Relation[];
  history(id: CiId): ChangeRecord[];

  /** Inferred relations (from telemetry) replace earlier inferred ones of the same key. */
  upsertInferredRelations(relations: Relation[]): void;

  /** Insert events; an event whose dedupKey matches an open one extends it (end, data merged). Returns ids stored. */
  addEvents(events: HcEvent[]): string[];
  listEvents(q?: EventQuery): HcEvent[];

  /** Log templates by scope (see StoredTemplate). */
  loadTemplates(scope: string): StoredTemplate[];
  saveTemplates(templates: StoredTemplate[]): void;

  close(): void;
}
