import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { CampaignBody } from '../../incidents/campaigns/schemas.js';
import type { StatementBody } from '../../incidents/rhetoric/schemas.js';

/** A statement as a reporter records it. */
export function testStatementBody(overrides: Partial<StatementBody> = {}): StatementBody {
  return {
    statedOn: '2025-03-10',
    country: 'AT',
    speakerRole: 'member_of_parliament',
    medium: 'social_media',
    link: 'https://example.org/post/1',
    words: 'They are not refugees, they are invaders and must be stopped at any cost.',
    context: 'Posted during a debate on reception centres.',
    ...overrides,
  };
}

/** A statement inserted directly, for routes that only need one to exist. */
export async function insertTestStatement(
  db: Kysely<DB>,
  values: {
    country?: string;
    status?: 'submitted' | 'verified' | 'rejected';
    statedOn?: string;
    medium?: string;
    submittedBy?: string | null;
  } = {},
): Promise<string> {
  const status = values.status ?? 'submitted';
  const row = await db
    .insertInto('rhetoric_statement')
    .values({
      status,
      stated_on: values.statedOn ?? '2025-03-10',
      country_iso2: values.country ?? 'AT',
      speaker_role: 'party_official',
      medium: values.medium ?? 'speech',
      words: 'Migrants bring crime; close every border now.',
      submitted_by: values.submittedBy ?? null,
      rejection_reason: status === 'rejected' ? 'Not a public statement.' : null,
      reviewed_at: status === 'submitted' ? null : new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The id of an organisation of the reference data, by its code (ODIHR is where focal-point personas sit). */
export async function organisationByCode(db: Kysely<DB>, code = 'ODIHR'): Promise<string> {
  return (await db.selectFrom('organisation').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** A campaign as its organiser records it. */
export function testCampaignBody(organiserId: string, overrides: Partial<CampaignBody> = {}): CampaignBody {
  return {
    title: 'Neighbours, not strangers',
    description: 'Posters and school visits telling the stories of people who arrived in 2015.',
    organiserId,
    countries: ['AT'],
    audiences: ['general_public', 'schools'],
    startsOn: '2025-09-01',
    endsOn: '2025-12-15',
    reachCount: 12000,
    reachDescription: 'Pupils reached in school visits',
    materialIds: [],
    ...overrides,
  };
}

/** A campaign inserted directly, organised by the given organisation. */
export async function insertTestCampaign(db: Kysely<DB>, organiserId: string, countries = ['AT']): Promise<string> {
  const row = await db
    .insertInto('awareness_campaign')
    .values({ title: 'Open doors week', organiser_id: organiserId, starts_on: '2025-05-01', reach_count: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('awareness_campaign_country')
    .values(countries.map((country_iso2) => ({ campaign_id: row.id, country_iso2 })))
    .execute();
  return row.id;
}
