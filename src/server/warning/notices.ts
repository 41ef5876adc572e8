import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { notify } from '../notifications/notify.js';

/** An alert for a period this long ago is history, not news: importing a past decade tells no one. */
const NEWS_DAYS = 400;

/** Tells the analysts of each country (and those who cover every country) of its new alerts: one notice per country. */
export async function tellAnalysts(trx: Kysely<DB>, fired: ReadonlyArray<{ country_iso2: string; period: string }>) {
  const since = new Date(Date.now() - NEWS_DAYS * 86_400_000).toISOString().slice(0, 10);
  const countries = [...new Set(fired.filter((alert) => alert.period >= since).map((alert) => alert.country_iso2))].sort();
  for (const country of countries) {
    await notify(trx, {
      kind: 'warning.alert_raised',
      to: { roles: [{ role: 'analyst', country }] },
      params: { country },
      link: `/warning/countries/${country}`,
    });
  }
}
