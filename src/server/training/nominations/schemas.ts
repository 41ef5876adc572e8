import { type Static, Type } from '@sinclair/typebox';
import { Email, StringEnum, Uuid } from '../../http/schemas.js';
import { GENDERS, Iso2 } from '../../roster/schemas.js';
import { Audience } from '../schemas.js';

export const NominationBody = Type.Object(
  {
    countryIso2: Iso2,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.Optional(Type.Union([Email, Type.Null()])),
    function: Type.String({ minLength: 1, maxLength: 200 }),
    agencyType: Audience,
    gender: StringEnum(GENDERS),
    languages: Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { minItems: 1, maxItems: 10, uniqueItems: true }),
    expertId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    consent: Type.Boolean({ description: 'The nominee consented to the processing of these data for the training.' }),
  },
  { additionalProperties: false },
);
export type NominationBody = Static<typeof NominationBody>;

export const DecisionBody = Type.Object(
  {
    status: StringEnum(['selected', 'waitlisted', 'declined'] as const),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;
