// The reference data's enumerations, free of any dependency so that the web client can import them.

export const OSCE_STATUSES = ['participating', 'partner', 'other'] as const;

export const SUBREGIONS = [
  'western_europe_north_america',
  'south_eastern_europe',
  'eastern_europe',
  'south_caucasus',
  'central_asia',
  'partners',
] as const;

/** The organisation types that are OSCE structures, as opposed to partners. */
export const STRUCTURE_TYPES = [
  'secretariat',
  'secretariat_department',
  'institution',
  'parliamentary_assembly',
  'training_institution',
  'field_operation',
] as const;

/** The six OSCE languages: of the interface, of reference names, of reports. */
export const LANGUAGES = ['en', 'fr', 'de', 'it', 'ru', 'es'] as const;
export type LanguageCode = (typeof LANGUAGES)[number];

/** The three OSCE dimensions of security. */
export const DIMENSIONS = ['politico_military', 'economic_environmental', 'human'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The key areas of the migration response. */
export const KEY_AREAS = ['solidarity', 'protection', 'trafficking', 'border_management', 'relocation_integration'] as const;
export type KeyArea = (typeof KEY_AREAS)[number];
