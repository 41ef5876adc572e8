import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Backend, type Database, openDatabase } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import type { EmbeddedStart } from '../db/pglite-dialect.js';
import { seedReferenceData } from '../reference/seed.js';

/** The backends every database test runs on: always PGlite, and PostgreSQL when TEST_DATABASE_URL names one. */
export function testBackends(): Backend[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The templates built once for the run (global-setup.ts); none when this runs outside the test runner. */
function templates(): { pglite?: string; postgres?: string } {
  try {
    return { pglite: inject('pgliteTemplate'), postgres: inject('postgresTemplate') };
  } catch {
    return {};
  }
}

let embeddedStart: Promise<EmbeddedStart> | undefined;
// The compiler's library for Node declares WebAssembly's types but not the global's functions.
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<object> } }).WebAssembly;

/** The embedded template and the compiled engine, read and compiled once per test file. */
function embeddedTemplate(file: string): Promise<EmbeddedStart> {
  embeddedStart ??= (async () => {
    const engine = path.join(path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), 'pglite.wasm');
    return {
      initialData: new Uint8Array(fs.readFileSync(file)),
      wasmModule: await wasm.compile(fs.readFileSync(engine)),
    };
  })();
  return embeddedStart;
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
  const template = options.migrate === false ? {} : templates();
  let migrated = false;
  if (backend === 'pglite') {
    if (template.pglite) {
      database = await openDatabase({ dataDir: 'memory://', embeddedStart: await embeddedTemplate(template.pglite) });
      migrated = true;
    } else {
      database = await openDatabase({ dataDir: 'memory://' });
    }
  } else {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('TEST_DATABASE_URL is not set.');
    const name = `crossroads_test_${randomBytes(6).toString('hex')}`;
    const source = template.postgres;
    await onServer((client) => client.query(`create database ${name}${source ? ` template ${source}` : ''}`));
    migrated = source !== undefined;
    url = withDatabaseName(base, name);
    database = await openDatabase({ databaseUrl: url, dataDir: 'unused', poolSize: 5 });
    drop = () => onServer((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => {});
  }
  if (options.migrate !== false && !migrated) {
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
