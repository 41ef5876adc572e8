import { allowedSubset, assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { languageOf } from '../indicators/service.js';
import * as q from './queries.js';
import {
  type AlertDriversBody,
  type AlertDriversView,
  type CountryFlowsView,
  type DriverView,
  type FlowGroupQuery,
  type FlowGroupView,
  ROLE_METHOD,
} from './schemas.js';

function present(row: q.DriverRow, lang: string): DriverView {
  return { code: row.code, parent: row.parent_code, name: row[`name_${lang}` as 'name_en'] ?? row.name_en };
}

/** The classification of the drivers of displacement, broad drivers each followed by theirs. */
export async function listDrivers(ctx: Context, lang?: string): Promise<DriverView[]> {
  const language = languageOf(ctx, lang);
  return (await q.selectDrivers(ctx.db)).map((r) => present(r, language));
}

/** A country's role in the flows year by year, and the drivers its reports and alerts named over time. */
export async function countryFlows(ctx: Context, iso2: string, lang?: string): Promise<CountryFlowsView> {
  const language = languageOf(ctx, lang);
  const [roles, counts, drivers] = await Promise.all([
    q.selectRoles(ctx.db, iso2),
    q.selectDriverCounts(ctx.db, iso2),
    q.selectDrivers(ctx.db),
  ]);
  const names = new Map(drivers.map((d) => [d.code, present(d, language).name]));
  return {
    country: iso2,
    roles: roles.map((r) => ({
      year: r.year,
      origin: r.origin,
      transit: r.transit,
      destination: r.destination,
      refugeesFrom: r.refugees_from,
      refugeesHosted: r.refugees_hosted,
      arrivals: r.arrivals,
    })),
    method: ROLE_METHOD,
    drivers: counts.map((c) => ({ ...c, name: names.get(c.driver) ?? c.driver })),
  };
}

/** The countries of origin, transit or destination in a year: a country group for filters. */
export async function flowGroup(ctx: Context, query: FlowGroupQuery): Promise<FlowGroupView> {
  const years = await q.selectRoleYears(ctx.db);
  const year = query.year ?? years[0] ?? null;
  return {
    role: query.role,
    year,
    countries: year === null ? [] : await q.selectRoleGroup(ctx.db, query.role, year),
    years,
  };
}

/** Names the drivers behind an alert; an analyst scoped to countries does so for theirs only. */
export async function setAlertDrivers(ctx: Context, id: string, input: AlertDriversBody): Promise<AlertDriversView> {
  assertAllowed(ctx.actor, 'warning.alert.decide');
  const row = await q.selectAlertCountry(ctx.db, id);
  if (!row) throw new Problem('not_found', 'There is no such alert.');
  if (allowedSubset(ctx.actor, 'warning.alert.decide', [row], (r) => ({ countryIso2: r.country_iso2 })).length === 0) {
    throw new Problem('forbidden', `You may not classify alerts for ${row.country_iso2}.`);
  }
  const all = await q.selectDrivers(ctx.db);
  const known = new Set(all.map((d) => d.code));
  const errors = input.drivers
    .map((code, i) => ({ code, i }))
    .filter(({ code }) => !known.has(code))
    .map(({ code, i }) => ({ pointer: `/drivers/${i}`, message: `There is no driver “${code}”.` }));
  if (errors.length > 0) throw new Problem('validation', 'Some of these drivers do not exist.', { errors });
  return inTransaction(ctx.db, async (trx) => {
    await q.replaceAlertDrivers(trx, id, input.drivers);
    await audit(trx, ctx, {
      verb: 'warning.alert.decide',
      recordType: 'warning_alert',
      recordId: id,
      details: { drivers: input.drivers },
    });
    const codes = new Set(await q.selectAlertDrivers(trx, id));
    const language = languageOf(ctx);
    return { alertId: id, drivers: all.filter((d) => codes.has(d.code)).map((d) => present(d, language)) };
  });
}
