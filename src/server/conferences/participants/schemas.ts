import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { RegistrationStatus } from '../schemas.js';

/** A participant as others see them: only those who consented to appear, confirmed. */
export const PublicParticipant = Type.Object({
  name: Type.String(),
  function: Type.String(),
  organisation: Type.String(),
  countryIso2: Type.Union([Type.String(), Type.Null()]),
});
export const PublicParticipantList = Type.Object({ items: Type.Array(PublicParticipant) });
export type PublicParticipantList = Static<typeof PublicParticipantList>;

/** A registration as the organiser sees it, personal details included (reading it is audited). */
export const RegistrationView = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Type.String(),
  function: Type.String(),
  organisation: Type.String(),
  organisationType: Type.Union([Type.String(), Type.Null()]),
  countryIso2: Type.Union([Type.String(), Type.Null()]),
  accessibility: Type.String(),
  dietary: Type.String(),
  visaLetter: Type.Boolean(),
  listed: Type.Boolean(),
  status: RegistrationStatus,
  checkedIn: Type.Boolean(),
  registeredAt: Type.String({ format: 'date-time' }),
});
export const RegistrationList = Type.Object({ items: Type.Array(RegistrationView) });
export type RegistrationList = Static<typeof RegistrationList>;

const Count = Type.Object({ key: Type.String(), count: Type.Integer() });
export const StatisticsView = Type.Object({
  confirmed: Type.Integer(),
  waiting: Type.Integer(),
  checkedIn: Type.Integer(),
  byState: Type.Array(Count),
  byOrganisationType: Type.Array(Count),
  bySubregion: Type.Array(Count),
  /** Confirmed participants by the gender they stated, every key present: female, male, other, undisclosed, not_stated. */
  byGender: Type.Array(Count),
  eastOfVienna: Type.Integer(),
  westOfVienna: Type.Integer(),
  /** The missions' geographical balance index over the sub-regions, 0 to 1; null without participants from States. */
  balanceIndex: Type.Union([Type.Number(), Type.Null()]),
});
export type StatisticsView = Static<typeof StatisticsView>;

export const RegistrationExportQuery = Type.Object(
  { format: StringEnum(['csv', 'xlsx'] as const) },
  { additionalProperties: false },
);
export type RegistrationExportQuery = Static<typeof RegistrationExportQuery>;
