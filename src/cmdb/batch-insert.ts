// Multi-row INSERTs: one statement per BATCH rows cuts the per-row JS↔SQLite crossing, which
// dominates when a big cluster's snapshot writes a million relation rows.
import type Database from 'better-sqlite3';

const BATCH = 64;

export class BatchInserter {
  private rows: unknown[] = [];
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;

  constructor(db: Database.Database, private readonly sqlPrefix: string, private readonly width: number, valuesTuple = `(${Array(width).fill('?').join(', ')})`) {
    this.many = db.prepare(`${sqlPrefix} VALUES ${Array(BATCH).fill(valuesTuple).join(', ')}`);
    this.one = db.prepare(`${sqlPrefix} VALUES ${valuesTuple}`);
  }

  add(...values: unknown[]): void {
    if (values.length !== this.width) throw new Error(`${this.sqlPrefix}: expected ${this.width} values, got ${values.length}`);
    for (const v of values) this.rows.push(v);
    if (this.rows.length === BATCH * this.width) {
      this.many.run(this.rows);
      this.rows = [];
    }
  }

  flush(): void {
    for (let i = 0; i < this.rows.length; i += this.width) this.one.run(this.rows.slice(i, i + this.width));
    this.rows = [];
  }
}
