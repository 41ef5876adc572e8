import { type Actor, allowedSubset, assertAllowed, scopeOf } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { CLOSED, type Status } from '../categories.js';
import { tellReviewer } from '../notices.js';
import * as q from '../queries.js';
import { presentCase, presentSummary } from './present.js';
import type { CaseView, QueueQuery, QueueView, StatusBody } from './schemas.js';

/** The countries the actor reviews, or null for all of them. */
function reviewedCountries(actor: Actor | null): string[] | null {
  const scope = scopeOf(actor, 'incident.review');
  return scope.all ? null : [...scope.countries];
}

/**
 * The report if the actor reviews its country; otherwise nothing, exactly as for a report that
 * does not exist, so that a reviewer learns nothing of cases in other countries.
 */
function reviewable<T extends { country_iso2: string }>(actor: Actor | null, report: T | undefined): T | undefined {
  return report && allowedSubset(actor, 'incident.review', [report], (r) => ({ countryIso2: r.country_iso2 }))[0];
}

/** Where a status may go next: a closed case can only be reopened for review. */
const NEXT: Record<Status, readonly Status[]> = {
  received: ['under_review', 'rejected', 'duplicate'],
  under_review: ['verified', 'not_verified', 'duplicate', 'rejected'],
  verified: ['under_review'],
  not_verified: ['under_review'],
  duplicate: ['under_review'],
  rejected: ['under_review'],
};

/** The review queue, filtered, within the countries the caller reviews. */
export async function listQueue(ctx: Context, query: QueueQuery): Promise<QueueView> {
  assertAllowed(ctx.actor, 'incident.review');
  const assignee = query.assignee === 'me' ? (ctx.actor?.userId ?? null) : query.assignee === 'none' ? null : query.assignee;
  const { rows, total } = await q.selectReports(
    ctx.db,
    {
      ...(query.status ? { status: query.status } : {}),
      ...(query.country ? { country: query.country } : {}),
      ...(query.incidentType ? { incidentType: query.incidentType } : {}),
      ...(query.assignee !== undefined ? { assignee } : {}),
      countries: reviewedCountries(ctx.actor),
    },
    { limit: query.limit ?? 50, offset: query.offset ?? 0 },
  );
  return { items: rows.map(presentSummary), total };
}

async function loadCase(ctx: Context, id: string) {
  const { rows } = await q.selectReports(ctx.db, { ids: [id], countries: reviewedCountries(ctx.actor) }, { limit: 1, offset: 0 });
  const row = rows[0];
  if (!row) throw new Problem('not_found');
  return row;
}

/** One case with its history and the caller's allowed actions; never its protected data. */
export async function getCase(ctx: Context, id: string): Promise<CaseView> {
  assertAllowed(ctx.actor, 'incident.review');
  const row = await loadCase(ctx, id);
  const [events, sealed, duplicates] = await Promise.all([
    q.selectEvents(ctx.db, id),
    q.selectSealedSummary(ctx.db, id),
    q.selectDuplicates(ctx.db, id, reviewedCountries(ctx.actor)),
  ]);
  const where = { countryIso2: row.country_iso2 };
  const actions = [
    ...NEXT[row.status as Status].map((s) => `status:${s}`),
    'assign',
    'note',
    'redact',
    ...(scopeOf(ctx.actor, 'incident.protected.read').all ||
    scopeOf(ctx.actor, 'incident.protected.read').countries.has(where.countryIso2)
      ? ['read_protected']
      : []),
  ];
  return presentCase(row, events, sealed, duplicates, actions);
}

/** Locks the report if the caller reviews its country; any other is not found. */
async function lockForChange(ctx: Context, trx: q.Db, id: string) {
  const report = reviewable(ctx.actor, await q.lockReport(trx, id));
  if (!report) throw new Problem('not_found');
  return report;
}

/**
 * Moves a case through the workflow, with history and audit. The public statistics and the
 * early-warning feed of verified incidents follow on their schedule (publication/), not here: a
 * figure that changed at the moment of a verification would tell when it happened.
 */
export async function changeStatus(ctx: Context, id: string, body: StatusBody): Promise<CaseView> {
  assertAllowed(ctx.actor, 'incident.review');
  await inTransaction(ctx.db, async (trx) => {
    const report = await lockForChange(ctx, trx, id);
    const from = report.status as Status;
    if (!NEXT[from].includes(body.status)) {
      throw new Problem('conflict', `A case that is ${from.replace('_', ' ')} cannot become ${body.status.replace('_', ' ')}.`);
    }
    if (body.status === 'rejected' && !body.reason) {
      throw new Problem('validation', 'A rejection needs a reason.', {
        errors: [{ pointer: '/reason', message: 'Give a reason.' }],
      });
    }
    let duplicateOf: string | null = null;
    if (body.status === 'duplicate') {
      if (!body.duplicateOf || body.duplicateOf === id) {
        const message = 'Name the report that is kept (another report).';
        throw new Problem('validation', message, { errors: [{ pointer: '/duplicateOf', message }] });
      }
      // Linking needs the verb on both reports' countries; a kept report elsewhere is unknown.
      const kept = reviewable(ctx.actor, await q.lockReport(trx, body.duplicateOf));
      if (!kept) throw new Problem('unknown_reference', 'The report to keep does not exist.');
      if (kept.status === 'duplicate')
        throw new Problem('conflict', 'The report to keep is itself a duplicate; link to the one it duplicates.');
      duplicateOf = kept.id;
    }
    const closing = (CLOSED as readonly string[]).includes(body.status);
    await trx
      .updateTable('incident_report')
      .set({
        status: body.status,
        duplicate_of: duplicateOf,
        rejection_reason: body.status === 'rejected' ? (body.reason ?? null) : null,
        closed_at: closing ? new Date() : null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await q.insertEvent(trx, {
      reportId: id,
      actorId: ctx.actor?.userId ?? null,
      kind: 'status',
      from,
      to: body.status,
      note: body.note ?? body.reason ?? null,
    });
    await audit(trx, ctx, {
      verb: 'incident.review',
      recordType: 'incident_report',
      recordId: id,
      details: { from, to: body.status, ...(duplicateOf ? { duplicateOf } : {}) },
    });
  });
  return getCase(ctx, id);
}

/** Assigns a case to a reviewer of its country, or to nobody. */
export async function assignCase(ctx: Context, id: string, userId: string | null): Promise<CaseView> {
  assertAllowed(ctx.actor, 'incident.review');
  await inTransaction(ctx.db, async (trx) => {
    const report = await lockForChange(ctx, trx, id);
    if (userId) {
      const reviewers = await q.selectReviewers(trx);
      const fits = reviewers.some(
        (r) => r.id === userId && (r.scope_type === 'global' || r.country_iso2 === report.country_iso2),
      );
      if (!fits) throw new Problem('unknown_reference', 'The person assigned must review incidents in this country.');
    }
    await trx.updateTable('incident_report').set({ assigned_to: userId, updated_at: new Date() }).where('id', '=', id).execute();
    let status = report.status;
    if (userId && status === 'received') {
      status = 'under_review';
      await trx.updateTable('incident_report').set({ status }).where('id', '=', id).execute();
    }
    await q.insertEvent(trx, {
      reportId: id,
      actorId: ctx.actor?.userId ?? null,
      kind: 'assigned',
      from: report.status,
      to: status,
    });
    await audit(trx, ctx, {
      verb: 'incident.assign',
      recordType: 'incident_report',
      recordId: id,
      details: { assignee: userId },
    });
    if (userId) await tellReviewer(trx, id, userId, ctx.actor?.userId);
  });
  return getCase(ctx, id);
}

/** Adds a reviewer's note to the history. */
export async function addNote(ctx: Context, id: string, note: string): Promise<CaseView> {
  assertAllowed(ctx.actor, 'incident.review');
  await inTransaction(ctx.db, async (trx) => {
    await lockForChange(ctx, trx, id);
    await q.insertEvent(trx, { reportId: id, actorId: ctx.actor?.userId ?? null, kind: 'note', note });
    await audit(trx, ctx, { verb: 'incident.note', recordType: 'incident_report', recordId: id });
  });
  return getCase(ctx, id);
}

/** Sets the redacted description reviewers work from; the original stays encrypted. The same text again changes nothing. */
export async function redactDescription(ctx: Context, id: string, text: string): Promise<CaseView> {
  assertAllowed(ctx.actor, 'incident.review');
  await inTransaction(ctx.db, async (trx) => {
    await lockForChange(ctx, trx, id);
    const current = await trx
      .selectFrom('incident_report')
      .select('redacted_description')
      .where('id', '=', id)
      .executeTakeFirst();
    if (current?.redacted_description === text) return;
    await trx
      .updateTable('incident_report')
      .set({ redacted_description: text, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await q.insertEvent(trx, { reportId: id, actorId: ctx.actor?.userId ?? null, kind: 'redacted' });
    await audit(trx, ctx, { verb: 'incident.redact', recordType: 'incident_report', recordId: id });
  });
  return getCase(ctx, id);
}

/** The reviewers a case may be assigned to. */
export async function listReviewers(ctx: Context): Promise<Array<{ id: string; name: string }>> {
  assertAllowed(ctx.actor, 'incident.review');
  const rows = await q.selectReviewers(ctx.db);
  const seen = new Map<string, string>();
  for (const row of rows) seen.set(row.id, row.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}
