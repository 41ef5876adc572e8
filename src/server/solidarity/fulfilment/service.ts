import type { Context } from '../../context.js';
import { selectCountryNames } from '../countries.js';
import { type Column, type ExportFile, renderTable } from '../export.js';
import { getKey } from '../keys/service.js';
import { selectLedgerTotals } from '../ledger/queries.js';
import type { ExportFormat } from '../schemas.js';
import type { FulfilmentQuery, FulfilmentRow, FulfilmentView } from './schemas.js';

export const DEFAULT_KEY = 'eu-2015-09';
const ratio = (a: number, b: number | null) => (b === null || b === 0 ? null : a / b);

/** Per State: fair share under a key, relocation places pledged and persons relocated, and the other pledges. */
export async function getFulfilment(ctx: Context, query: FulfilmentQuery): Promise<FulfilmentView> {
  const key = await getKey(ctx, query.key ?? DEFAULT_KEY, query.version);
  const [[pledges, relocations], countries] = await Promise.all([
    selectLedgerTotals(ctx.db, query.from),
    selectCountryNames(ctx.db),
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

/** The fulfilment table under a key. */
export async function exportFulfilment(ctx: Context, query: FulfilmentQuery, format: ExportFormat): Promise<ExportFile> {
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
  return renderTable(format, 'fulfilment', columns, view.states, [`Fair shares: ${view.key.name}, version ${view.key.version}.`]);
}
