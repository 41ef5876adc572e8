import { type Kysely, type RawBuilder, sql } from 'kysely';
import { holds } from '../access/check.js';
import type { Context } from '../context.js';
import type { DB } from '../db/schema.js';
import { viewerOf } from '../directory/visibility.js';

/** What one person may open in the network and its library, decided once per request. */
export interface Reader {
  userId: string | null;
  /** A confirmed focal point whose membership has not expired. */
  member: boolean;
  /** OSCE staff, as the directory decides it (a global grant, or a grant on an OSCE structure). */
  staff: boolean;
  /** Runs the network: sees every document and every focal point. */
  all: boolean;
}

/** The condition "this focal point is a current member", on the alias given. */
export const currentMember = (alias: string): RawBuilder<boolean> =>
  sql<boolean>`(${sql.ref(`${alias}.status`)} = 'confirmed' and ${sql.ref(`${alias}.expires_on`)} >= current_date)`;

/** Whether the user is a current member of the network (in any State). */
export async function isMember(db: Kysely<DB>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('network_focal_point as f')
    .select('f.id')
    .where('f.user_id', '=', userId)
    .where(currentMember('f'))
    .executeTakeFirst();
  return row !== undefined;
}

/** The reader behind a request. */
export async function readerOf(ctx: Pick<Context, 'db' | 'actor'>): Promise<Reader> {
  const actor = ctx.actor;
  if (!actor) return { userId: null, member: false, staff: false, all: false };
  const [member, viewer] = await Promise.all([isMember(ctx.db, actor.userId), viewerOf(ctx)]);
  return { userId: actor.userId, member, staff: viewer.staff, all: holds(actor, 'network.manage') };
}
