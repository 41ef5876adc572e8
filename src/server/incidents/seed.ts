import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { random } from '../roster/demo/data.js';
import { seedCampaignsDemo } from './campaigns/seed.js';
import { BIAS_INDICATORS, CLOSED, INCIDENT_TYPES, PROPERTY_TARGETS, SOURCES, type Status, TARGETS } from './categories.js';
import { refreshPublication } from './publication/service.js';
import { seedRhetoricDemo } from './rhetoric/seed.js';

/** OSCE participating States with their relative weight in the synthetic data set. */
const COUNTRIES: Array<[string, number, string[]]> = [
  ['DE', 10, ['Dresden', 'Leipzig', 'Cottbus', 'Berlin']],
  ['GR', 8, ['Lesvos', 'Chios', 'Athens', 'Evros']],
  ['IT', 7, ['Rome', 'Catania', 'Macerata', 'Milan']],
  ['SE', 4, ['Malmö', 'Gothenburg', 'Stockholm']],
  ['AT', 4, ['Vienna', 'Graz', 'Linz']],
  ['HU', 3, ['Budapest', 'Szeged', 'Röszke']],
  ['FR', 5, ['Calais', 'Paris', 'Marseille']],
  ['ES', 3, ['Ceuta', 'Melilla', 'Almería']],
  ['GB', 4, ['London', 'Dover', 'Birmingham']],
  ['PL', 2, ['Warsaw', 'Białystok']],
  ['BG', 2, ['Harmanli', 'Sofia']],
  ['RS', 2, ['Subotica', 'Belgrade']],
  ['TR', 3, ['Istanbul', 'Izmir']],
  ['NL', 2, ['Rotterdam', 'Ter Apel']],
  ['IE', 1, ['Dublin']],
  ['MT', 1, ['Valletta']],
];

const DESCRIPTIONS = [
  'Two men shouted insults at residents outside the shelter and threw bottles at the entrance.',
  'Slogans against refugees were painted on the wall of the reception centre overnight.',
  'A group followed a family from the bus stop, threatened them and told them to leave the country.',
  'A fire was set at the door of a building announced as accommodation for asylum seekers.',
  'A volunteer of a local aid organisation received repeated threats after a food distribution.',
  'Windows of a prayer room used by newly arrived families were broken.',
];

const TYPE_WEIGHTS: Array<[string, number]> = [
  ...INCIDENT_TYPES.violent_attack.map((t) => [t, t === 'homicide' ? 0.2 : 3] as [string, number]),
  ['threat', 5],
  ...INCIDENT_TYPES.attack_against_property.map((t) => [t, 2] as [string, number]),
];

/**
 * Synthetic incidents across OSCE participating States, 2015–2025, in every workflow status.
 * No real person: places are cities, descriptions are generic and already "redacted", and there
 * is no contact, no photo and no encrypted item (a demonstration must not need the real key).
 * Idempotent: each incident has a fixed receipt hash.
 */
export async function seedIncidentsDemo(db: Kysely<DB>): Promise<void> {
  const rng = random(20151001);
  const totalWeight = COUNTRIES.reduce((s, c) => s + c[1], 0);
  const typeWeight = TYPE_WEIGHTS.reduce((s, t) => s + t[1], 0);
  const weighted = <T>(items: Array<[T, number]>, total: number): T => {
    let x = rng.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x <= 0) return item;
    }
    return items[items.length - 1]![0];
  };
  const rows = Array.from({ length: 900 }, (_, i) => {
    const [iso2, , places] = weighted(
      COUNTRIES.map((c) => [c, c[1]] as [(typeof COUNTRIES)[number], number]),
      totalWeight,
    );
    const year = 2015 + Math.min(10, Math.floor(rng.next() * rng.next() * 11 + rng.next() * 3));
    const type = weighted(TYPE_WEIGHTS, typeWeight);
    const property = (INCIDENT_TYPES.attack_against_property as readonly string[]).includes(type);
    const r = rng.next();
    // Duplicates need the report they duplicate: the demonstration has none.
    const status: Status =
      year < 2025
        ? r < 0.62
          ? 'verified'
          : r < 0.82
            ? 'not_verified'
            : r < 0.88
              ? 'rejected'
              : r < 0.94
                ? 'under_review'
                : 'received'
        : r < 0.4
          ? 'received'
          : r < 0.7
            ? 'under_review'
            : 'verified';
    const targets = [...new Set([rng.pick(TARGETS), ...(rng.next() < 0.3 ? [rng.pick(TARGETS)] : [])])];
    const occurredOn = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    // Each report arrives on its own date, days or weeks after the incident, never in the future;
    // a closed one is closed weeks after it arrived.
    const now = Date.now();
    const received = Math.min(
      now - 3_600_000,
      Date.parse(`${occurredOn}T09:00:00Z`) + rng.int(0, 21) * 86_400_000 + rng.int(0, 600) * 60_000,
    );
    const closed = Math.min(now, received + rng.int(7, 60) * 86_400_000);
    return {
      receipt_hash: createHash('sha256').update(`incident-demo:${i}`).digest(),
      status,
      received_at: new Date(received),
      occurred_on: occurredOn,
      date_approximate: rng.next() < 0.15,
      country_iso2: iso2,
      place: rng.pick(places),
      incident_type: type,
      property_target: property ? rng.pick(PROPERTY_TARGETS) : null,
      targets,
      bias_motivation:
        rng.next() < 0.8 ? 'racist_xenophobic' : rng.pick(['anti_muslim', 'anti_roma', 'anti_christian', 'antisemitic'] as const),
      bias_indicators: [...new Set([rng.pick(BIAS_INDICATORS), rng.pick(BIAS_INDICATORS)])],
      source: rng.pick(SOURCES),
      encrypted_in: 'server' as const,
      redacted_description: rng.pick(DESCRIPTIONS),
      rejection_reason: status === 'rejected' ? 'Not a hate incident: no indication of a bias motivation.' : null,
      closed_at: (CLOSED as readonly string[]).includes(status) ? new Date(closed) : null,
    };
  });
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('incident_report')
      .values(rows)
      .onConflict((oc) => oc.constraint('incident_report_receipt_uq').doNothing())
      .returning('id')
      .execute();
    if (inserted.length === 0) return;
    await trx
      .insertInto('incident_event')
      .columns(['report_id', 'kind', 'to_status'])
      .expression((eb) =>
        eb
          .selectFrom('incident_report')
          .select(['id', eb.val('received').as('kind'), eb.val('received').as('to_status')])
          .where(
            'id',
            'in',
            inserted.map((r) => r.id),
          ),
      )
      .execute();
  });
  // The demonstration has its statistics (and their early-warning figures) at once, not the next day.
  await refreshPublication(db);
  // Apart from the incidents, and never in their figures: rhetoric and awareness campaigns.
  await seedRhetoricDemo(db);
  await seedCampaignsDemo(db);
}
