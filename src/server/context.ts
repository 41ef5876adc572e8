import type { Kysely } from 'kysely';
import type { Actor } from './access/check.js';
import type { Config } from './config.js';
import type { DB } from './db/schema.js';

/** What a service needs to know about one request: the database, who asks, and from where. */
export interface Context {
  db: Kysely<DB>;
  actor: Actor | null;
  requestId: string;
  address: string;
  config: Config;
}
