import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { Day, Iso2 } from '../../roster/schemas.js';

export const DOCUMENT_TYPES = ['law', 'sop', 'manual', 'training', 'evaluation', 'good_practice'] as const;
export const ACCESS_LEVELS = ['public', 'network', 'staff', 'groups'] as const;
export const EXTRACTIONS = ['pending', 'running', 'done', 'failed'] as const;

const LanguageCode = Type.String({ pattern: '^[a-z]{2,3}$' });
const KeyAreaCode = Type.String({ pattern: '^[a-z][a-z0-9_]{0,40}$' });
/** Lists in a query string: comma-separated. */
const CodeList = Type.String({ pattern: '^[a-z0-9_,-]*$', maxLength: 2000 });

/** The metadata of an upload, sent in the query string beside the file sent as the body. */
export const UploadQuery = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    summary: Type.Optional(Type.String({ maxLength: 4000 })),
    type: StringEnum(DOCUMENT_TYPES),
    language: LanguageCode,
    country: Type.Optional(Iso2),
    keyAreas: Type.Optional(CodeList),
    issuedOn: Type.Optional(Day),
    sourceOrganisation: Type.Optional(Type.String({ maxLength: 300 })),
    licence: Type.Optional(Type.String({ maxLength: 200 })),
    access: Type.Optional(StringEnum(ACCESS_LEVELS)),
    /** The named groups a restricted document is open to (ids, comma-separated). */
    groups: Type.Optional(Type.String({ pattern: '^[0-9a-f,-]*$', maxLength: 2000 })),
    fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  },
  { additionalProperties: false },
);
export type UploadQuery = Static<typeof UploadQuery>;

export const VersionQuery = Type.Object(
  { fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })) },
  { additionalProperties: false },
);

export const EditBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    summary: Type.Optional(Type.String({ maxLength: 4000 })),
    type: Type.Optional(StringEnum(DOCUMENT_TYPES)),
    language: Type.Optional(LanguageCode),
    country: Type.Optional(Type.Union([Iso2, Type.Null()])),
    keyAreas: Type.Optional(Type.Array(KeyAreaCode, { maxItems: 5, uniqueItems: true })),
    issuedOn: Type.Optional(Type.Union([Day, Type.Null()])),
    sourceOrganisation: Type.Optional(Type.String({ maxLength: 300 })),
    licence: Type.Optional(Type.String({ maxLength: 200 })),
    access: Type.Optional(StringEnum(ACCESS_LEVELS)),
    groups: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type EditBody = Static<typeof EditBody>;

export const Version = Type.Object({
  version: Type.Integer(),
  fileName: Type.String(),
  mediaType: Type.String(),
  byteSize: Type.Integer(),
  sha256: Type.String(),
  pageCount: Type.Union([Type.Integer(), Type.Null()]),
  extraction: StringEnum(EXTRACTIONS),
  pagesDone: Type.Integer(),
  /** false: a PDF with no text layer (a scan), which search cannot see inside. */
  hasTextLayer: Type.Union([Type.Boolean(), Type.Null()]),
  uploadedAt: Type.String(),
});
export type Version = Static<typeof Version>;

export const LibraryDocument = Type.Object({
  id: Uuid,
  title: Type.String(),
  summary: Type.String(),
  type: StringEnum(DOCUMENT_TYPES),
  language: Type.String(),
  country: Type.Union([Iso2, Type.Null()]),
  keyAreas: Type.Array(Type.String()),
  issuedOn: Type.Union([Day, Type.Null()]),
  sourceOrganisation: Type.String(),
  licence: Type.String(),
  access: StringEnum(ACCESS_LEVELS),
  groups: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  currentVersion: Type.Integer(),
  versions: Type.Array(Version),
  createdAt: Type.String(),
  actions: Type.Array(StringEnum(['edit', 'add_version'] as const)),
});
export type LibraryDocument = Static<typeof LibraryDocument>;

export const FileQuery = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    /** inline: shown in the page (the PDF preview); attachment: saved. */
    disposition: Type.Optional(StringEnum(['inline', 'attachment'] as const)),
  },
  { additionalProperties: false },
);
export type FileQuery = Static<typeof FileQuery>;

export const Group = Type.Object({
  id: Uuid,
  name: Type.String(),
  members: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
});
export type Group = Static<typeof Group>;
export const GroupBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), members: Type.Array(Uuid, { maxItems: 500, uniqueItems: true }) },
  { additionalProperties: false },
);
export type GroupBody = Static<typeof GroupBody>;
