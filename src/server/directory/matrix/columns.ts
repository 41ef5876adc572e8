import { fold } from '../text.js';

/** The fields of a 3W row, in the order of an exported sheet. */
export const FIELDS = [
  'organisation',
  'organisationCode',
  'organisationType',
  'code',
  'title',
  'description',
  'keyAreas',
  'dimension',
  'countries',
  'countryNames',
  'place',
  'startDate',
  'endDate',
  'status',
  'targetGroups',
  'contactName',
  'contactEmail',
  'visibility',
] as const;
export type Field = (typeof FIELDS)[number];

interface Column {
  label: string;
  /** The HXL hashtag written on export. */
  hxl: string;
  /** Tags that mean this field on import, and the attributes the column must carry. */
  tags: string[];
  attributes: string[];
  /** Other header labels this field is known by, for files without a HXL row. */
  aliases: string[];
}

export const COLUMNS: Record<Field, Column> = {
  organisation: {
    label: 'Organisation',
    hxl: '#org+name',
    tags: ['org'],
    attributes: [],
    aliases: ['organization', 'agency', 'partner', 'who'],
  },
  organisationCode: {
    label: 'Organisation code',
    hxl: '#org+code',
    tags: ['org'],
    attributes: ['code'],
    aliases: ['organization code'],
  },
  organisationType: {
    label: 'Organisation type',
    hxl: '#org+type',
    tags: ['org'],
    attributes: ['type'],
    aliases: ['organization type'],
  },
  code: {
    label: 'Activity code',
    hxl: '#activity+code',
    tags: ['activity'],
    attributes: ['code'],
    aliases: ['code', 'activity id', 'reference'],
  },
  title: {
    label: 'Activity',
    hxl: '#activity+name',
    tags: ['activity'],
    attributes: [],
    aliases: ['title', 'activity name', 'what', 'project'],
  },
  description: {
    label: 'Description',
    hxl: '#description',
    tags: ['description'],
    attributes: [],
    aliases: ['activity description', 'details'],
  },
  keyAreas: { label: 'Key areas', hxl: '#sector', tags: ['sector'], attributes: [], aliases: ['key area', 'sector', 'sectors'] },
  dimension: {
    label: 'Dimension',
    hxl: '#sector+dimension',
    tags: ['sector'],
    attributes: ['dimension'],
    aliases: ['osce dimension'],
  },
  countries: {
    label: 'Countries',
    hxl: '#country+code',
    tags: ['country'],
    attributes: [],
    aliases: ['country', 'country code', 'countries (iso)', 'where'],
  },
  countryNames: {
    label: 'Country names',
    hxl: '#country+name',
    tags: ['country'],
    attributes: ['name'],
    aliases: ['country name'],
  },
  place: {
    label: 'Place',
    hxl: '#loc+name',
    tags: ['loc', 'adm1', 'adm2'],
    attributes: [],
    aliases: ['location', 'town', 'city'],
  },
  startDate: {
    label: 'Start',
    hxl: '#date+start',
    tags: ['date'],
    attributes: ['start'],
    aliases: ['start date', 'from', 'begins'],
  },
  endDate: { label: 'End', hxl: '#date+end', tags: ['date'], attributes: ['end'], aliases: ['end date', 'to', 'ends', 'until'] },
  status: { label: 'Status', hxl: '#status', tags: ['status'], attributes: [], aliases: ['activity status'] },
  targetGroups: {
    label: 'Target groups',
    hxl: '#beneficiary',
    tags: ['beneficiary', 'targeted', 'population'],
    attributes: [],
    aliases: ['target group', 'for whom', 'beneficiaries'],
  },
  contactName: {
    label: 'Contact person',
    hxl: '#contact+name',
    tags: ['contact'],
    attributes: [],
    aliases: ['contact', 'contact name', 'focal point'],
  },
  contactEmail: {
    label: 'Contact email',
    hxl: '#contact+email',
    tags: ['contact'],
    attributes: ['email'],
    aliases: ['email', 'e-mail', 'contact e-mail'],
  },
  visibility: { label: 'Visibility', hxl: '#meta+visibility', tags: ['meta'], attributes: ['visibility'], aliases: [] },
};

/** A HXL hashtag as a tag and its attributes: "#org +name" is {tag: 'org', attributes: ['name']}. */
export function parseHashtag(cell: string): { tag: string; attributes: string[] } | null {
  const match = /^\s*#([a-z][a-z0-9_]*)((?:\s*\+[a-z][a-z0-9_]*)*)\s*$/i.exec(cell);
  if (!match) return null;
  const attributes = (match[2] ?? '')
    .split('+')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
  return { tag: (match[1] as string).toLowerCase(), attributes };
}

/** Whether a row is a HXL hashtag row: most of its filled cells are hashtags. */
export function isHashtagRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length > 0 && filled.filter((c) => parseHashtag(c)).length >= Math.ceil(filled.length / 2);
}

/** The field a hashtag means: the most specific field whose tag and attributes the column carries. */
export function fieldOfHashtag(cell: string): Field | null {
  const parsed = parseHashtag(cell);
  if (!parsed) return null;
  let best: Field | null = null;
  let bestSpecificity = -1;
  for (const field of FIELDS) {
    const column = COLUMNS[field];
    if (!column.tags.includes(parsed.tag)) continue;
    if (!column.attributes.every((a) => parsed.attributes.includes(a))) continue;
    if (column.attributes.length > bestSpecificity) {
      best = field;
      bestSpecificity = column.attributes.length;
    }
  }
  return best;
}

const key = (label: string) =>
  fold(label)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The field a header label means, by our own labels and common names of 3W columns. */
export function fieldOfLabel(label: string): Field | null {
  const wanted = key(label);
  if (!wanted) return null;
  for (const field of FIELDS) {
    const column = COLUMNS[field];
    if (key(column.label) === wanted || column.aliases.some((a) => key(a) === wanted)) return field;
  }
  return null;
}

/** Matches a label against a header as a person would type it. */
export const sameLabel = (a: string, b: string) => key(a) === key(b);
