import { StringEnum } from '../http/schemas.js';

export const EVENT_KINDS = ['expert_conference', 'meeting', 'workshop', 'webinar'] as const;
export const EventKind = StringEnum(EVENT_KINDS);
export const REGISTRATION_STATUSES = ['confirmed', 'waiting', 'cancelled'] as const;
export const RegistrationStatus = StringEnum(REGISTRATION_STATUSES);
