import { type Static, Type } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';
import { IncidentType, Iso2, Status } from '../schemas.js';

export const QueueQuery = Type.Object(
  {
    status: Type.Optional(Status),
    country: Type.Optional(Iso2),
    incidentType: Type.Optional(IncidentType),
    assignee: Type.Optional(Type.Union([Uuid, Type.Literal('me'), Type.Literal('none')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type QueueQuery = Static<typeof QueueQuery>;

const Person = Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]);

export const CaseSummary = Type.Object({
  id: Uuid,
  status: Status,
  occurredOn: Type.String(),
  dateApproximate: Type.Boolean(),
  country: Type.String(),
  place: Type.String(),
  incidentType: Type.String(),
  biasMotivation: Type.String(),
  source: Type.String(),
  assignee: Person,
  receivedAt: Type.String(),
});
export type CaseSummary = Static<typeof CaseSummary>;

export const QueueView = Type.Object({ items: Type.Array(CaseSummary), total: Type.Integer() });
export type QueueView = Static<typeof QueueView>;

export const CaseEvent = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actor: Person,
  kind: Type.String(),
  fromStatus: Type.Union([Type.String(), Type.Null()]),
  toStatus: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
});

export const CaseView = Type.Object({
  ...CaseSummary.properties,
  point: Type.Union([Type.Object({ latitude: Type.Number(), longitude: Type.Number() }), Type.Null()]),
  propertyTarget: Type.Union([Type.String(), Type.Null()]),
  targets: Type.Array(Type.String()),
  biasIndicators: Type.Array(Type.String()),
  contactConsent: Type.Boolean(),
  redactedDescription: Type.Union([Type.String(), Type.Null()]),
  duplicateOf: Type.Union([Uuid, Type.Null()]),
  duplicates: Type.Array(Uuid, { description: 'The reports linked to this one as its duplicates.' }),
  rejectionReason: Type.Union([Type.String(), Type.Null()]),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  contactDeletedAt: Type.Union([Type.String(), Type.Null()]),
  protectedItems: Type.Object({ contact: Type.Boolean(), description: Type.Boolean(), photos: Type.Integer() }),
  history: Type.Array(CaseEvent),
  actions: Type.Array(Type.String(), { description: 'What the caller may do with this case.' }),
});
export type CaseView = Static<typeof CaseView>;

export const StatusBody = Type.Object(
  {
    status: Status,
    note: Type.Optional(Type.String({ maxLength: 4000 })),
    duplicateOf: Type.Optional(Uuid),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type StatusBody = Static<typeof StatusBody>;

export const AssigneeBody = Type.Object({ userId: Type.Union([Uuid, Type.Null()]) }, { additionalProperties: false });
export const NoteBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });
export const RedactionBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 10_000 }) },
  { additionalProperties: false },
);
export const ReviewerView = Type.Array(Type.Object({ id: Uuid, name: Type.String() }));
