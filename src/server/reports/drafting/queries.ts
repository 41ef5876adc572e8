import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ReportContent } from '../schemas.js';
import type { ReportStatus } from '../tables.js';

export type Db = Kysely<DB>;
const NONE = ['00000000-0000-0000-0000-000000000000'];

/** Reports with their mission, optionally only some. */
export function selectReports(db: Db, filter: { ids?: readonly string[]; missionId?: string } = {}) {
  let select = db
    .selectFrom('mission_report as r')
    .innerJoin('mission as m', 'm.id', 'r.mission_id')
    .select([
      'r.id',
      'r.mission_id',
      'r.status',
      'r.version',
      'r.public_summary',
      'r.updated_at',
      'r.adopted_at',
      'r.distributed_at',
      'm.code as mission_code',
      'm.title as mission_title',
      'm.mandate_reference',
      'm.starts_on',
      'm.ends_on',
    ]);
  if (filter.ids) select = select.where('r.id', 'in', filter.ids.length > 0 ? filter.ids : NONE);
  if (filter.missionId) select = select.where('r.mission_id', '=', filter.missionId);
  return select.orderBy('m.starts_on', 'desc').orderBy('m.code').execute();
}
export type ReportRow = Awaited<ReturnType<typeof selectReports>>[number];

/** The missions, among these, on whose team the user serves. */
export async function selectTeamMissions(db: Db, userId: string, missionIds: readonly string[]): Promise<Set<string>> {
  if (missionIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('deployment as d')
    .innerJoin('expert as e', 'e.id', 'd.expert_id')
    .select('d.mission_id')
    .where('e.user_id', '=', userId)
    .where('d.mission_id', 'in', missionIds)
    .execute();
  return new Set(rows.map((r) => r.mission_id!));
}

/** The alert level of each report's current version. */
export async function selectCurrentContents(db: Db, reportIds: readonly string[]) {
  if (reportIds.length === 0) return new Map<string, ReportContent>();
  const rows = await db
    .selectFrom('mission_report_version as v')
    .innerJoin('mission_report as r', (j) => j.onRef('r.id', '=', 'v.report_id').onRef('r.version', '=', 'v.number'))
    .select(['v.report_id', 'v.content'])
    .where('v.report_id', 'in', reportIds)
    .execute();
  return new Map(rows.map((r) => [r.report_id, r.content]));
}

export function selectMissionCountries(db: Db, missionIds: readonly string[]) {
  if (missionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('mission_country as mc')
    .innerJoin('country as c', 'c.iso2', 'mc.country_iso2')
    .select(['mc.mission_id', 'mc.country_iso2', 'c.name_en'])
    .where('mc.mission_id', 'in', missionIds)
    .orderBy('mc.position')
    .execute();
}

export function selectTransitions(db: Db, reportId: string) {
  return db
    .selectFrom('mission_report_transition as t')
    .leftJoin('app_user as u', 'u.id', 't.actor_id')
    .select(['t.action', 't.from_status', 't.to_status', 't.comment', 't.at', 'u.name as actor_name'])
    .where('t.report_id', '=', reportId)
    .orderBy('t.at')
    .execute();
}

export function lockReport(db: Db, id: string) {
  return db.selectFrom('mission_report').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function selectMission(db: Db, id: string) {
  return db.selectFrom('mission').select(['id', 'status', 'code']).where('id', '=', id).executeTakeFirst();
}

export async function insertReport(db: Db, missionId: string, createdBy: string | null, content: ReportContent) {
  const { id } = await db
    .insertInto('mission_report')
    .values({ mission_id: missionId, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertVersion(db, id, 1, content, createdBy);
  return id;
}

export function insertVersion(db: Db, reportId: string, number: number, content: ReportContent, authorId: string | null) {
  return db
    .insertInto('mission_report_version')
    .values({ report_id: reportId, number, content: JSON.stringify(content), author_id: authorId })
    .execute();
}

/**
 * Moves the report from the version the editor started from to the next one, only if nobody
 * saved in between: the row-level condition makes the second of two parallel saves match nothing.
 */
export async function bumpVersion(db: Db, id: string, baseVersion: number): Promise<number | null> {
  const row = await db
    .updateTable('mission_report')
    .set({ version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', baseVersion)
    .where('status', 'in', ['draft', 'returned'])
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}

export function selectVersions(db: Db, reportId: string) {
  return db
    .selectFrom('mission_report_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.author_id')
    .select(['v.number', 'v.created_at', 'u.name as author'])
    .where('v.report_id', '=', reportId)
    .orderBy('v.number', 'desc')
    .execute();
}

export function selectVersion(db: Db, reportId: string, number: number) {
  return db
    .selectFrom('mission_report_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.author_id')
    .select(['v.number', 'v.created_at', 'v.content', 'u.name as author'])
    .where('v.report_id', '=', reportId)
    .where('v.number', '=', number)
    .executeTakeFirst();
}

export function setStatus(db: Db, id: string, status: ReportStatus, stamps: { adopted_at?: Date; distributed_at?: Date } = {}) {
  return db
    .updateTable('mission_report')
    .set({ status, updated_at: sql`now()`, ...stamps })
    .where('id', '=', id)
    .execute();
}

export function insertTransition(
  db: Db,
  row: { report_id: string; action: string; from_status: string; to_status: string; comment: string; actor_id: string | null },
) {
  return db.insertInto('mission_report_transition').values(row).execute();
}

export function setPublicSummary(db: Db, id: string, summary: string | null) {
  return db.updateTable('mission_report').set({ public_summary: summary, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export function selectPublicSummaries(db: Db) {
  return db
    .selectFrom('mission_report as r')
    .innerJoin('mission as m', 'm.id', 'r.mission_id')
    .select(['r.id', 'r.mission_id', 'r.public_summary', 'r.distributed_at', 'm.code', 'm.title'])
    .where('r.status', '=', 'distributed')
    .where('r.public_summary', 'is not', null)
    .orderBy('r.distributed_at', 'desc')
    .execute();
}

/** Which of these codes exist in a reference table, for a clear error before the foreign key would fail. */
export async function existing(db: Db, table: 'country' | 'organisation', keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  if (table === 'country') {
    const rows = await db.selectFrom('country').select('iso2').where('iso2', 'in', keys).execute();
    return new Set(rows.map((r) => r.iso2));
  }
  const rows = await db.selectFrom('organisation').select('id').where('id', 'in', keys).execute();
  return new Set(rows.map((r) => r.id));
}

export function insertRecommendations(db: Db, reportId: string, items: ReportContent['recommendations']) {
  if (items.length === 0) return Promise.resolve();
  return db
    .insertInto('recommendation')
    .values(
      items.map((r, i) => ({
        report_id: reportId,
        position: i + 1,
        text: r.text,
        addressee_country_iso2: r.addresseeCountry,
        addressee_organisation_id: r.addresseeOrganisationId,
        key_area_code: r.keyArea,
        dimension_code: r.dimension,
        priority: r.priority,
        due_on: r.dueOn,
      })),
    )
    .execute()
    .then(() => undefined);
}
