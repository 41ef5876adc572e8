import { type Actor, scopeOf } from '../access/check.js';

/**
 * Whom a signed-in person acts for, from their own account's grants (never from what they type):
 * the States of their delegation grants, and the organisations in which they hold a grant.
 */
export function ownDelegations(actor: Actor | null): { countries: Set<string>; organisations: Set<string> } {
  const grants = actor?.grants ?? [];
  return {
    countries: new Set(grants.flatMap((g) => (g.role === 'delegation' && g.countryIso2 ? [g.countryIso2] : []))),
    organisations: new Set(grants.flatMap((g) => (g.scopeType === 'organisation' && g.organisationId ? [g.organisationId] : []))),
  };
}

/** Whether the actor organises events for this organiser (the co-ordinator and the Secretariat for any). */
export function manages(actor: Actor | null, organiserId: string): boolean {
  const scope = scopeOf(actor, 'conference.manage');
  return scope.all || scope.organisations.has(organiserId);
}

/** Whether the IANA time zone is one this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time in a zone of an instant, as `YYYY-MM-DDTHH:mm`. */
export function localTime(instant: Date, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The instant at which the clocks of a zone show this wall-clock time (`YYYY-MM-DDTHH:mm`). */
export function zonedInstant(local: string, zone: string): Date {
  const wall = Date.parse(`${local}:00Z`);
  let guess = wall;
  // Two rounds settle the offset, also across a change of daylight saving time.
  for (let i = 0; i < 2; i++) {
    const shown = Date.parse(`${localTime(new Date(guess), zone)}:00Z`);
    guess += wall - shown;
  }
  return new Date(guess);
}
