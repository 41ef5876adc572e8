import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { DECISION_2015_1601_TOTALS_CSV } from './data/eu-relocation-2015.js';
import { ONE_FOR_ONE_PROGRESS_CSV } from './data/eu-turkey-2016-2018.js';
import { EU_ISO2 } from './keys/eu-states.js';
import * as q from './ledger/queries.js';
import { seedOneForOneDemo } from './one-for-one/service.js';

/** A fixed identifier per demonstration record, so that seeding twice adds nothing. */
function demoId(name: string): string {
  const hex = createHash('sha256').update(`crossroads-demo-solidarity:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A number in [0, 1) fixed by the name: the demonstration data is the same on every machine. */
function fraction(name: string): number {
  return createHash('sha256').update(name).digest().readUInt32BE(0) / 2 ** 32;
}

const DEMO = '(demonstration data)';
const MONTHS = ['2016-03', '2016-09', '2017-03', '2017-09'];
const ORIGINS: Array<[string, number]> = [
  ['IT', 0.3],
  ['GR', 0.7],
];
const OTHER_PLEDGES: Array<{ country: string; type: string; quantity: number; currency?: string; text: string }> = [
  { country: 'DE', type: 'resettlement_places', quantity: 1600, text: 'Resettlement from Turkey and Lebanon' },
  { country: 'FR', type: 'resettlement_places', quantity: 2375, text: 'Resettlement, July 2015 conclusions' },
  { country: 'SE', type: 'resettlement_places', quantity: 491, text: 'Resettlement quota' },
  { country: 'NO', type: 'money', quantity: 10_000_000, currency: 'EUR', text: 'Reception capacity in Greece' },
  { country: 'CH', type: 'money', quantity: 5_000_000, currency: 'CHF', text: 'Support to first-asylum countries' },
  { country: 'AT', type: 'experts', quantity: 20, text: 'Asylum experts seconded to the hotspots' },
  { country: 'NL', type: 'experts', quantity: 15, text: 'Registration and interview experts' },
  { country: 'CZ', type: 'in_kind', quantity: 120, text: 'Tents and winter kits' },
];

/**
 * Pledges under Council Decision 2015/1601, relocations from Italy and Greece, and the published
 * figures of the EU-Turkey 1:1 scheme; deterministic and idempotent.
 */
export async function seedSolidarityDemo(db: Kysely<DB>): Promise<void> {
  const decision = parse(DECISION_2015_1601_TOTALS_CSV, { columns: true, trim: true }) as Array<Record<string, string>>;
  await db.transaction().execute(async (trx) => {
    for (const row of decision) {
      const country = EU_ISO2[row.iso3 as string] as string;
      const places = Number(row.annex_I_plus_II_total_as_transcribed);
      const pledgeId = demoId(`pledge:${country}`);
      const pledge = await q.insertPledge(trx, {
        id: pledgeId,
        country_iso2: country,
        type: 'relocation_places',
        quantity: places,
        currency: null,
        beneficiary_iso2: null,
        description: `Council Decision (EU) 2015/1601, Annexes I and II ${DEMO}`,
        pledged_on: '2015-09-22',
        due_on: '2017-09-26',
        status: 'confirmed',
        created_by: null,
        updated_by: null,
      });
      if (pledge) {
        await q.insertRevision(trx, 'solidarity_pledge_revision', {
          entryId: pledge.id,
          revision: 1,
          action: 'create',
          actorId: null,
          snapshot: { country_iso2: country, type: 'relocation_places', quantity: places, status: 'confirmed' },
        });
      }
      // Each State delivers a share of its places between 5 % and 65 %, spread over four months.
      const delivered = 0.05 + 0.6 * fraction(country);
      for (const [m, month] of MONTHS.entries()) {
        for (const [from, part] of ORIGINS) {
          const persons = Math.round(places * delivered * part * ((m + 1) / 10));
          if (persons === 0) continue;
          const relocation = await q.insertRelocation(trx, {
            id: demoId(`relocation:${country}:${from}:${month}`),
            country_iso2: country,
            from_iso2: from,
            period: `${month}-01`,
            persons,
            pledge_id: pledgeId,
            note: DEMO,
            created_by: null,
            updated_by: null,
          });
          if (relocation) {
            await q.insertRevision(trx, 'solidarity_relocation_revision', {
              entryId: relocation.id,
              revision: 1,
              action: 'create',
              actorId: null,
              snapshot: { country_iso2: country, from_iso2: from, period: month, persons },
            });
          }
        }
      }
    }
    for (const other of OTHER_PLEDGES) {
      const pledge = await q.insertPledge(trx, {
        id: demoId(`pledge:${other.country}:${other.type}`),
        country_iso2: other.country,
        type: other.type,
        quantity: other.quantity,
        currency: other.currency ?? null,
        beneficiary_iso2: other.type === 'money' || other.type === 'experts' ? 'GR' : null,
        description: `${other.text} ${DEMO}`,
        pledged_on: '2015-12-15',
        due_on: null,
        status: 'announced',
        created_by: null,
        updated_by: null,
      });
      if (pledge) {
        await q.insertRevision(trx, 'solidarity_pledge_revision', {
          entryId: pledge.id,
          revision: 1,
          action: 'create',
          actorId: null,
          snapshot: { country_iso2: other.country, type: other.type, quantity: other.quantity },
        });
      }
    }
  });
  await seedOneForOneDemo(db, ONE_FOR_ONE_PROGRESS_CSV);
}
