import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase, testBackends } from '../../test-support/database.js';
import { presentRule } from '../indicators/present.js';
import * as q from '../indicators/queries.js';
import { riskLevel, riskPoint } from '../risk/service.js';
import { seedDemoRules } from '../seed.js';
import { evaluateRules } from './evaluate.js';
import * as rq from './queries.js';

const DEMO_NAMES = [
  'Sea arrivals doubled on the year before',
  'More than 100,000 sea arrivals in a year',
  'Monthly arrivals far above the last 12 months',
  'Refugees hosted up by half in a year',
  'Asylum applications doubled',
];

describe('risk score', () => {
  it('adds the three documented parts, each within its cap', () => {
    expect(riskPoint(2016, 2, null, null)).toEqual({
      year: 2016,
      score: 20,
      level: 'yellow',
      alerts: 20,
      mission: null,
      incidents: null,
    });
    expect(riskPoint(2016, 9, 3, 40)).toMatchObject({ score: 100, alerts: 50, mission: 30, incidents: 20, level: 'red' });
    expect(riskPoint(2016, 1, 2, 3)).toMatchObject({ score: 36, level: 'orange' });
    expect([riskLevel(14), riskLevel(15), riskLevel(34), riskLevel(35), riskLevel(59), riskLevel(60)]).toEqual([
      'green',
      'yellow',
      'yellow',
      'orange',
      'orange',
      'red',
    ]);
  });
});

describe.each(testBackends())('rules on %s', (backend) => {
  let database: TestDatabase;
  let indicatorId: number;
  let batch: string;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    const db = database.db;
    // An indicator where lower is worse, to check that rules look the bad way.
    const row = await db
      .insertInto('warning_indicator')
      .values({
        code: 'reception_places',
        name_en: 'Reception places',
        name_fr: '-',
        name_de: '-',
        name_it: '-',
        name_ru: '-',
        name_es: '-',
        unit: 'places',
        source: 'test',
        frequency: 'month',
        direction: 'higher_is_better',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    indicatorId = Number(row.id);
    batch = await q.insertBatch(db, {
      source: 'test',
      format: 'hxl',
      fileName: '',
      sha256: '-',
      rowCount: 0,
      method: '',
      skipped: 0,
      actorId: null,
    });
    // January to June with March missing, then a fall in July.
    const values: Array<[string, number]> = [
      ['2021-01-01', 100],
      ['2021-02-01', 104],
      ['2021-04-01', 96],
      ['2021-05-01', 100],
      ['2021-06-01', 100],
      ['2021-07-01', 40],
    ];
    await q.applyObservations(
      db,
      batch,
      values.map(([period, value]) => ({ row: 0, indicator: 'reception_places', indicatorId, country: 'GR', period, value })),
    );
  });
  afterAll(() => database?.close());

  const fire = async (
    kind: 'threshold' | 'change_previous' | 'zscore',
    threshold: number,
    windowPeriods: number | null = null,
    minimumBase: number | null = null,
  ) => {
    const id = await rq.insertRule(database.db, {
      indicatorId,
      country: 'GR',
      kind,
      threshold,
      windowPeriods,
      level: 'red',
      name: `${kind} ${threshold} ${windowPeriods} ${minimumBase}`,
      minimumBase,
      actorId: null,
    });
    await evaluateRules(database.db, { ruleId: id });
    return (await rq.selectAlerts(database.db, { limit: 100 }))
      .filter((a) => a.rule_id === id)
      .map((a) => [a.period, Math.round(a.measure * 1000) / 1000]);
  };

  it('fires below a threshold when higher is better', async () => {
    expect(await fire('threshold', 96)).toEqual([
      ['2021-07-01', 40],
      ['2021-04-01', 96],
    ]);
  });

  it('fires on a fall of at least the threshold when higher is better', async () => {
    // July: (40 − 100) / 100 = −60 %; April has no March to compare with.
    expect(await fire('change_previous', 50)).toEqual([['2021-07-01', -60]]);
  });

  it('needs every period of the z-score window: a gap leaves no measure', async () => {
    // Window 3 for July: April, May, June (96, 100, 100): mean 98.667, sd 2.309, z = −25.403.
    // June's window (March–May) misses March, so June is not measured.
    expect(await fire('zscore', 3, 3)).toEqual([['2021-07-01', -25.403]]);
    // Window 5 for July reaches back to February and misses March: nothing fires.
    expect(await fire('zscore', 3, 5)).toEqual([]);
  });

  it('ignores tiny bases: the larger of the value and its reference must reach the minimum', async () => {
    // Threshold: July's 40 is below a base of 50; April's 96 is not.
    expect(await fire('threshold', 96, null, 50)).toEqual([['2021-04-01', 96]]);
    // July's fall from 100 to 40: the base is 100, enough for a minimum of 100, not of 150.
    expect(await fire('change_previous', 50, null, 100)).toEqual([['2021-07-01', -60]]);
    expect(await fire('change_previous', 50, null, 150)).toEqual([]);
  });

  it('names the demonstration rules in the six languages, and gives the names to a demonstration loaded before', async () => {
    const db = database.db;
    await seedDemoRules(db);
    const demo = async () =>
      (await rq.selectRules(db)).map((row) => presentRule(null, row)).filter((r) => DEMO_NAMES.includes(r.name));
    const rules = await demo();
    expect(rules.map((r) => r.name).sort()).toEqual([...DEMO_NAMES].sort());
    for (const rule of rules) {
      expect(Object.keys(rule.names).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'ru']);
      expect(rule.names.en).toBe(rule.name);
      for (const language of ['fr', 'de', 'it', 'ru', 'es']) expect(rule.names[language]).not.toBe(rule.name);
    }
    expect(rules.find((r) => r.name === 'Asylum applications doubled')?.names.ru).toBe('Число ходатайств об убежище удвоилось');

    // An older demonstration: the same rules, named in English only; seeding again names them, adding none.
    await db.updateTable('warning_rule').set({ names: '{}' }).where('name', 'in', DEMO_NAMES).execute();
    expect((await demo()).every((r) => Object.keys(r.names).length === 0)).toBe(true);
    await seedDemoRules(db);
    const again = await demo();
    expect(again.map((r) => r.id).sort()).toEqual(rules.map((r) => r.id).sort());
    expect(again.every((r) => r.names.ru && r.names.ru !== r.name)).toBe(true);
  });
});
