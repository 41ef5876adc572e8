export { OSCE_STATUSES, STRUCTURE_TYPES, SUBREGIONS } from '../../server/reference/values.js';

/** Narrows a select's string value to one of the allowed values, or undefined for "all". */
export function oneOf<T extends string>(values: readonly T[], value: string): T | undefined {
  return (values as readonly string[]).includes(value) ? (value as T) : undefined;
}
