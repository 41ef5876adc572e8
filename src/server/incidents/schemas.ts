import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../http/schemas.js';
import {
  BIAS_INDICATORS,
  BIAS_MOTIVATIONS,
  INCIDENT_TYPE_CODES,
  PROPERTY_TARGETS,
  SOURCES,
  STATUSES,
  TARGETS,
} from './categories.js';

const Iso2 = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code.' });
const Base64 = (maxLength: number) => Type.String({ pattern: '^[A-Za-z0-9+/]*={0,2}$', maxLength });
export const IncidentType = StringEnum(INCIDENT_TYPE_CODES);
export const Status = StringEnum(STATUSES);

/** An item encrypted in the reporter's browser: its AES key wrapped with RSA-OAEP, and IV || ciphertext || tag. */
const SealedInput = Type.Object({ wrappedKey: Base64(1024), payload: Base64(40_000) }, { additionalProperties: false });

export const ReportBody = Type.Object(
  {
    occurredOn: Type.String({ format: 'date' }),
    dateApproximate: Type.Optional(Type.Boolean()),
    country: Iso2,
    place: Type.String({ minLength: 1, maxLength: 200 }),
    point: Type.Optional(
      Type.Object(
        { latitude: Type.Number({ minimum: -90, maximum: 90 }), longitude: Type.Number({ minimum: -180, maximum: 180 }) },
        { additionalProperties: false, description: 'Stored rounded to 0.01° (about 1 km).' },
      ),
    ),
    incidentType: IncidentType,
    propertyTarget: Type.Optional(StringEnum(PROPERTY_TARGETS)),
    targets: Type.Array(StringEnum(TARGETS), { minItems: 1, maxItems: TARGETS.length, uniqueItems: true }),
    biasMotivation: StringEnum(BIAS_MOTIVATIONS),
    biasIndicators: Type.Optional(
      Type.Array(StringEnum(BIAS_INDICATORS), { maxItems: BIAS_INDICATORS.length, uniqueItems: true }),
    ),
    source: StringEnum(SOURCES),
    contactConsent: Type.Optional(Type.Boolean()),
    description: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 10_000,
        description: 'Only when the browser cannot encrypt: the server encrypts it on receipt.',
      }),
    ),
    contact: Type.Optional(Type.String({ maxLength: 1000, description: 'As description: encrypted on receipt.' })),
    sealed: Type.Optional(
      Type.Object(
        { keyId: Uuid, description: SealedInput, contact: Type.Optional(SealedInput) },
        { additionalProperties: false, description: 'Description and contact encrypted in the browser to the public key.' },
      ),
    ),
    photos: Type.Optional(
      Type.Array(
        Type.Object(
          { mediaType: StringEnum(['image/jpeg', 'image/png'] as const), data: Base64(48 * 1024 * 1024) },
          { additionalProperties: false },
        ),
        { maxItems: 5 },
      ),
    ),
    website: Type.Optional(Type.String({ maxLength: 500, description: 'Leave empty.' })),
    proof: Type.Object(
      { challenge: Type.String({ maxLength: 100 }), nonce: Type.String({ maxLength: 20 }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ReportBody = Static<typeof ReportBody>;

export const ReceiptView = Type.Object({ receipt: Type.String({ description: 'Keep it to check the status later.' }) });
export type ReceiptView = Static<typeof ReceiptView>;

export const ReceiptParams = Type.Object(
  { code: Type.String({ pattern: '^[A-Z0-9-]{10,40}$' }) },
  { additionalProperties: false },
);
export const ReceiptStatusView = Type.Object({ status: Status, receivedAt: Type.String(), updatedAt: Type.String() });
export type ReceiptStatusView = Static<typeof ReceiptStatusView>;

export const PublicKeyView = Type.Object({
  keyId: Uuid,
  spki: Type.String({ description: 'Base64 DER SubjectPublicKeyInfo, RSA-OAEP-SHA256.' }),
});
export type PublicKeyView = Static<typeof PublicKeyView>;

export const FormSettingsView = Type.Object({
  challenge: Type.String({ description: 'Signed by the server; valid once, for a day, after minFillSeconds.' }),
  proofBits: Type.Integer({ description: 'Leading zero bits of SHA-256("challenge.nonce"); rises with load.' }),
  minFillSeconds: Type.Integer(),
  photoMaxBytes: Type.Integer(),
  maxPhotos: Type.Integer(),
  key: Type.Union([PublicKeyView, Type.Null()]),
});
export type FormSettingsView = Static<typeof FormSettingsView>;

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
export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 500 }) }, { additionalProperties: false });

const SealedOutput = Type.Object({
  kind: StringEnum(['contact', 'description', 'photo'] as const),
  mediaType: Type.Union([Type.String(), Type.Null()]),
  wrappedKey: Type.String(),
  payload: Type.String(),
});

export const ProtectedView = Type.Object({
  key: Type.Object({
    keyId: Uuid,
    sealedPrivateKey: Type.String(),
    salt: Type.String(),
    iv: Type.String(),
    iterations: Type.Integer(),
  }),
  items: Type.Array(SealedOutput),
});
export type ProtectedView = Static<typeof ProtectedView>;

export const ReviewerView = Type.Array(Type.Object({ id: Uuid, name: Type.String() }));

export const STAT_DIMENSIONS = ['country', 'year', 'incidentType', 'biasMotivation', 'target'] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

export const StatisticsQuery = Type.Object(
  {
    by: Type.Optional(StringEnum(STAT_DIMENSIONS)),
    country: Type.Optional(Iso2),
    year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
    incidentType: Type.Optional(IncidentType),
    biasMotivation: Type.Optional(StringEnum(BIAS_MOTIVATIONS)),
    target: Type.Optional(StringEnum(TARGETS)),
  },
  {
    additionalProperties: false,
    description:
      'A slice of the fixed published tables (country, incident type, bias motivation and target, each by year): ' +
      'by one of them with at most a year, or by year with at most one of them.',
  },
);
export type StatisticsQuery = Static<typeof StatisticsQuery>;

/** A published count: a multiple of 5, or suppressed (value null): 0 to 4, or withheld to protect one. */
export const PublishedCount = Type.Object({
  value: Type.Union([Type.Integer(), Type.Null()]),
  suppressed: Type.Boolean(),
});
export type PublishedCount = Static<typeof PublishedCount>;

export const StatisticsView = Type.Object({
  by: StringEnum(STAT_DIMENSIONS),
  total: PublishedCount,
  rows: Type.Array(Type.Object({ key: Type.String(), count: PublishedCount })),
  rule: Type.String(),
  asOf: Type.Union([Type.String(), Type.Null()], { description: 'When the published figures were computed.' }),
});
export type StatisticsView = Static<typeof StatisticsView>;
