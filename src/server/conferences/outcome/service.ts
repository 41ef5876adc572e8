import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { insertSourcedRecommendations } from '../../reports/follow-up/queries.js';
import type { EventView } from '../events/schemas.js';
import { getEvent, managedEvent } from '../events/service.js';
import * as q from './queries.js';
import type { PublishBody } from './schemas.js';

/**
 * Publishes the chair's summary: its recommendations enter the follow-up tracker with this
 * conference as their source, addressed to the organiser, and are tracked to projects like a
 * mission's. Published once; the outcome is then fixed.
 */
export async function publishOutcome(ctx: Context, id: string, input: PublishBody): Promise<EventView> {
  const event = await managedEvent(ctx, id);
  if (!event.summary.trim()) {
    throw new Problem('validation', 'Record the chair’s summary before publishing it.', {
      errors: [{ pointer: '/summary', message: 'The chair’s summary is empty.' }],
    });
  }
  return inTransaction(ctx.db, async (trx) => {
    if (!(await q.markPublished(trx, id))) throw new Problem('conflict', 'The chair’s summary is already published.');
    const texts = await q.selectRecommendationTexts(trx, id);
    await insertSourcedRecommendations(
      trx,
      texts.map((r) => ({
        source: 'conference' as const,
        event_id: id,
        position: r.position,
        text: r.text,
        addressee_country_iso2: null,
        addressee_organisation_id: event.organiser_id,
        key_area_code: input.keyArea,
        dimension_code: input.dimension,
        priority: input.priority ?? 'medium',
        due_on: null,
        created_by: ctx.actor?.userId ?? null,
      })),
    );
    await audit(trx, ctx, {
      verb: 'conference.outcome.publish',
      recordType: 'conference_event',
      recordId: id,
      details: { recommendations: texts.length },
    });
    return getEvent({ ...ctx, db: trx }, id);
  });
}
