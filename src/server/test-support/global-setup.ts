// Runs once before the test files: builds the migrated database with its reference data that every
// test database starts from, so that each test file pays a copy instead of a migration. The
// embedded database is dumped to a file; on the PostgreSQL server it is a template database.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { seedReferenceData } from '../reference/seed.js';
import { onServer, withDatabaseName } from './database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A file holding the migrated embedded database's data directory as a tarball. */
    pgliteTemplate: string;
    /** A data directory holding the migrated embedded database, for servers started as processes. */
    dataDirTemplate: string;
    /** The migrated template database on the PostgreSQL server, when TEST_DATABASE_URL names one. */
    postgresTemplate: string | undefined;
  }
}

export default async function setup(project: TestProject) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-test-template-'));
  const file = path.join(directory, 'pglite.tar');
  const embedded = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(embedded.db);
    await seedReferenceData(embedded.db);
    fs.writeFileSync(file, await (embedded.dump as () => Promise<Uint8Array>)());
  } finally {
    await embedded.close();
  }
  project.provide('pgliteTemplate', file);

  const dataDir = path.join(directory, 'data');
  const onDisk = await openDatabase({ dataDir });
  try {
    await migrate(onDisk.db);
    await seedReferenceData(onDisk.db);
  } finally {
    await onDisk.close();
  }
  project.provide('dataDirTemplate', dataDir);

  let template: string | undefined;
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    template = `crossroads_template_${randomBytes(6).toString('hex')}`;
    const name = template;
    await onServer((client) => client.query(`create database ${name}`));
    const server = await openDatabase({ databaseUrl: withDatabaseName(base, name), dataDir: 'unused', poolSize: 2 });
    try {
      await migrate(server.db);
      await seedReferenceData(server.db);
    } finally {
      await server.close();
    }
  }
  project.provide('postgresTemplate', template);

  return async () => {
    fs.rmSync(directory, { recursive: true, force: true });
    if (template) {
      const name = template;
      await onServer((client) => client.query(`drop database if exists ${name} with (force)`));
    }
  };
}
