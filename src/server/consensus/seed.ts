import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Placeholder replaced below. */
export async function seedConsensusDemo(_db: Kysely<DB>): Promise<void> {}
