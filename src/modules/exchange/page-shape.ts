import { createHash } from 'node:crypto';
import type SQLite from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import type { Db } from '../../storage/db.js';
import type { Tlp } from './stix/marking-ids.js';
import type { Cursor } from './taxii/cursor.js';
import type { Normalised } from './store.js';

/**
 * A TAXII page's SQL depends only on the shape of the request (which filters are present and
 * how many values each list holds), never on the values. Kysely builds and compiles a query
 * afresh every time, a tenth of a millisecond that a busy TAXII server pays on every page; so
 * the page query is compiled once per shape with placeholder values, and later requests of the
 * same shape only bind theirs.
 */

/** The inputs of a page query, with every value replaced by a placeholder. */
export interface Placeholders {
  collectionId: string;
  filters: Normalised;
  after: Cursor | undefined;
  /** A number whose successor marks the row count (`limit + 1`) among the parameters. */
  limit: number;
  tlps: readonly Tlp[] | undefined;
}

interface Shape {
  sql: string;
  /** For each parameter of the SQL, the index of its value. */
  slots: number[];
  /** On SQLite, the shape's own prepared statement (see runPage). */
  statement?: SQLite.Statement;
  /** On PostgreSQL, the name of its prepared statement on each connection (see runPage). */
  name?: string;
}

/** A page query with its values bound, and the shape it came from. */
export interface BoundPage {
  query: CompiledQuery;
  shape: Shape;
}

// Placeholders only ever meet other placeholders (the query is built from them alone), so
// they need to be recognisable, not unguessable.
const slotMark = 'cirtkit-page-slot:';
// Far outside any real limit.
const limitMark = -7_340_033;

/**
 * Replaces each value of a page query with a placeholder, and lists the values in placeholder
 * order. Also gives the shape's key: two requests with the same key compile to the same SQL.
 */
export function placeholders(
  collectionId: string,
  filters: Normalised,
  after: Cursor | undefined,
  limit: number,
  tlps: readonly Tlp[] | undefined,
): { key: string; values: unknown[]; inputs: Placeholders } {
  const values: unknown[] = [];
  const slot = <T>(value: T): T => {
    values.push(value);
    return `${slotMark}${values.length - 1}` as T;
  };
  const inputs: Placeholders = {
    collectionId: slot(collectionId),
    filters: {
      addedAfter: filters.addedAfter === undefined ? undefined : slot(filters.addedAfter),
      ids: filters.ids.map(slot),
      types: filters.types.map(slot),
      specVersions: filters.specVersions.map(slot),
      version: { ...filters.version, keys: filters.version.keys.map(slot) },
    },
    after: after && { dateAdded: slot(after.dateAdded), seq: slot(after.seq) },
    limit: limitMark,
    tlps: tlps?.map(slot),
  };
  values.push(limit + 1);
  const v = filters.version;
  const key = [
    after ? 'a' : '-',
    filters.addedAfter === undefined ? '-' : 'd',
    filters.ids.length,
    filters.types.length,
    filters.specVersions.length,
    tlps === undefined ? '-' : tlps.length,
    v.all ? 'A' : '-',
    v.first ? 'F' : '-',
    v.last ? 'L' : '-',
    v.keys.length,
  ].join(' ');
  return { key, values, inputs };
}

/** Compiled page queries by kind and shape, per database (bounded: shapes with long lists vary). */
export class PageShapes {
  private readonly shapes = new Map<string, Shape>();
  constructor(private readonly max = 256) {}

  /**
   * The compiled query for these values: from the cache, or built by `build` over the
   * placeholders and remembered.
   */
  bind(
    kind: string,
    prepared: ReturnType<typeof placeholders>,
    build: (inputs: Placeholders) => { compile(): CompiledQuery },
  ): BoundPage {
    const key = `${kind} ${prepared.key}`;
    let shape = this.shapes.get(key);
    if (!shape) {
      const compiled = build(prepared.inputs).compile();
      const rowCount = prepared.values.length - 1;
      const slots = compiled.parameters.map((p) => {
        if (p === limitMark + 1) return rowCount;
        if (typeof p !== 'string' || !p.startsWith(slotMark))
          throw new Error(`page query parameter ${String(p)} has no placeholder`);
        return Number(p.slice(slotMark.length));
      });
      shape = { sql: compiled.sql, slots };
      if (this.shapes.size >= this.max) this.shapes.delete(this.shapes.keys().next().value!);
      this.shapes.set(key, shape);
    }
    return {
      query: CompiledQuery.raw(
        shape.sql,
        shape.slots.map((i) => prepared.values[i]),
      ),
      shape,
    };
  }
}

/** Page queries with more parameters than this are not prepared by name on PostgreSQL. */
const namedLimit = 16;

/**
 * Runs a bound page query.
 *
 * On SQLite the shape's statement runs directly on the connection: Kysely's driver would take
 * its connection lock and look the statement up by its text, a sizeable part of a short page.
 * Kysely holds that lock for a whole transaction, and a statement run beside it would read
 * inside the transaction (rows not yet committed), so while one is open the page waits for it
 * through Kysely like any other query.
 *
 * On PostgreSQL it runs as a named prepared statement (Kysely sends every query unnamed, so
 * PostgreSQL parses and plans it each time: 0.2-0.6 ms of planning for 0.2 ms of execution).
 * A pool query runs outside any transaction, as a Kysely query outside one does.
 */
export async function runPage<T>(db: Db, bound: BoundPage): Promise<T[]> {
  const { sqlite, pgPool } = db;
  if (sqlite && !sqlite.inTransaction) {
    const statement = (bound.shape.statement ??= sqlite.prepare(bound.shape.sql));
    return statement.all(bound.query.parameters) as T[];
  }
  // Shapes with long lists (many ids or types) stay unnamed: each name holds memory in every
  // connection's server process, and their number must stay small.
  if (pgPool && bound.query.parameters.length <= namedLimit) {
    const name = (bound.shape.name ??= `cirtkit_page_${createHash('sha256')
      .update(bound.shape.sql)
      .digest('hex')
      .slice(0, 24)}`);
    const result = await pgPool.query({
      name,
      text: bound.shape.sql,
      values: bound.query.parameters as unknown[],
    });
    return result.rows as T[];
  }
  return (await db.kysely.executeQuery<T>(bound.query)).rows;
}
