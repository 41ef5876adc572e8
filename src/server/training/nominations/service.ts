import { assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import type { SessionView } from '../catalogue/schemas.js';
import { getSession } from '../catalogue/service.js';
import { tellDecided, tellNominated } from '../notices.js';
import { manages } from '../present.js';
import * as q from './queries.js';
import type { DecisionBody, NominationBody } from './schemas.js';

/**
 * A State's delegation (or the co-ordinator) nominates an officer for a session: only for its own
 * State, and only with the nominee's consent to the processing of their data. A nominee whose
 * email has an account is linked to it, so that they take their tests and download their certificate.
 */
export async function nominate(ctx: Context, sessionId: string, input: NominationBody): Promise<SessionView> {
  assertAllowed(ctx.actor, 'training.nominate', { countryIso2: input.countryIso2 });
  if (!input.consent) {
    throw new Problem('validation', 'The nominee must consent to the processing of their data.', {
      errors: [{ pointer: '/consent', code: 'consent', message: 'Confirm that the nominee consented.' }],
    });
  }
  const session = await q.selectSessionName(ctx.db, sessionId);
  if (!session) throw new Problem('not_found', 'There is no such session.');
  if (input.expertId && !(await q.expertExists(ctx.db, input.expertId))) {
    throw new Problem('unknown_reference', 'There is no such expert on the roster.', {
      errors: [{ pointer: '/expertId', message: 'Choose an expert of the roster.' }],
    });
  }
  const account = input.email ? await q.selectUserByEmail(ctx.db, input.email) : undefined;
  // A nominee on the roster is linked to their expert profile, so that completing the course reaches the roster.
  const expertId = input.expertId ?? (account ? await q.selectExpertOfUser(ctx.db, account.id) : null);
  return inTransaction(ctx.db, async (trx) => {
    const name = input.name.trim();
    const { id } = await q.insertNomination(trx, {
      session_id: sessionId,
      country_iso2: input.countryIso2,
      name,
      email: input.email ?? null,
      user_id: account?.id ?? null,
      expert_id: expertId,
      function: input.function.trim(),
      agency_type: input.agencyType,
      gender: input.gender,
      languages: input.languages,
      consent: true,
      nominated_by: ctx.actor?.userId ?? null,
    });
    await audit(trx, ctx, {
      verb: 'training.nominate',
      recordType: 'training_nomination',
      recordId: id,
      details: { session: sessionId, country: input.countryIso2 },
    });
    await tellNominated(trx, session, name, ctx.actor?.userId);
    return getSession({ ...ctx, db: trx }, sessionId);
  });
}

/** The provider selects, waitlists or declines (with a reason) a nomination; both sides are told. */
export async function decide(ctx: Context, nominationId: string, input: DecisionBody): Promise<SessionView> {
  const nomination = await q.selectNomination(ctx.db, nominationId);
  if (!nomination) throw new Problem('not_found', 'There is no such nomination.');
  if (!manages(ctx.actor, nomination.provider_id)) throw new Problem('forbidden');
  const reason = input.reason?.trim() ?? '';
  if (input.status === 'declined' && !reason) {
    throw new Problem('validation', 'Say why the nomination is declined.', {
      errors: [{ pointer: '/reason', code: 'required', message: 'Give the reason, for the delegation and the nominee.' }],
    });
  }
  if (nomination.completed_on) throw new Problem('conflict', 'The participant has completed the course.');
  return inTransaction(ctx.db, async (trx) => {
    if (input.status === 'selected' && nomination.status !== 'selected') {
      const selected = await q.countSelectedLocked(trx, nomination.session_id);
      if (selected >= nomination.capacity) {
        throw new Problem('conflict', `The session is full (${nomination.capacity} places): waitlist the nominee instead.`);
      }
    }
    await q.updateDecision(trx, nominationId, { status: input.status, reason, decided_by: ctx.actor?.userId ?? null });
    await audit(trx, ctx, {
      verb: 'training.decide',
      recordType: 'training_nomination',
      recordId: nominationId,
      details: { status: input.status },
    });
    await tellDecided(
      trx,
      {
        id: nomination.session_id,
        course_code: nomination.course_code,
        course_title: nomination.course_title,
        starts_on: nomination.starts_on,
        provider_id: nomination.provider_id,
      },
      { ...nomination, reason },
      input.status,
      ctx.actor?.userId,
    );
    return getSession({ ...ctx, db: trx }, nomination.session_id);
  });
}
