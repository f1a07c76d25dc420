// Versioned schema migrations. Append only: never edit a migration that has shipped.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'cmdb core: snapshots, CI versions, relations, changes, events, log templates',
    sql: `
      CREATE TABLE snapshots (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        cluster TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        source TEXT NOT NULL,
        ci_count INTEGER NOT NULL DEFAULT 0,
        relation_count INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX snapshots_cluster ON snapshots(cluster, id);

      -- Configuration bodies, deduplicated by content hash (many snapshots share them).
      CREATE TABLE configs (hash TEXT PRIMARY KEY, body TEXT NOT NULL);

      -- One row per version of a CI: valid in snapshots [from_snap, to_snap).
      CREATE TABLE ci_versions (
        rowid INTEGER PRIMARY KEY,
        ci_id TEXT NOT NULL,
        cluster TEXT NOT NULL,
        kind TEXT NOT NULL,
        namespace TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        uid TEXT,
        hash TEXT NOT NULL REFERENCES configs(hash),
        status TEXT,
        source TEXT,
        from_snap INTEGER NOT NULL,
        to_snap INTEGER,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL
      );
      CREATE INDEX ci_versions_current ON ci_versions(cluster, to_snap);
      CREATE INDEX ci_versions_id ON ci_versions(ci_id, from_snap);

      CREATE TABLE relations (
        rowid INTEGER PRIMARY KEY,
        cluster TEXT NOT NULL,
        from_id TEXT NOT NULL,
        to_id TEXT NOT NULL,
        type TEXT NOT NULL,
        source TEXT NOT NULL,
        confidence REAL,
        evidence TEXT,
        dangling INTEGER NOT NULL DEFAULT 0,
        from_snap INTEGER,
        to_snap INTEGER,
        updated_at TEXT
      );
      CREATE INDEX relations_from ON relations(from_id);
      CREATE INDEX relations_to ON relations(to_id);

      CREATE TABLE changes (
        snapshot INTEGER NOT NULL,
        ci_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        time TEXT NOT NULL,
        changes TEXT NOT NULL
      );
      CREATE INDEX changes_ci ON changes(ci_id, snapshot);

      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        time TEXT NOT NULL,
        end_time TEXT,
        ci TEXT,
        severity TEXT NOT NULL,
        title TEXT NOT NULL,
        dedup_key TEXT,
        data TEXT NOT NULL
      );
      CREATE INDEX events_time ON events(time);
      CREATE INDEX events_ci ON events(ci, time);
      CREATE INDEX events_dedup ON events(dedup_key, time);

      CREATE TABLE log_templates (
        scope TEXT NOT NULL,
        id TEXT NOT NULL,
        template TEXT NOT NULL,
        count INTEGER NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        PRIMARY KEY (scope, id)
      );
    `,
  },
];
