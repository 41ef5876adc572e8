import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { random } from '../roster/demo/data.js';
import { seedDemoExperts } from '../roster/demo/seed.js';
import * as q from './lifecycle/queries.js';
import { seedPartnersDemo } from './partners/demo.js';
import type { MissionStatus } from './tables.js';

interface DemoMission {
  code: string;
  title: string;
  countries: string[];
  starts: string;
  ends: string;
  status: MissionStatus;
  competences: Array<{ code: string; minLevel: number; count: number }>;
  languages: Array<{ code: string; minLevel: string }>;
}

const PATH: MissionStatus[] = ['draft', 'proposed', 'approved', 'team_confirmed', 'deployed', 'reporting', 'closed'];

const MISSIONS: DemoMission[] = [
  {
    code: 'RFFM-2016-01',
    title: 'Western Balkans route: Idomeni and Gevgelija',
    countries: ['GR', 'MK'],
    starts: '2016-03-07',
    ends: '2016-03-18',
    status: 'closed',
    competences: [
      { code: 'border_security', minLevel: 2, count: 1 },
      { code: 'human_rights_borders', minLevel: 2, count: 1 },
    ],
    languages: [{ code: 'el', minLevel: 'B2' }],
  },
  {
    code: 'RFFM-2016-02',
    title: 'Central Mediterranean arrivals in Sicily',
    countries: ['IT'],
    starts: '2016-06-06',
    ends: '2016-06-15',
    status: 'closed',
    competences: [{ code: 'anti_trafficking', minLevel: 2, count: 1 }],
    languages: [{ code: 'it', minLevel: 'B2' }],
  },
  {
    code: 'RFFM-2016-03',
    title: 'Serbia and Hungary: the closing of the route',
    countries: ['RS', 'HU'],
    starts: '2016-09-12',
    ends: '2016-09-23',
    status: 'closed',
    competences: [{ code: 'border_security', minLevel: 2, count: 1 }],
    languages: [{ code: 'sr', minLevel: 'B1' }],
  },
  {
    code: 'RFFM-2017-01',
    title: 'Reception and integration in Türkiye',
    countries: ['TR'],
    starts: '2017-04-03',
    ends: '2017-04-14',
    status: 'closed',
    competences: [{ code: 'integration', minLevel: 2, count: 1 }],
    languages: [{ code: 'tr', minLevel: 'B2' }],
  },
  {
    code: 'RFFM-2018-01',
    title: 'Western Mediterranean: Andalusia and Ceuta',
    countries: ['ES'],
    starts: '2018-10-01',
    ends: '2018-10-10',
    status: 'closed',
    competences: [{ code: 'human_rights_borders', minLevel: 2, count: 1 }],
    languages: [{ code: 'es', minLevel: 'B2' }],
  },
  {
    code: 'RFFM-2022-01',
    title: 'Displacement from Ukraine: Moldova',
    countries: ['MD'],
    starts: '2022-03-14',
    ends: '2022-03-25',
    status: 'closed',
    competences: [
      { code: 'anti_trafficking', minLevel: 2, count: 1 },
      { code: 'child_protection', minLevel: 1, count: 1 },
    ],
    languages: [{ code: 'ro', minLevel: 'B1' }],
  },
  {
    code: 'RFFM-2023-01',
    title: 'Arrivals in Armenia from Karabakh',
    countries: ['AM'],
    starts: '2023-10-09',
    ends: '2023-10-20',
    status: 'closed',
    competences: [{ code: 'inter_ethnic_relations', minLevel: 2, count: 1 }],
    languages: [{ code: 'ru', minLevel: 'B2' }],
  },
  {
    code: 'RFFM-2024-01',
    title: 'Labour migration in Central Asia',
    countries: ['KZ', 'KG', 'UZ'],
    starts: '2024-05-13',
    ends: '2024-05-31',
    status: 'closed',
    competences: [{ code: 'labour_migration', minLevel: 2, count: 1 }],
    languages: [{ code: 'ru', minLevel: 'C1' }],
  },
  {
    code: 'RFFM-2027-01',
    title: 'Eastern Mediterranean: the islands',
    countries: ['GR', 'CY'],
    starts: '2027-05-04',
    ends: '2027-05-18',
    status: 'approved',
    competences: [
      { code: 'border_security', minLevel: 2, count: 1 },
      { code: 'hate_crime', minLevel: 2, count: 1 },
    ],
    languages: [{ code: 'el', minLevel: 'C1' }],
  },
  {
    code: 'RFFM-2027-02',
    title: 'Balkan route revisited',
    countries: ['BA', 'RS', 'HR'],
    starts: '2027-06-07',
    ends: '2027-06-18',
    status: 'proposed',
    competences: [{ code: 'anti_trafficking', minLevel: 2, count: 1 }],
    languages: [{ code: 'bs', minLevel: 'B2' }],
  },
  {
    code: 'RFFM-2027-03',
    title: 'Integration of refugees in Germany and Sweden',
    countries: ['DE', 'SE'],
    starts: '2027-09-06',
    ends: '2027-09-17',
    status: 'draft',
    competences: [{ code: 'integration', minLevel: 2, count: 2 }],
    languages: [{ code: 'de', minLevel: 'B2' }],
  },
  {
    code: 'RFFM-2027-04',
    title: 'Transit through the South Caucasus',
    countries: ['GE', 'AZ'],
    starts: '2027-10-04',
    ends: '2027-10-15',
    status: 'approved',
    competences: [{ code: 'border_security', minLevel: 1, count: 1 }],
    languages: [{ code: 'ru', minLevel: 'B2' }],
  },
];

/** Past and planned fact-finding missions to real countries, with a pool of several hundred experts; idempotent. */
export async function seedMissionsDemo(db: Kysely<DB>): Promise<void> {
  const present = await db.selectFrom('mission').select('id').where('code', '=', MISSIONS[0]!.code).executeTakeFirst();
  if (present) return;
  await db.transaction().execute(async (trx) => {
    if (!(await trx.selectFrom('expert').select('id').limit(1).executeTakeFirst())) await seedDemoExperts(trx);
    const r = random(2016);
    const experts = await trx
      .selectFrom('expert as e')
      .innerJoin('expert_nationality as n', 'n.expert_id', 'e.id')
      .select(['e.id', 'n.country_iso2'])
      .where('e.readiness', '!=', 'not_deployable')
      .orderBy('e.id')
      .execute();
    // The terms of reference name the host countries as a reader does, not by their codes.
    const names = new Map(
      (await trx.selectFrom('country').select(['iso2', 'name_en']).execute()).map((c) => [c.iso2, c.name_en]),
    );
    for (const m of MISSIONS) {
      const reached = m.status === 'closed' ? PATH.length - 1 : PATH.indexOf(m.status);
      const { id } = await q.insertMission(trx, {
        code: m.code,
        title: m.title,
        status: m.status,
        terms_of_reference: `Assess the situation of refugees and migrants in ${m.countries.map((iso2) => names.get(iso2) ?? iso2).join(', ')}, the response of the authorities and of the OSCE executive structures, and report with recommendations and an early-warning assessment.`,
        mandate_reference: `CIO.GAL/${m.code.slice(5)}`,
        mandate_date: m.starts.replace(/-\d\d$/, '-01'),
        consent_status: reached >= 3 ? 'given' : reached >= 2 ? 'requested' : 'not_requested',
        consent_date: reached >= 2 ? m.starts.replace(/-\d\d$/, '-02') : null,
        consent_document: reached >= 3 ? `Note verbale ${m.code}` : null,
        starts_on: m.starts,
        ends_on: m.ends,
        team_min: 2,
        team_max: 4,
        all_dimensions: false,
        min_organisations: 2,
        required_prerequisites: ['heat'],
        created_by: null,
      });
      await q.replaceMissionLists(trx, id, { hostCountries: m.countries, competences: m.competences, languages: m.languages });
      for (let i = 0; i <= reached; i++) {
        await q.insertTransition(trx, {
          mission_id: id,
          from_status: i === 0 ? null : PATH[i - 1]!,
          to_status: PATH[i]!,
          actor_id: null,
          note: '',
        });
      }
      if (m.status === 'closed') {
        const team = r.sample(
          experts.filter((e) => !m.countries.includes(e.country_iso2)),
          3,
        );
        await trx
          .insertInto('deployment')
          .values(
            team.map((e) => ({
              expert_id: e.id,
              mission_id: id,
              title: `${m.code} ${m.title}`,
              starts_on: m.starts,
              ends_on: m.ends,
              appraisal: r.pick([
                'Excellent field work and reporting.',
                'Reliable; strong with authorities.',
                'Good contribution to the findings.',
              ]),
              rating: r.int(3, 5),
            })),
          )
          .execute();
      }
    }
    await seedPartnersDemo(trx);
  });
}
