import { allowedSubset, assertAllowed, holds } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import * as q from '../drafting/queries.js';
import { mayRead, standingOf } from '../drafting/workflow.js';
import type { ProjectStatus } from '../tables.js';
import * as f from './queries.js';
import type {
  CreateProjectBody,
  ExportQuery,
  NoteBody,
  ProjectView,
  RecommendationDetail,
  RecommendationPage,
  RecommendationQuery,
  RecommendationView,
  UpdateProjectBody,
} from './schemas.js';

/** The adopted or distributed reports whose recommendations the caller may follow. */
export async function followedReportIds(ctx: Context, db: q.Db = ctx.db): Promise<string[]> {
  const rows = (await q.selectReports(db)).filter((r) => r.status === 'adopted' || r.status === 'distributed');
  const team = ctx.actor
    ? await q.selectTeamMissions(
        db,
        ctx.actor.userId,
        rows.map((r) => r.mission_id),
      )
    : new Set<string>();
  return rows.filter((r) => mayRead(ctx.actor, r.status, standingOf(ctx.actor, team.has(r.mission_id)))).map((r) => r.id);
}

/** A recommendation's status from its projects: none started, some under way, all done. */
export function statusOf(
  row: Pick<f.RecommendationRow, 'projects' | 'not_started' | 'in_progress' | 'implemented'>,
): ProjectStatus {
  if (row.projects === 0 || row.not_started === row.projects) return 'not_started';
  if (row.not_started === 0 && row.in_progress === 0) return row.implemented > 0 ? 'implemented' : 'not_implemented';
  return 'in_progress';
}

export function presentRecommendation(row: f.RecommendationRow, today: string): RecommendationView {
  const status = statusOf(row);
  return {
    id: row.id,
    source: row.source,
    reportId: row.report_id,
    missionId: row.mission_id,
    missionCode: row.mission_code,
    eventId: row.event_id,
    eventTitle: row.event_title,
    sourceOrganisationId: row.source_organisation_id,
    sourceOrganisation: row.source_organisation,
    sourceDocument: row.source_document,
    sourceDate: row.source_date,
    commitmentId: row.commitment_id,
    commitment: row.commitment,
    position: row.position,
    text: row.text,
    addresseeCountry: row.addressee_country_iso2,
    addresseeOrganisationId: row.addressee_organisation_id,
    addressee: row.addressee,
    keyArea: row.key_area_code,
    dimension: row.dimension_code,
    priority: row.priority,
    dueOn: row.due_on,
    status,
    late: row.due_on !== null && row.due_on < today && (status === 'not_started' || status === 'in_progress'),
    projectCount: row.projects,
  };
}

export const today = () => new Date().toISOString().slice(0, 10);

/** The recommendations the caller may follow, filtered, late ones first, then by due date; with their rows. */
export async function filteredRows(ctx: Context, query: ExportQuery) {
  const rows = await f.selectRecommendations(ctx.db, await followedReportIds(ctx));
  const now = today();
  return rows
    .map((row) => ({ row, view: presentRecommendation(row, now) }))
    .filter(
      ({ view: r }) =>
        (!query.status || r.status === query.status) &&
        (!query.addresseeCountry || r.addresseeCountry === query.addresseeCountry) &&
        (!query.addresseeOrganisationId || r.addresseeOrganisationId === query.addresseeOrganisationId) &&
        (!query.keyArea || r.keyArea === query.keyArea) &&
        (!query.dimension || r.dimension === query.dimension) &&
        (!query.missionId || r.missionId === query.missionId) &&
        (!query.source || r.source === query.source) &&
        (!query.eventId || r.eventId === query.eventId) &&
        (!query.lateOnly || r.late),
    )
    .sort((a, b) => Number(b.view.late) - Number(a.view.late) || (a.view.dueOn ?? '9999').localeCompare(b.view.dueOn ?? '9999'));
}

/** The recommendations the caller may follow, filtered, late ones first, then by due date. */
export async function filteredRecommendations(ctx: Context, query: ExportQuery): Promise<RecommendationView[]> {
  return (await filteredRows(ctx, query)).map((r) => r.view);
}

/** One page of the recommendation tracker. */
export async function listRecommendations(ctx: Context, query: RecommendationQuery): Promise<RecommendationPage> {
  const all = await filteredRecommendations(ctx, query);
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  return {
    items: all.slice(offset, offset + limit),
    total: all.length,
    limit,
    offset,
    actions: holds(ctx.actor, 'report.review') ? ['add'] : [],
  };
}

function presentProject(ctx: Context, row: f.ProjectRow, notes: Awaited<ReturnType<typeof f.selectNotes>>): ProjectView {
  const mayEdit = allowedSubset(ctx.actor, 'report.follow_up', [row], (p) => ({ organisationId: p.organisation_id })).length > 0;
  return {
    id: row.id,
    recommendationId: row.recommendation_id,
    organisationId: row.organisation_id,
    organisation: row.organisation,
    title: row.title,
    budget: row.budget,
    currency: row.currency,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    reason: row.reason,
    notes: notes
      .filter((n) => n.project_id === row.id)
      .map((n) => ({ id: n.id, notedOn: n.noted_on, text: n.text, author: n.author })),
    actions: mayEdit ? ['edit', 'note'] : [],
  };
}

/** One recommendation the caller may follow, with its projects and their progress notes. */
export async function getRecommendation(ctx: Context, id: string, db: q.Db = ctx.db): Promise<RecommendationDetail> {
  const [row] = await f.selectRecommendations(db, await followedReportIds(ctx, db), [id]);
  if (!row) {
    const exists = await db.selectFrom('recommendation').select('id').where('id', '=', id).executeTakeFirst();
    throw exists ? new Problem('forbidden') : new Problem('not_found', 'There is no such recommendation.');
  }
  const projects = await f.selectProjects(db, [id]);
  const notes = await f.selectNotes(
    db,
    projects.map((p) => p.id),
  );
  return {
    ...presentRecommendation(row, today()),
    projects: projects.map((p) => presentProject(ctx, p, notes)),
    actions: holds(ctx.actor, 'report.follow_up') ? ['project', 'commitment'] : [],
  };
}

function checkProject(p: { budget?: number | null; currency?: string | null; startsOn?: string | null; endsOn?: string | null }) {
  if (p.budget != null && !p.currency) throw new Problem('validation', 'A budget needs its currency (ISO 4217, e.g. EUR).');
  if (p.startsOn && p.endsOn && p.endsOn < p.startsOn) throw new Problem('validation', 'A project cannot end before it starts.');
}

/** Adds a follow-up project to a recommendation; a focal point only for its own structure. */
export async function createProject(ctx: Context, id: string, input: CreateProjectBody): Promise<RecommendationDetail> {
  checkProject(input);
  assertAllowed(ctx.actor, 'report.follow_up', { organisationId: input.organisationId });
  return inTransaction(ctx.db, async (trx) => {
    await getRecommendation(ctx, id, trx);
    if (!(await f.selectOrganisation(trx, input.organisationId))) {
      throw new Problem('unknown_reference', 'The implementing organisation does not exist.');
    }
    const { id: projectId } = await f.insertProject(trx, {
      recommendation_id: id,
      organisation_id: input.organisationId,
      title: input.title.trim(),
      budget: input.budget ?? null,
      currency: input.budget == null ? null : (input.currency ?? null),
      starts_on: input.startsOn ?? null,
      ends_on: input.endsOn ?? null,
    });
    await audit(trx, ctx, {
      verb: 'report.follow_up',
      recordType: 'follow_up_project',
      recordId: projectId,
      details: { recommendation: id },
    });
    return getRecommendation(ctx, id, trx);
  });
}

async function editableProject(ctx: Context, trx: q.Db, recommendationId: string, projectId: string) {
  await getRecommendation(ctx, recommendationId, trx);
  const project = await f.lockProject(trx, projectId);
  if (!project || project.recommendation_id !== recommendationId) throw new Problem('not_found', 'There is no such project.');
  assertAllowed(ctx.actor, 'report.follow_up', { organisationId: project.organisation_id });
  return project;
}

/** One project of a recommendation the caller may follow. */
export async function getProject(ctx: Context, recommendationId: string, projectId: string): Promise<ProjectView> {
  const detail = await getRecommendation(ctx, recommendationId);
  const project = detail.projects.find((p) => p.id === projectId);
  if (!project) throw new Problem('not_found', 'There is no such project.');
  return project;
}

/** Edits a project and its status; "not implemented" needs a reason. */
export async function updateProject(ctx: Context, id: string, projectId: string, input: UpdateProjectBody): Promise<ProjectView> {
  await inTransaction(ctx.db, async (trx) => {
    const project = await editableProject(ctx, trx, id, projectId);
    const status = input.status ?? project.status;
    const reason = input.reason !== undefined ? input.reason?.trim() || null : project.reason;
    if (status === 'not_implemented' && !reason) {
      throw new Problem('validation', 'Say why the recommendation was not implemented.', {
        errors: [{ pointer: '/reason', message: 'A reason is required.' }],
      });
    }
    const budget = input.budget !== undefined ? input.budget : project.budget === null ? null : Number(project.budget);
    const currency = input.currency !== undefined ? input.currency : project.currency;
    checkProject({
      budget,
      currency,
      startsOn: input.startsOn !== undefined ? input.startsOn : project.starts_on,
      endsOn: input.endsOn !== undefined ? input.endsOn : project.ends_on,
    });
    await f.updateProject(
      trx,
      projectId,
      {
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.budget !== undefined ? { budget: input.budget } : {}),
        ...(input.currency !== undefined ? { currency: input.currency } : {}),
        ...(input.startsOn !== undefined ? { starts_on: input.startsOn } : {}),
        ...(input.endsOn !== undefined ? { ends_on: input.endsOn } : {}),
        status,
        reason: status === 'not_implemented' ? reason : null,
      },
      status !== project.status,
    );
    await audit(trx, ctx, {
      verb: 'report.follow_up',
      recordType: 'follow_up_project',
      recordId: projectId,
      details: { fields: Object.keys(input), status },
    });
  });
  return getProject(ctx, id, projectId);
}

/** Adds a dated progress note to a project. */
export async function addNote(ctx: Context, id: string, projectId: string, input: NoteBody): Promise<ProjectView> {
  await inTransaction(ctx.db, async (trx) => {
    await editableProject(ctx, trx, id, projectId);
    await f.insertNote(trx, {
      project_id: projectId,
      noted_on: input.notedOn,
      text: input.text.trim(),
      author_id: ctx.actor?.userId ?? null,
    });
    await audit(trx, ctx, {
      verb: 'report.follow_up',
      recordType: 'follow_up_project',
      recordId: projectId,
      details: { note: input.notedOn },
    });
  });
  return getProject(ctx, id, projectId);
}
