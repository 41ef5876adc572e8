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
