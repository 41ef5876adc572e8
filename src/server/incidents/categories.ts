/**
 * The ODIHR categories a report is classified by (see data/README.md for the source). Codes are
 * stable; their names in six languages are in the web client's translations.
 */
export const INCIDENT_TYPES = {
  violent_attack: ['physical_assault', 'homicide', 'violent_attack_other'],
  threat: ['threat'],
  attack_against_property: ['arson', 'vandalism', 'graffiti', 'desecration', 'property_attack_other'],
} as const;

export type IncidentGroup = keyof typeof INCIDENT_TYPES;
export const INCIDENT_TYPE_CODES = Object.values(INCIDENT_TYPES).flat() as readonly string[];

/** The group (ODIHR's civil-society table column) of an incident type. */
export function groupOf(type: string): IncidentGroup {
  for (const [group, types] of Object.entries(INCIDENT_TYPES)) {
    if ((types as readonly string[]).includes(type)) return group as IncidentGroup;
  }
  throw new Error(`Unknown incident type ${type}.`);
}

/** What an attack against property hit. */
export const PROPERTY_TARGETS = [
  'refugee_shelter',
  'reception_centre',
  'place_of_worship',
  'organisation_office',
  'home',
  'business',
  'vehicle',
  'other',
] as const;

export const TARGETS = ['migrants', 'refugees', 'asylum_seekers', 'perceived_as_such', 'helping_organisations'] as const;

/** ODIHR's bias motivations, as in its hate crime reporting. */
export const BIAS_MOTIVATIONS = [
  'racist_xenophobic',
  'anti_roma',
  'antisemitic',
  'anti_muslim',
  'anti_christian',
  'other_religion_belief',
  'gender',
  'anti_lgbti',
  'disability',
] as const;

/** ODIHR's bias indicators: facts that suggest a crime was motivated by bias. */
export const BIAS_INDICATORS = [
  'victim_perception',
  'witness_perception',
  'offender_remarks',
  'symbols_or_graffiti',
  'difference_victim_offender',
  'organised_hate_group',
  'significant_date',
  'significant_location',
  'previous_incidents',
  'no_other_motive',
] as const;

export const SOURCES = ['victim', 'witness', 'media', 'ngo', 'police'] as const;

export const STATUSES = ['received', 'under_review', 'verified', 'not_verified', 'duplicate', 'rejected'] as const;
export type Status = (typeof STATUSES)[number];
export const CLOSED: readonly Status[] = ['verified', 'not_verified', 'duplicate', 'rejected'];
