// One small SQL interface over the two databases the example runs on: SQLite (embedded, the
// default: a file, nothing to install) and Postgres (when DATABASE_URL is set). Queries are
// written once with `?` placeholders in SQL both understand; Postgres gets them as $1, $2, ….
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * @typedef {object} Database
 * @property {'sqlite' | 'postgres'} kind
 * @property {(sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>} all
 * @property {(sql: string, params?: unknown[]) => Promise<void>} run
 * @property {(work: (db: Database) => Promise<void>) => Promise<void>} transaction
 * @property {() => Promise<void>} close
 */

/** @returns {Promise<Database>} */
export async function openDatabase({ databaseUrl, sqliteFile }) {
  return databaseUrl ? openPostgres(databaseUrl) : openSqlite(sqliteFile);
}

async function openSqlite(file) {
  const { default: Sqlite } = await import('better-sqlite3');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Sqlite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  /** @type {Database} */
  const db = {
    kind: 'sqlite',
    all: async (sql, params = []) => sqlite.prepare(sql).all(...params),
    run: async (sql, params = []) => {
      sqlite.prepare(sql).run(...params);
    },
    // better-sqlite3 is synchronous, so nothing else runs between BEGIN and COMMIT.
    transaction: async (work) => {
      sqlite.exec('BEGIN');
      try {
        await work(db);
        sqlite.exec('COMMIT');
      } catch (error) {
        sqlite.exec('ROLLBACK');
        throw error;
      }
    },
    close: async () => sqlite.close(),
  };
  return db;
}

const numbered = (sql) => {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
};

async function openPostgres(connectionString) {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString, max: 5 });
  const on = (client) => ({
    kind: /** @type {const} */ ('postgres'),
    all: async (sql, params = []) => (await client.query(numbered(sql), params)).rows,
    run: async (sql, params = []) => {
      await client.query(numbered(sql), params);
    },
  });
  /** @type {Database} */
  const db = {
    ...on(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await work({ ...on(client), transaction: () => Promise.reject(new Error('nested transaction')), close: async () => {} });
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  return db;
}
