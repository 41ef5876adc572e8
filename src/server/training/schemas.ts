import { StringEnum } from '../http/schemas.js';

/** The groups a course is for, and the agency type of a nominee. */
export const AUDIENCES = [
  'police',
  'prosecutors',
  'judges',
  'border_guards',
  'civil_servants',
  'civil_society',
  'osce_staff',
] as const;
export type Audience = (typeof AUDIENCES)[number];
export const Audience = StringEnum(AUDIENCES);
export const NOMINATION_STATUSES = ['nominated', 'selected', 'waitlisted', 'declined'] as const;
export const NominationStatus = StringEnum(NOMINATION_STATUSES);
export const TEST_KINDS = ['pre', 'post'] as const;
export const TestKind = StringEnum(TEST_KINDS);
