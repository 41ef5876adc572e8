import { StringEnum } from '../http/schemas.js';

export const EVENT_KINDS = ['expert_conference', 'meeting', 'workshop', 'webinar'] as const;
export const EventKind = StringEnum(EVENT_KINDS);
export const REGISTRATION_STATUSES = ['confirmed', 'waiting', 'cancelled'] as const;
export const RegistrationStatus = StringEnum(REGISTRATION_STATUSES);
/** What a registrant may say of their gender; "undisclosed" is their preferring not to say. */
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export const Gender = StringEnum(GENDERS, { description: 'Optional; for the statistics only, never on a list others see.' });
