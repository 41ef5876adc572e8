import { assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import type { Db } from '../drafting/queries.js';
import * as f from './queries.js';
import type { ExternalRecommendationBody, RecommendationDetail, RecommendationPatch } from './schemas.js';
import { getRecommendation } from './service.js';

async function checkCommitment(db: Db, commitmentId: string | null | undefined) {
  if (commitmentId && !(await f.selectCommitment(db, commitmentId))) {
    throw new Problem('unknown_reference', 'The commitment is not in the register.', {
      errors: [{ pointer: '/commitmentId', message: 'Choose a commitment from the register.' }],
    });
  }
}

/**
 * Adds a recommendation an external organisation issued (UNHCR, IOM and others) to the tracker,
 * with its document and date; it is then followed by projects like a mission's.
 */
export async function addExternalRecommendation(ctx: Context, input: ExternalRecommendationBody): Promise<RecommendationDetail> {
  assertAllowed(ctx.actor, 'report.review');
  const country = input.addresseeCountry ?? null;
  const organisation = input.addresseeOrganisationId ?? null;
  if ((country === null) === (organisation === null)) {
    throw new Problem('validation', 'A recommendation is addressed to one participating State or one organisation.', {
      errors: [{ pointer: '/addresseeCountry', message: 'Choose a State or an organisation, not both.' }],
    });
  }
  return inTransaction(ctx.db, async (trx) => {
    if (!(await f.selectOrganisation(trx, input.sourceOrganisationId))) {
      throw new Problem('unknown_reference', 'The issuing organisation is not in the directory.', {
        errors: [{ pointer: '/sourceOrganisationId', message: 'Choose an organisation from the directory.' }],
      });
    }
    if (organisation && !(await f.selectOrganisation(trx, organisation))) {
      throw new Problem('unknown_reference', 'The addressee is not in the directory.', {
        errors: [{ pointer: '/addresseeOrganisationId', message: 'Choose an organisation from the directory.' }],
      });
    }
    await checkCommitment(trx, input.commitmentId);
    const [row] = await f.insertSourcedRecommendations(trx, [
      {
        source: 'external',
        source_organisation_id: input.sourceOrganisationId,
        source_document: input.sourceDocument.trim(),
        source_date: input.sourceDate,
        commitment_id: input.commitmentId ?? null,
        position: 1,
        text: input.text.trim(),
        addressee_country_iso2: country,
        addressee_organisation_id: organisation,
        key_area_code: input.keyArea,
        dimension_code: input.dimension,
        priority: input.priority,
        due_on: input.dueOn ?? null,
        created_by: ctx.actor?.userId ?? null,
      },
    ]);
    await audit(trx, ctx, {
      verb: 'report.follow_up',
      recordType: 'recommendation',
      recordId: row!.id,
      details: { source: 'external', organisation: input.sourceOrganisationId },
    });
    return getRecommendation(ctx, row!.id, trx);
  });
}

/** Sets or clears the commitment of the consensus register a recommendation recalls. */
export async function setCommitment(ctx: Context, id: string, input: RecommendationPatch): Promise<RecommendationDetail> {
  assertAllowed(ctx.actor, 'report.follow_up');
  return inTransaction(ctx.db, async (trx) => {
    await getRecommendation(ctx, id, trx);
    await checkCommitment(trx, input.commitmentId);
    await f.updateCommitment(trx, id, input.commitmentId);
    await audit(trx, ctx, {
      verb: 'report.follow_up',
      recordType: 'recommendation',
      recordId: id,
      details: { commitment: input.commitmentId },
    });
    return getRecommendation(ctx, id, trx);
  });
}
