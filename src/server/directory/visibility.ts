import { type Kysely, type RawBuilder, sql } from 'kysely';
import { type Actor, scopeOf } from '../access/check.js';
import type { Context } from '../context.js';
import type { DB } from '../db/schema.js';
import { OSCE_STRUCTURE_TYPES, type Visibility } from './schemas.js';

/**
 * What one person may see and change in the directory, decided once per request:
 * - anyone sees what is public;
 * - a signed-in user also sees what is for all signed-in users;
 * - OSCE staff — anyone holding a role granted globally or on an OSCE structure (Secretariat
 *   department, institution, Parliamentary Assembly, Staff College, field operation) — also see
 *   what is for OSCE staff;
 * - the co-ordinator sees everything;
 * - whoever may edit an organisation's records (its focal point) sees all of them.
 * Every list, search, count and export filters with the same `visibleRecords` condition.
 */
export interface Viewer {
  actor: Actor | null;
  levels: Visibility[];
  seesAll: boolean;
  /** Organisations whose contacts and activities the viewer may edit (and so always sees). */
  edits: { all: boolean; organisations: string[] };
  staff: boolean;
}

const ANONYMOUS: Viewer = {
  actor: null,
  levels: ['public'],
  seesAll: false,
  edits: { all: false, organisations: [] },
  staff: false,
};

/** Whether the actor is OSCE staff: a global grant, or a grant on an organisation that is an OSCE structure. */
async function isStaff(db: Kysely<DB>, actor: Actor): Promise<boolean> {
  if (actor.grants.some((g) => g.scopeType === 'global')) return true;
  const organisations = actor.grants.flatMap((g) =>
    g.scopeType === 'organisation' && g.organisationId ? [g.organisationId] : [],
  );
  if (organisations.length === 0) return false;
  const row = await db
    .selectFrom('organisation')
    .select('id')
    .where('id', 'in', organisations)
    .where('type', 'in', [...OSCE_STRUCTURE_TYPES])
    .executeTakeFirst();
  return row !== undefined;
}

export async function viewerOf(ctx: Pick<Context, 'db' | 'actor'>): Promise<Viewer> {
  const actor = ctx.actor;
  if (!actor) return ANONYMOUS;
  const seesAll = scopeOf(actor, 'directory.read_all').all;
  const editScope = scopeOf(actor, 'directory.edit');
  const staff = seesAll || (await isStaff(ctx.db, actor));
  const levels: Visibility[] = seesAll
    ? ['public', 'signed_in', 'osce_staff', 'coordinator']
    : staff
      ? ['public', 'signed_in', 'osce_staff']
      : ['public', 'signed_in'];
  return { actor, levels, seesAll, edits: { all: editScope.all, organisations: [...editScope.organisations] }, staff };
}

/** The viewer of the command line: the operator, who sees and may change everything. */
export const OPERATOR: Viewer = {
  actor: null,
  levels: ['public', 'signed_in', 'osce_staff', 'coordinator'],
  seesAll: true,
  edits: { all: true, organisations: [] },
  staff: true,
};

/** Whether the viewer may edit records of this organisation. */
export function mayEdit(viewer: Viewer, organisationId: string): boolean {
  return viewer.edits.all || viewer.edits.organisations.includes(organisationId);
}

/** Whether the viewer sees a record with this visibility held by this organisation. */
export function sees(viewer: Viewer, record: { visibility: Visibility; organisationId: string }): boolean {
  return viewer.seesAll || viewer.levels.includes(record.visibility) || mayEdit(viewer, record.organisationId);
}

/**
 * The SQL condition "the viewer sees this record", for a table alias whose rows carry
 * `visibility` and `organisation_id` (contacts and activities). The `text_index` form says the same
 * in the words of the search indexes, so that they answer it without reading the records.
 */
export function visibleRecords(viewer: Viewer, alias: string, form: 'plain' | 'text_index' = 'plain'): RawBuilder<boolean> {
  if (viewer.seesAll || viewer.edits.all) return sql<boolean>`true`;
  const visibility = sql.ref(`${alias}.visibility`);
  const organisation = sql.ref(`${alias}.organisation_id`);
  // The text indexes of contacts and activities hold the visibility as a one-element array.
  const level =
    form === 'text_index'
      ? sql<boolean>`array[${visibility}] && ${viewer.levels}::text[]`
      : sql<boolean>`${visibility} = any(${viewer.levels}::text[])`;
  if (viewer.edits.organisations.length === 0) return level;
  return sql<boolean>`(${level} or ${organisation} = any(${viewer.edits.organisations}::uuid[]))`;
}
