import { nameIndex, type Reference } from '../reference.js';
import {
  ACTIVITY_STATUSES,
  type ActivityStatus,
  ORGANISATION_TYPES,
  type OrganisationType,
  TARGET_GROUPS,
  type TargetGroup,
  VISIBILITIES,
  type Visibility,
} from '../schemas.js';
import { fold } from '../text.js';
import type { SheetRow } from './read.js';

/** One row read and checked, ready to be matched against what the directory holds. */
export interface ParsedRow {
  row: number;
  organisation: { name: string; code: string | null; type: OrganisationType | null };
  code: string | null;
  title: string;
  /** Undefined where the sheet has no such column: an update keeps what is there. */
  description?: string | null;
  keyAreas?: string[];
  dimension?: string | null;
  countries: string[];
  place?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  status?: ActivityStatus;
  targetGroups?: TargetGroup[];
  contact?: { name: string | null; email: string | null };
  visibility?: Visibility;
}

const key = (value: string) =>
  fold(value)
    .replace(/[-_\s]+/g, ' ')
    .trim();
const list = (value: string) =>
  value
    .split(/[;,|\n]+/)
    .map((v) => v.trim())
    .filter(Boolean);

function indexOf(entries: Iterable<[string, string]>): Map<string, string> {
  const index = new Map<string, string>();
  for (const [name, code] of entries) index.set(key(name), code);
  return index;
}

const STATUS_WORDS: Record<string, ActivityStatus> = {
  active: 'ongoing',
  'in progress': 'ongoing',
  running: 'ongoing',
  'en cours': 'ongoing',
  done: 'completed',
  closed: 'completed',
  finished: 'completed',
  complete: 'completed',
  pipeline: 'planned',
  prevu: 'planned',
  planned: 'planned',
};
const TARGET_WORDS: Record<string, TargetGroup> = {
  'asylum seeker': 'asylum_seekers',
  refugee: 'refugees',
  migrant: 'migrants',
  'victim of trafficking': 'victims_of_trafficking',
  'trafficking victims': 'victims_of_trafficking',
  'internally displaced persons': 'idps',
  'internally displaced people': 'idps',
  idp: 'idps',
  'host community': 'host_communities',
  official: 'officials',
};
const VISIBILITY_WORDS: Record<string, Visibility> = {
  'all signed in users': 'signed_in',
  'signed in users': 'signed_in',
  staff: 'osce_staff',
  'co ordinator only': 'coordinator',
  'coordinator only': 'coordinator',
};

/** Builds the name indexes once per import. */
export function rowParser(ref: Reference) {
  const countries = nameIndex(ref.countries);
  const keyAreas = new Map([...nameIndex(ref.keyAreas)].map(([k, v]) => [key(k), v]));
  const dimensions = new Map([...nameIndex(ref.dimensions)].map(([k, v]) => [key(k), v]));
  const statuses = indexOf([...ACTIVITY_STATUSES.map((s): [string, string] => [s, s]), ...Object.entries(STATUS_WORDS)]);
  const targets = indexOf([...TARGET_GROUPS.map((s): [string, string] => [s, s]), ...Object.entries(TARGET_WORDS)]);
  const visibilities = indexOf([...VISIBILITIES.map((s): [string, string] => [s, s]), ...Object.entries(VISIBILITY_WORDS)]);
  const types = indexOf(ORGANISATION_TYPES.map((s): [string, string] => [s, s]));

  function codes(value: string, index: Map<string, string>, what: string, problems: string[], folder = key) {
    const found: string[] = [];
    for (const item of list(value)) {
      const code = index.get(folder(item));
      if (code) {
        if (!found.includes(code)) found.push(code);
      } else problems.push(`Unknown ${what} “${item}”.`);
    }
    return found;
  }

  function date(value: string | undefined, what: string, problems: string[]): string | null | undefined {
    if (value === undefined) return undefined;
    if (value === '') return null;
    let iso = value;
    const european = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value);
    if (european) iso = `${european[3]}-${european[2]?.padStart(2, '0')}-${european[1]?.padStart(2, '0')}`;
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : null;
    if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
      problems.push(`The ${what} “${value}” is not a date (use YYYY-MM-DD).`);
      return undefined;
    }
    return iso;
  }

  /** Reads one row; returns the parsed row or every reason it is rejected. */
  return function parseRow(sheetRow: SheetRow): { parsed: ParsedRow } | { reasons: string[] } {
    const v = sheetRow.values;
    const problems: string[] = [];
    const organisationName = v.organisation ?? '';
    const organisationCode = v.organisationCode || null;
    if (!organisationName && !organisationCode) problems.push('The organisation is missing.');
    let type: OrganisationType | null = null;
    if (v.organisationType) {
      type = (types.get(key(v.organisationType).replace(/ /g, '_')) ??
        types.get(key(v.organisationType))) as OrganisationType | null;
      if (!type) problems.push(`Unknown organisation type “${v.organisationType}”.`);
    }
    const title = (v.title ?? '').trim();
    if (!title) problems.push('The activity (title) is missing.');
    if (title.length > 300) problems.push('The activity title is longer than 300 characters.');
    const code = v.code ? v.code.trim() : null;
    if (code && !/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/.test(code)) problems.push(`The activity code “${code}” is not valid.`);
    const countryCodes = codes(v.countries ?? '', countries, 'country', problems, fold);
    if (countryCodes.length === 0 && !problems.some((p) => p.startsWith('Unknown country'))) {
      problems.push('At least one country is needed.');
    }
    const parsed: ParsedRow = {
      row: sheetRow.row,
      organisation: { name: organisationName, code: organisationCode, type },
      code,
      title,
      countries: countryCodes.sort(),
    };
    if (v.description !== undefined) {
      if (v.description.length > 8000) problems.push('The description is longer than 8,000 characters.');
      parsed.description = v.description || null;
    }
    if (v.keyAreas !== undefined) parsed.keyAreas = codes(v.keyAreas, keyAreas, 'key area', problems);
    if (v.dimension !== undefined) {
      const found = codes(v.dimension, dimensions, 'dimension', problems);
      if (found.length > 1) problems.push('Give one dimension only.');
      parsed.dimension = found[0] ?? null;
    }
    if (v.place !== undefined) {
      if (v.place.length > 200) problems.push('The place is longer than 200 characters.');
      parsed.place = v.place || null;
    }
    parsed.startDate = date(v.startDate, 'start date', problems);
    parsed.endDate = date(v.endDate, 'end date', problems);
    if (parsed.startDate && parsed.endDate && parsed.endDate < parsed.startDate) {
      problems.push('The activity ends before it starts.');
    }
    if (v.status) {
      const status = statuses.get(key(v.status)) as ActivityStatus | undefined;
      if (status) parsed.status = status;
      else problems.push(`Unknown status “${v.status}” (planned, ongoing or completed).`);
    }
    if (v.targetGroups !== undefined) {
      parsed.targetGroups = codes(v.targetGroups, targets, 'target group', problems, (t) => {
        const k = key(t).replace(/_/g, ' ');
        return targets.has(k) ? k : k.replace(/s$/, '');
      }) as TargetGroup[];
    }
    if (v.visibility) {
      const visibility = visibilities.get(key(v.visibility).replace(/ /g, '_')) ?? visibilities.get(key(v.visibility));
      if (visibility) parsed.visibility = visibility as Visibility;
      else problems.push(`Unknown visibility “${v.visibility}”.`);
    }
    const email = v.contactEmail?.trim().toLowerCase() || null;
    if (email && !/^[^\s@]+@[^\s@]+$/.test(email))
      problems.push(`The contact email “${v.contactEmail}” is not an email address.`);
    const contactName = v.contactName?.trim() || null;
    if (contactName && contactName.length > 200) problems.push('The contact name is longer than 200 characters.');
    if (email || contactName) parsed.contact = { name: contactName, email };
    return problems.length > 0 ? { reasons: problems } : { parsed };
  };
}
