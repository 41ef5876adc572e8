import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { insertSourcedRecommendations } from '../../reports/follow-up/queries.js';

/** Two recommendations UNHCR and IOM issued, as the essay asks the OSCE to help implement. */
const EXTERNAL = [
  {
    organisation: 'UNHCR',
    document: 'UNHCR recommendations for the protection of refugees in mixed movements',
    date: '2025-11-20',
    text: 'Ensure that people who seek asylum at the borders are referred to the asylum procedure and not turned back.',
    country: 'HU',
    keyArea: 'protection',
    dimension: 'human',
    priority: 'high' as const,
    due: '2026-12-31',
  },
  {
    organisation: 'IOM',
    document: 'IOM Global Compact for Migration progress review, regional recommendations',
    date: '2026-01-28',
    text: 'Set up joint data sharing on arrivals and returns between the countries along the Western Balkans route.',
    country: 'RS',
    keyArea: 'border_management',
    dimension: 'politico_military',
    priority: 'medium' as const,
    due: '2027-06-30',
  },
];

/**
 * The past Vienna conference's chair's summary published into the follow-up tracker (addressed to
 * its organiser, the Secretariat), and two recommendations of UNHCR and IOM. Each step only once.
 */
export async function seedOutcomesDemo(db: Kysely<DB>, pastTitle: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const past = await trx
      .selectFrom('conference_event')
      .select(['id', 'organiser_id', 'outcome_published_at'])
      .where('title', '=', pastTitle)
      .executeTakeFirst();
    if (past && !past.outcome_published_at) {
      const texts = await trx
        .selectFrom('conference_recommendation')
        .select(['position', 'text'])
        .where('event_id', '=', past.id)
        .orderBy('position')
        .execute();
      await insertSourcedRecommendations(
        trx,
        texts.map((r, i) => ({
          source: 'conference' as const,
          event_id: past.id,
          position: r.position,
          text: r.text,
          addressee_country_iso2: null,
          addressee_organisation_id: past.organiser_id,
          key_area_code: i === 1 ? 'trafficking' : 'border_management',
          dimension_code: i === 1 ? 'human' : 'politico_military',
          priority: i === 2 ? ('low' as const) : ('high' as const),
          due_on: i === 2 ? '2026-09-30' : null,
          created_by: null,
        })),
      );
      await trx
        .updateTable('conference_event')
        .set({ outcome_published_at: new Date('2026-03-13T10:00:00Z') })
        .where('id', '=', past.id)
        .execute();
    }
    for (const e of EXTERNAL) {
      const organisation = await trx
        .selectFrom('organisation')
        .select('id')
        .where('code', '=', e.organisation)
        .executeTakeFirst();
      if (!organisation) continue;
      const there = await trx
        .selectFrom('recommendation')
        .select('id')
        .where('source_organisation_id', '=', organisation.id)
        .where('source_document', '=', e.document)
        .executeTakeFirst();
      if (there) continue;
      await insertSourcedRecommendations(trx, [
        {
          source: 'external',
          source_organisation_id: organisation.id,
          source_document: e.document,
          source_date: e.date,
          position: 1,
          text: e.text,
          addressee_country_iso2: e.country,
          addressee_organisation_id: null,
          key_area_code: e.keyArea,
          dimension_code: e.dimension,
          priority: e.priority,
          due_on: e.due,
          created_by: null,
        },
      ]);
    }
  });
}
