import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { serverPath } from '../paths.js';
import { seedAlertDriversDemo } from './flows/demo.js';
import { type ImportOptions, importObservations } from './imports/imports.js';
import type { ImportReport } from './imports/schemas.js';
import { evaluateRules } from './rules/evaluate.js';

/** The shipped extracts (see data/README.md), in the order the demonstration imports them. */
export const SHIPPED_FILES = [
  'unhcr_population.csv.gz',
  'unhcr_asylum_applications_by_asylum_country.csv.gz',
  'unhcr_sea_arrivals_by_country_year_2014_2022.csv.gz',
  'unhcr_med_arrivals_monthly_2014_2019.csv.gz',
] as const;

/** The data folder, beside the sources or copied beside the built server. */
export function dataDirectory(): string {
  return serverPath('warning/data');
}

export function readShipped(name: string): Buffer {
  return gunzipSync(fs.readFileSync(path.join(dataDirectory(), name)));
}

/** Imports one shipped file as the operator (no person, every country). */
export function importShipped(db: Kysely<DB>, name: string, options: ImportOptions = {}): Promise<ImportReport> {
  return importObservations(
    db,
    { actor: null, system: true },
    readShipped(name),
    { fileName: name.replace(/\.gz$/, ''), ...options },
    async () => {},
  );
}

/**
 * The demonstration rules. Their minimum bases keep the noise of tiny series out of the inbox: a
 * country going from 40 to 90 asylum applications has not doubled in any sense an analyst acts on.
 */
const DEMO_RULES = [
  {
    indicator: 'sea_arrivals',
    kind: 'change_year',
    threshold: 100,
    window: null,
    level: 'red',
    name: 'Sea arrivals doubled on the year before',
    names: {
      en: 'Sea arrivals doubled on the year before',
      fr: "Arrivées par la mer doublées par rapport à l'année précédente",
      de: 'Ankünfte über das Meer gegenüber dem Vorjahr verdoppelt',
      it: "Arrivi via mare raddoppiati rispetto all'anno precedente",
      ru: 'Прибытия морем удвоились по сравнению с прошлым годом',
      es: 'Llegadas por mar duplicadas respecto al año anterior',
    },
    minimumBase: 1000,
  },
  {
    indicator: 'sea_arrivals',
    kind: 'threshold',
    threshold: 100000,
    window: null,
    level: 'orange',
    name: 'More than 100,000 sea arrivals in a year',
    names: {
      en: 'More than 100,000 sea arrivals in a year',
      fr: 'Plus de 100 000 arrivées par la mer en un an',
      de: 'Mehr als 100.000 Ankünfte über das Meer in einem Jahr',
      it: 'Oltre 100.000 arrivi via mare in un anno',
      ru: 'Более 100 000 прибытий морем за год',
      es: 'Más de 100.000 llegadas por mar en un año',
    },
    minimumBase: null,
  },
  {
    indicator: 'sea_arrivals_monthly',
    kind: 'zscore',
    threshold: 2.5,
    window: 12,
    level: 'orange',
    name: 'Monthly arrivals far above the last 12 months',
    names: {
      en: 'Monthly arrivals far above the last 12 months',
      fr: 'Arrivées du mois très au-dessus des 12 derniers mois',
      de: 'Monatliche Ankünfte weit über den letzten 12 Monaten',
      it: 'Arrivi mensili molto al di sopra degli ultimi 12 mesi',
      ru: 'Месячные прибытия намного выше уровня последних 12 месяцев',
      es: 'Llegadas mensuales muy por encima de los últimos 12 meses',
    },
    minimumBase: 500,
  },
  {
    indicator: 'refugees_hosted',
    kind: 'change_previous',
    threshold: 50,
    window: null,
    level: 'yellow',
    name: 'Refugees hosted up by half in a year',
    names: {
      en: 'Refugees hosted up by half in a year',
      fr: 'Réfugiés accueillis en hausse de moitié en un an',
      de: 'Aufgenommene Flüchtlinge binnen eines Jahres um die Hälfte gestiegen',
      it: 'Rifugiati accolti aumentati del 50 % in un anno',
      ru: 'Число принятых беженцев выросло наполовину за год',
      es: 'Los refugiados acogidos aumentan un 50 % en un año',
    },
    minimumBase: 25000,
  },
  {
    indicator: 'new_asylum_applications',
    kind: 'change_year',
    threshold: 100,
    window: null,
    level: 'yellow',
    name: 'Asylum applications doubled',
    names: {
      en: 'Asylum applications doubled',
      fr: "Demandes d'asile doublées",
      de: 'Asylanträge verdoppelt',
      it: "Domande d'asilo raddoppiate",
      ru: 'Число ходатайств об убежище удвоилось',
      es: 'Solicitudes de asilo duplicadas',
    },
    minimumBase: 5000,
  },
] as const;

/** The demonstration data: the shipped UNHCR series and a few rules, with their alerts. Idempotent. */
export async function seedWarningDemo(db: Kysely<DB>): Promise<void> {
  for (const name of SHIPPED_FILES) await importShipped(db, name);
  await seedDemoRules(db);
  await seedAlertDriversDemo(db);
}

/** The demonstration rules, named in the six languages, each evaluated on the values stored. Idempotent. */
export async function seedDemoRules(db: Kysely<DB>): Promise<void> {
  const existing = await db.selectFrom('warning_rule').select('name').execute();
  const indicators = await db.selectFrom('warning_indicator').select(['id', 'code']).execute();
  for (const rule of DEMO_RULES) {
    if (existing.some((r) => r.name === rule.name)) {
      // A demonstration loaded before the rules were named in six languages gets their names.
      await db
        .updateTable('warning_rule')
        .set({ names: JSON.stringify(rule.names) })
        .where('name', '=', rule.name)
        .where('created_by', 'is', null)
        .where(sql<boolean>`names = '{}'::jsonb`)
        .execute();
      continue;
    }
    const indicator = indicators.find((i) => i.code === rule.indicator);
    if (!indicator) continue;
    await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('warning_rule')
        .values({
          indicator_id: Number(indicator.id),
          country_iso2: null,
          kind: rule.kind,
          threshold: rule.threshold,
          window_periods: rule.window,
          level: rule.level,
          name: rule.name,
          names: JSON.stringify(rule.names),
          minimum_base: rule.minimumBase,
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await evaluateRules(trx, { ruleId: id });
    });
  }
}
