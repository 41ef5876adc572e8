import { Type } from '@sinclair/typebox';
import { StringEnum } from '../http/schemas.js';
import { INCIDENT_TYPE_CODES, STATUSES } from './categories.js';

export const Iso2 = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code.' });
export const Base64 = (maxLength: number) => Type.String({ pattern: '^[A-Za-z0-9+/]*={0,2}$', maxLength });
export const IncidentType = StringEnum(INCIDENT_TYPE_CODES);
export const Status = StringEnum(STATUSES);
