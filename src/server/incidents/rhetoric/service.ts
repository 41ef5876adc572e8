import { type Actor, allowedSubset, assertAllowed, scopeOf } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { aggregate } from './aggregate.js';
import * as q from './queries.js';
import type {
  ReviewBody,
  RhetoricAggregate,
  StatementBody,
  StatementPage,
  StatementQuery,
  StatementSummary,
  StatementView,
  SubmittedView,
} from './schemas.js';

/** The countries the actor reviews statements in, or null for all of them. */
function reviewedCountries(actor: Actor | null): string[] | null {
  const scope = scopeOf(actor, 'rhetoric.review');
  return scope.all ? null : [...scope.countries];
}

function present(row: q.StatementRow): StatementSummary {
  return {
    id: row.id,
    status: row.status,
    statedOn: row.stated_on,
    country: row.country_iso2,
    speakerRole: row.speaker_role,
    medium: row.medium,
    link: row.link,
    words: row.words,
    context: row.context,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Records a public statement for review; it counts nowhere until a reviewer verifies it. */
export async function submitStatement(ctx: Context, body: StatementBody): Promise<SubmittedView> {
  assertAllowed(ctx.actor, 'rhetoric.submit');
  if (body.statedOn > new Date().toISOString().slice(0, 10)) {
    const message = 'The date cannot be in the future.';
    throw new Problem('validation', message, { errors: [{ pointer: '/statedOn', message }] });
  }
  return inTransaction(ctx.db, async (trx) => {
    if (!(await q.countryExists(trx, body.country))) {
      const message = 'Choose a country from the list.';
      throw new Problem('validation', message, { errors: [{ pointer: '/country', message }] });
    }
    const row = await q.insertStatement(trx, {
      statedOn: body.statedOn,
      country: body.country,
      speakerRole: body.speakerRole,
      medium: body.medium,
      link: body.link ?? null,
      words: body.words.trim(),
      context: body.context?.trim() ?? '',
      submittedBy: ctx.actor?.userId ?? null,
    });
    await audit(trx, ctx, { verb: 'rhetoric.submit', recordType: 'rhetoric_statement', recordId: row.id });
    return { id: row.id, status: row.status };
  });
}

/** The statements waiting for review and those reviewed, in the countries the caller reviews; no submitter. */
export async function listStatements(ctx: Context, query: StatementQuery): Promise<StatementPage> {
  assertAllowed(ctx.actor, 'rhetoric.review');
  const { rows, total } = await q.selectStatements(
    ctx.db,
    {
      ...(query.status ? { status: query.status } : {}),
      ...(query.country ? { country: query.country } : {}),
      countries: reviewedCountries(ctx.actor),
    },
    { limit: query.limit ?? 25, offset: query.offset ?? 0 },
  );
  return { items: rows.map(present), total };
}

/** One statement with who recorded it; reading the submitter is audited. Elsewhere than the caller's countries, not found. */
export async function getStatement(ctx: Context, id: string): Promise<StatementView> {
  assertAllowed(ctx.actor, 'rhetoric.review');
  const { rows } = await q.selectStatements(
    ctx.db,
    { ids: [id], countries: reviewedCountries(ctx.actor) },
    { limit: 1, offset: 0 },
  );
  const row = rows[0];
  if (!row) throw new Problem('not_found');
  const submitter = await inTransaction(ctx.db, async (trx) => {
    const person = await q.selectSubmitter(trx, id);
    await audit(trx, ctx, { verb: 'rhetoric.read', recordType: 'rhetoric_statement', recordId: id });
    return person;
  });
  return {
    ...present(row),
    submittedBy: submitter ? { name: submitter.name, email: submitter.email } : null,
    reviewedAt: row.reviewed_at ? new Date(row.reviewed_at).toISOString() : null,
    rejectionReason: row.rejection_reason,
    actions: row.status === 'submitted' ? ['verify', 'reject'] : [],
  };
}

/** Verifies or rejects a submitted statement, once; a rejection gives its reason. */
export async function reviewStatement(ctx: Context, id: string, body: ReviewBody): Promise<StatementView> {
  assertAllowed(ctx.actor, 'rhetoric.review');
  await inTransaction(ctx.db, async (trx) => {
    const found = await q.lockStatement(trx, id);
    const statement = found && allowedSubset(ctx.actor, 'rhetoric.review', [found], (s) => ({ countryIso2: s.country_iso2 }))[0];
    if (!statement) throw new Problem('not_found');
    if (statement.submitted_by && statement.submitted_by === ctx.actor?.userId)
      throw new Problem('conflict', 'A statement is reviewed by someone other than the person who recorded it.');
    if (statement.status !== 'submitted') throw new Problem('conflict', `This statement has already been ${statement.status}.`);
    const reason = body.reason?.trim() || null;
    if (body.decision === 'rejected' && !reason) {
      throw new Problem('validation', 'A rejection needs a reason.', {
        errors: [{ pointer: '/reason', message: 'Give a reason.' }],
      });
    }
    await q.updateReview(trx, id, { status: body.decision, reviewedBy: ctx.actor?.userId ?? null, reason });
    await audit(trx, ctx, {
      verb: 'rhetoric.review',
      recordType: 'rhetoric_statement',
      recordId: id,
      details: { to: body.decision },
    });
  });
  return getStatement(ctx, id);
}

/** The public aggregate of verified statements, apart from the hate-incident statistics. */
export async function rhetoricAggregate(ctx: Context): Promise<RhetoricAggregate> {
  return aggregate(await q.selectVerifiedGroups(ctx.db));
}
