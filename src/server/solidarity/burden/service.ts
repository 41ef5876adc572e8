import type { Context } from '../../context.js';
import { Problem } from '../../http/problems.js';
import { selectCountryNames } from '../countries.js';
import type { BurdenQuery, BurdenView } from './schemas.js';
import { burdenYears, computeBurden, shippedBurdenSource } from './source.js';

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
  const countries = new Map((await selectCountryNames(ctx.db)).map((c) => [c.iso3, c]));
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
