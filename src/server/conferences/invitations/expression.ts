// The invitation list as an expression over the country groups, evaluated without any dependency
// so that the web client's invitation builder counts exactly as the server does.

/**
 * The groups an invitation list is built from; `subregion` and `state` take a value, and so do the
 * countries of origin, transit and destination: the year whose UNHCR figures made them so.
 */
export const INVITATION_GROUPS = [
  'participating',
  'partners',
  'partners_asian',
  'partners_mediterranean',
  'subregion',
  'east_of_vienna',
  'west_of_vienna',
  'field_operation_hosts',
  'origin',
  'transit',
  'destination',
  'state',
] as const;
export type InvitationGroup = (typeof INVITATION_GROUPS)[number];

/** One step of the expression: add (`+`) or take away (`-`) a group, in order. */
export interface InvitationTerm {
  op: '+' | '-';
  group: InvitationGroup;
  /** The sub-region's code or the State's ISO code, or the year of a role in the flows. */
  value?: string | undefined;
}

/** What the expression needs to know of a country (the reference data's columns). */
export interface CountryFacts {
  iso2: string;
  osceStatus: string;
  partnerGroup: string | null;
  subregion: string | null;
  fieldOperation: boolean;
  eastOfVienna: boolean | null;
  /** The country's roles in the flows, as `role:year` (`origin:2022`). */
  flows?: readonly string[];
}

/** The groups whose value is a year: a country's role in the flows that year. */
export const FLOW_GROUPS = ['origin', 'transit', 'destination'] as const;

/** Whether a country belongs to one group. East and West of Vienna divide the participating States. */
export function inGroup(country: CountryFacts, group: InvitationGroup, value?: string): boolean {
  const participating = country.osceStatus === 'participating';
  switch (group) {
    case 'participating':
      return participating;
    case 'partners':
      return country.osceStatus === 'partner';
    case 'partners_asian':
      return country.osceStatus === 'partner' && country.partnerGroup === 'asian';
    case 'partners_mediterranean':
      return country.osceStatus === 'partner' && country.partnerGroup === 'mediterranean';
    case 'subregion':
      return country.subregion !== null && country.subregion === value;
    case 'east_of_vienna':
      return participating && country.eastOfVienna === true;
    case 'west_of_vienna':
      return participating && country.eastOfVienna === false;
    case 'field_operation_hosts':
      return country.fieldOperation;
    case 'origin':
    case 'transit':
    case 'destination':
      return country.flows?.includes(`${group}:${value}`) ?? false;
    case 'state':
      return country.iso2 === value;
  }
}

/** The States an expression selects: its terms applied left to right to the empty set. */
export function evaluateInvitation(terms: readonly InvitationTerm[], countries: readonly CountryFacts[]): Set<string> {
  const selected = new Set<string>();
  for (const term of terms) {
    for (const country of countries) {
      if (!inGroup(country, term.group, term.value)) continue;
      if (term.op === '+') selected.add(country.iso2);
      else selected.delete(country.iso2);
    }
  }
  return selected;
}

/** How many of the selected States each group holds, for the builder's live count. */
export function countByGroup(selected: ReadonlySet<string>, countries: readonly CountryFacts[]) {
  const chosen = countries.filter((c) => selected.has(c.iso2));
  const count = (group: InvitationGroup) => chosen.filter((c) => inGroup(c, group)).length;
  return {
    total: chosen.length,
    participating: count('participating'),
    partnersAsian: count('partners_asian'),
    partnersMediterranean: count('partners_mediterranean'),
    eastOfVienna: count('east_of_vienna'),
    westOfVienna: count('west_of_vienna'),
    fieldOperationHosts: count('field_operation_hosts'),
  };
}
