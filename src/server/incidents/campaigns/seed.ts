import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

interface DemoCampaign {
  title: string;
  description: string;
  organiser: string;
  countries: string[];
  audiences: string[];
  startsOn: string;
  endsOn: string | null;
  reach: [number | null, string];
  material: boolean;
}

const CAMPAIGNS: DemoCampaign[] = [
  {
    title: 'Words matter: reporting on migration without hate',
    description: 'Workshops for newsrooms on covering arrivals and reception without repeating xenophobic rhetoric.',
    organiser: 'RFOM',
    countries: ['HU', 'SI', 'HR', 'RS'],
    audiences: ['media'],
    startsOn: '2016-03-01',
    endsOn: '2016-11-30',
    reach: [420, 'Journalists and editors trained'],
    material: true,
  },
  {
    title: 'Neighbours, not strangers',
    description: 'Posters, school visits and local radio spots telling the stories of families who arrived in 2015.',
    organiser: 'ODIHR',
    countries: ['DE', 'AT', 'GR'],
    audiences: ['general_public', 'schools', 'young_people'],
    startsOn: '2017-09-01',
    endsOn: '2018-06-30',
    reach: [250000, 'People reached by posters and radio (estimate)'],
    material: true,
  },
  {
    title: 'Recognising hate: a campaign for local authorities',
    description: 'Briefings for mayors and municipal staff on answering xenophobic statements in public debate.',
    organiser: 'ODIHR',
    countries: ['IT', 'GR', 'BG'],
    audiences: ['local_authorities', 'community_leaders'],
    startsOn: '2019-02-01',
    endsOn: null,
    reach: [null, 'Ongoing'],
    material: false,
  },
];

const MATERIAL_TITLE = 'Campaign kit: answering xenophobic rhetoric';
const MATERIAL_TEXT =
  'Campaign kit. Five ways to answer xenophobic rhetoric: correct the facts, tell a neighbour’s story, ' +
  'name the harm, support those targeted, report hate incidents. Demonstration material.';

/** The campaign kit as a public library document, added once. */
async function campaignKit(db: Kysely<DB>): Promise<string> {
  const found = await db.selectFrom('library_document').select('id').where('title', '=', MATERIAL_TITLE).executeTakeFirst();
  if (found) return found.id;
  const doc = await db
    .insertInto('library_document')
    .values({ title: MATERIAL_TITLE, doc_type: 'training', language: 'en', access: 'public', source_organisation: 'ODIHR' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const bytes = Buffer.from(MATERIAL_TEXT, 'utf8');
  // Its text is read by the library's worker once the platform runs, as for an upload.
  await db
    .insertInto('library_version')
    .values({
      document_id: doc.id,
      version: 1,
      file_name: 'campaign-kit.txt',
      media_type: 'text/plain',
      byte_size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest(),
      content: bytes,
    })
    .execute();
  return doc.id;
}

/** Three awareness campaigns by OSCE institutions, with a public campaign kit. Idempotent by title. */
export async function seedCampaignsDemo(db: Kysely<DB>): Promise<void> {
  const organisations = new Map(
    (await db.selectFrom('organisation').select(['id', 'code']).where('code', 'in', ['ODIHR', 'RFOM']).execute()).map((o) => [
      o.code,
      o.id,
    ]),
  );
  await db.transaction().execute(async (trx) => {
    for (const c of CAMPAIGNS) {
      const organiser = organisations.get(c.organiser);
      if (!organiser) continue;
      if (await trx.selectFrom('awareness_campaign').select('id').where('title', '=', c.title).executeTakeFirst()) continue;
      const { id } = await trx
        .insertInto('awareness_campaign')
        .values({
          title: c.title,
          description: c.description,
          organiser_id: organiser,
          audiences: c.audiences,
          starts_on: c.startsOn,
          ends_on: c.endsOn,
          reach_count: c.reach[0],
          reach_description: c.reach[1],
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('awareness_campaign_country')
        .values(c.countries.map((country_iso2) => ({ campaign_id: id, country_iso2 })))
        .execute();
      if (c.material)
        await trx
          .insertInto('awareness_campaign_material')
          .values({ campaign_id: id, document_id: await campaignKit(trx), position: 0 })
          .execute();
    }
  });
}
