import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Backend, type Database, openDatabase } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { seedReferenceData } from '../reference/seed.js';

/** The backends every database test runs on: always PGlite, and PostgreSQL when TEST_DATABASE_URL names one. */
export function testBackends(): Backend[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase extends Database {
  /** Where it lives: a PostgreSQL URL, or undefined for an in-memory PGlite. */
  url: string | undefined;
}

/**
 * A new, empty, migrated database with the reference data: an in-memory PGlite, or a database
 * of its own on the PostgreSQL server, dropped again on close. Each test file starts from one.
 */
export async function freshDatabase(backend: Backend, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let database: Database;
  let url: string | undefined;
  let drop = async () => {};
  if (backend === 'pglite') {
    database = await openDatabase({ dataDir: 'memory://' });
  } else {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('TEST_DATABASE_URL is not set.');
    const name = `crossroads_test_${randomBytes(6).toString('hex')}`;
    await onServer((client) => client.query(`create database ${name}`));
    url = withDatabaseName(base, name);
    database = await openDatabase({ databaseUrl: url, dataDir: 'unused', poolSize: 5 });
    drop = () => onServer((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => {});
  }
  if (options.migrate !== false) {
    await migrate(database.db);
    await seedReferenceData(database.db);
  }
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}
