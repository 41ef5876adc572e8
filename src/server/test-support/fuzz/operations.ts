import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { Access } from '../../access/verbs.js';
import { build } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/connection.js';
import type { DB } from '../../db/schema.js';
import { type Operation, operationsOf } from './requests.js';

export type CataloguedOperation = Operation & { access: Access };

/**
 * Every route of the server with its schemas, read from the OpenAPI document of a server built
 * on a database that answers nothing (routes are only declared, never called): test files can then name one
 * test per route, and routes added later are fuzzed without new code.
 */
export async function catalogueOperations(): Promise<CataloguedOperation[]> {
  // Queries made while routes register (e.g. a domain adding missing rows) get empty answers.
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const unused = {
    db,
    backend: 'pglite',
    close: async () => {},
    usage: () => ({ open: 0, idle: 0, waiting: 0 }),
    onQuery: () => () => {},
  } satisfies Database;
  const app = await build(loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: 'memory://', WEB_DIR: 'no-web-client' }), unused);
  try {
    await app.ready();
    const document = app.swagger() as unknown as Parameters<typeof operationsOf>[0];
    const operations = operationsOf(document, app.routeCatalogue);
    return operations.map((operation, i) => ({ ...operation, access: app.routeCatalogue[i]?.access as Access }));
  } finally {
    await app.close();
  }
}
