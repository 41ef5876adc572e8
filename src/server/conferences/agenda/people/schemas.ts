import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../../http/schemas.js';

export const SESSION_ROLES = ['moderator', 'speaker'] as const;
export const SessionRole = StringEnum(SESSION_ROLES);
export const PERSON_KINDS = ['contact', 'expert', 'guest'] as const;

/**
 * A moderator or speaker as the agenda editor sends it: a contact of the directory, an expert of
 * the roster, or a guest by name and affiliation; exactly one of the three.
 */
export const SessionPersonInput = Type.Object(
  {
    role: SessionRole,
    contactId: Type.Optional(Uuid),
    expertId: Type.Optional(Uuid),
    name: Type.Optional(Type.String({ maxLength: 200, description: 'A guest’s name.' })),
    affiliation: Type.Optional(Type.String({ maxLength: 300, description: 'A guest’s organisation or function.' })),
    announced: Type.Optional(
      Type.Boolean({ description: 'Name a roster expert or a restricted contact on the public page and exports too.' }),
    ),
  },
  { additionalProperties: false },
);
export type SessionPersonInput = Static<typeof SessionPersonInput>;

/** A moderator or speaker as the reader may see them: the role always, the name only when the reader may know it. */
export const SessionPerson = Type.Object({
  role: SessionRole,
  kind: StringEnum(PERSON_KINDS),
  name: Type.Union([Type.String(), Type.Null()], { description: 'Null when the reader may not know who it is.' }),
  affiliation: Type.String(),
  announced: Type.Boolean(),
  /** For the event's organisers only, to edit the session. */
  contactId: Type.Optional(Uuid),
  expertId: Type.Optional(Uuid),
});
export type SessionPerson = Static<typeof SessionPerson>;

export const PeopleQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export type PeopleQuery = Static<typeof PeopleQuery>;

/** A person the organiser may name in the agenda, with their organisation. */
export const PersonChoice = Type.Object({
  kind: StringEnum(['contact', 'expert'] as const),
  id: Uuid,
  name: Type.String(),
  organisation: Type.String(),
});
export type PersonChoice = Static<typeof PersonChoice>;
