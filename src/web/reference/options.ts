import type { CountryView, StructureView } from '../app/types';

// The server's enumerations, checked against its types so that a new value shows up here at compile time.
export const OSCE_STATUSES = ['participating', 'partner', 'other'] as const satisfies readonly CountryView['osceStatus'][];

export const SUBREGIONS = [
  'western_europe_north_america',
  'south_eastern_europe',
  'eastern_europe',
  'south_caucasus',
  'central_asia',
  'partners',
] as const satisfies readonly NonNullable<CountryView['subregion']>[];

export const STRUCTURE_TYPES = [
  'secretariat',
  'secretariat_department',
  'institution',
  'parliamentary_assembly',
  'training_institution',
  'field_operation',
] as const satisfies readonly StructureView['type'][];

/** Narrows a select's string value to one of the allowed values, or undefined for "all". */
export function oneOf<T extends string>(values: readonly T[], value: string): T | undefined {
  return (values as readonly string[]).includes(value) ? (value as T) : undefined;
}
