import type { Context } from '../context.js';
import type { Attachment } from '../files/attachment.js';
import { type SheetColumn as Column, tableCsv, tableXlsx } from '../files/sheet-writer.js';
import { Problem } from '../http/problems.js';
import { burdenYears, computeBurden, shippedBurdenSource } from './burden.js';
import * as q from './ledger-queries.js';
import type { PledgeView } from './ledger-schemas.js';
import { listPledges } from './ledger-service.js';
import type { BurdenQuery, BurdenView, FulfilmentQuery, FulfilmentRow, FulfilmentView } from './report-schemas.js';
import type { KeyView } from './schemas.js';
import { getKey } from './service.js';

export const DEFAULT_KEY = 'eu-2015-09';
const ratio = (a: number, b: number | null) => (b === null || b === 0 ? null : a / b);

/** Per State: fair share under a key, relocation places pledged and persons relocated, and the other pledges. */
export async function getFulfilment(ctx: Context, query: FulfilmentQuery): Promise<FulfilmentView> {
  const key = await getKey(ctx, query.key ?? DEFAULT_KEY, query.version);
  const [[pledges, relocations], countries] = await Promise.all([
    q.selectLedgerTotals(ctx.db, query.from),
    q.selectCountryNames(ctx.db),
  ]);
  const names = new Map(countries.map((c) => [c.iso2, c.name_en]));
  const rows = new Map<string, FulfilmentRow>();
  const row = (iso2: string) => {
    let entry = rows.get(iso2);
    if (!entry) {
      entry = {
        iso2,
        name: names.get(iso2) ?? iso2,
        inKey: false,
        share: null,
        fairShare: null,
        pledged: 0,
        delivered: 0,
        deliveredOfPledge: null,
        deliveredOfFairShare: null,
        pledgedOfFairShare: null,
        resettlementPlaces: 0,
        experts: 0,
        inKind: 0,
        money: {},
      };
      rows.set(iso2, entry);
    }
    return entry;
  };
  for (const state of key.result.states)
    Object.assign(row(state.iso2), { inKey: true, share: state.share, fairShare: state.allocation });
  for (const pledge of pledges) {
    const entry = row(pledge.country_iso2);
    const quantity = Number(pledge.quantity);
    if (pledge.type === 'relocation_places') entry.pledged += quantity;
    else if (pledge.type === 'resettlement_places') entry.resettlementPlaces += quantity;
    else if (pledge.type === 'experts') entry.experts += quantity;
    else if (pledge.type === 'in_kind') entry.inKind += quantity;
    else if (pledge.currency) entry.money[pledge.currency] = (entry.money[pledge.currency] ?? 0) + quantity;
  }
  for (const relocation of relocations) row(relocation.country_iso2).delivered += Number(relocation.persons);
  const states = [...rows.values()]
    .map((entry) => ({
      ...entry,
      deliveredOfPledge: ratio(entry.delivered, entry.pledged),
      deliveredOfFairShare: ratio(entry.delivered, entry.fairShare),
      pledgedOfFairShare: ratio(entry.pledged, entry.fairShare),
    }))
    .sort((a, b) => (b.fairShare ?? -1) - (a.fairShare ?? -1) || a.name.localeCompare(b.name));
  const sum = (pick: (r: FulfilmentRow) => number) => states.reduce((acc, r) => acc + pick(r), 0);
  return {
    key: { id: key.id, name: key.name, version: key.version, total: key.total },
    from: query.from ?? null,
    totals: { fairShare: sum((r) => r.fairShare ?? 0), pledged: sum((r) => r.pledged), delivered: sum((r) => r.delivered) },
    states,
  };
}

/** Burden indicators of first-asylum and transit countries for one year. */
export async function getBurden(ctx: Context, query: BurdenQuery): Promise<BurdenView> {
  const source = shippedBurdenSource;
  const observations = source.observations();
  const years = burdenYears(observations);
  const year = query.year ?? (years[years.length - 1] as number);
  if (!years.includes(year)) {
    throw new Problem('validation', `There are population figures for ${years.join(', ')} only.`, {
      errors: [{ pointer: '/querystring/year', message: `Choose one of ${years.join(', ')}.` }],
    });
  }
  const countries = new Map((await q.selectCountryNames(ctx.db)).map((c) => [c.iso3, c]));
  const rows = computeBurden(observations, year)
    .map((indicators) => {
      const country = countries.get(indicators.iso3);
      return {
        ...indicators,
        iso2: country?.iso2 ?? null,
        name: country?.name_en ?? indicators.iso3,
        osceStatus: country?.osce_status ?? null,
      };
    })
    .filter((r) => query.scope === 'all' || r.osceStatus === 'participating' || r.osceStatus === 'partner');
  return { year, years, attribution: source.attribution, rows };
}

type Format = 'csv' | 'xlsx';
export type ExportFile = Attachment;

async function render<T>(format: Format, name: string, columns: Column<T>[], rows: T[], notes: string[]): Promise<ExportFile> {
  const stamp = new Date().toISOString().slice(0, 10);
  const filename = `crossroads-${name}-${stamp}.${format}`;
  return {
    kind: format,
    filename,
    body: format === 'csv' ? tableCsv(columns, rows) : await tableXlsx(name, columns, rows, notes),
  };
}

/** A key's shares, allocations and the contribution of each criterion, as a table. */
export async function exportKey(ctx: Context, keyId: string, version: number | undefined, format: Format): Promise<ExportFile> {
  const key: KeyView = await getKey(ctx, keyId, version);
  type Row = KeyView['result']['states'][number];
  const columns: Column<Row>[] = [
    { header: 'iso2', value: (r) => r.iso2 },
    ...key.definition.criteria.map(
      (c): Column<Row> => ({
        header: c.code,
        value: (r) => key.definition.states.find((s) => s.iso2 === r.iso2)?.values[c.code] ?? null,
      }),
    ),
    { header: 'share', value: (r) => r.share, format: '0.0000%' },
    { header: 'allocation', value: (r) => r.allocation },
    ...key.definition.criteria.map(
      (c, k): Column<Row> => ({
        header: `contribution_${c.code}`,
        value: (r) => r.contributions[k]?.share ?? null,
        format: '0.0000%',
      }),
    ),
    { header: 'contribution_residual', value: (r) => r.residual, format: '0.0000%' },
  ];
  const notes = [`${key.name}, version ${key.version}; total ${key.total}.`, ...key.notes];
  return render(format, `key-${key.id}`, columns, key.result.states, notes);
}

/** The fulfilment table under a key. */
export async function exportFulfilment(ctx: Context, query: FulfilmentQuery, format: Format): Promise<ExportFile> {
  const view = await getFulfilment(ctx, query);
  const columns: Column<FulfilmentRow>[] = [
    { header: 'iso2', value: (r) => r.iso2 },
    { header: 'state', value: (r) => r.name },
    { header: 'fair_share', value: (r) => r.fairShare },
    { header: 'pledged_relocation_places', value: (r) => r.pledged },
    { header: 'relocated', value: (r) => r.delivered },
    { header: 'relocated_of_pledge', value: (r) => r.deliveredOfPledge, format: '0.0%' },
    { header: 'relocated_of_fair_share', value: (r) => r.deliveredOfFairShare, format: '0.0%' },
    { header: 'resettlement_places', value: (r) => r.resettlementPlaces },
    { header: 'experts', value: (r) => r.experts },
    {
      header: 'money',
      value: (r) =>
        Object.entries(r.money)
          .map(([currency, amount]) => `${amount} ${currency}`)
          .join('; '),
    },
  ];
  return render(format, 'fulfilment', columns, view.states, [`Fair shares: ${view.key.name}, version ${view.key.version}.`]);
}

/** The pledge ledger as it stands. */
export async function exportPledges(ctx: Context, format: Format): Promise<ExportFile> {
  const pledges = await listPledges(ctx, {});
  const columns: Column<PledgeView>[] = [
    { header: 'id', value: (r) => r.id },
    { header: 'iso2', value: (r) => r.countryIso2 },
    { header: 'state', value: (r) => r.countryName },
    { header: 'type', value: (r) => r.type },
    { header: 'quantity', value: (r) => r.quantity },
    { header: 'currency', value: (r) => r.currency },
    { header: 'for_state', value: (r) => r.beneficiaryIso2 },
    { header: 'pledged_on', value: (r) => r.pledgedOn },
    { header: 'due_on', value: (r) => r.dueOn },
    { header: 'status', value: (r) => r.status },
    { header: 'relocated', value: (r) => r.delivered },
    { header: 'revision', value: (r) => r.revision },
    { header: 'description', value: (r) => r.description },
  ];
  return render(format, 'pledges', columns, pledges, []);
}
