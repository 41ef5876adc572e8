import { type Static, Type } from '@sinclair/typebox';
import { Page, Pagination, Uuid } from '../http/schemas.js';

export const AuditQuery = Type.Object(
  {
    actorId: Type.Optional(Uuid),
    verb: Type.Optional(Type.String({ maxLength: 100, description: 'A verb, or the start of one (e.g. `user.`).' })),
    recordType: Type.Optional(Type.String({ maxLength: 100 })),
    recordId: Type.Optional(Type.String({ maxLength: 200 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    ...Pagination,
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditExportQuery = Type.Omit(AuditQuery, ['limit', 'offset'], { additionalProperties: false });
export type AuditExportQuery = Static<typeof AuditExportQuery>;

export const AuditEntryView = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Union([Type.Object({ id: Uuid, name: Type.String(), email: Type.String() }), Type.Null()]),
  verb: Type.String(),
  recordType: Type.Union([Type.String(), Type.Null()]),
  recordId: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEntryView = Static<typeof AuditEntryView>;

export const AuditPage = Page(AuditEntryView);

export const AuditCatalogueView = Type.Object({
  actions: Type.Array(
    Type.Object({
      action: Type.String({ description: 'The verb entries are written under, e.g. `user.create`.' }),
      domain: Type.String({ description: 'The domain that declares it.' }),
    }),
  ),
  recordTypes: Type.Array(Type.String({ description: 'A record type entries point at, e.g. `user`.' })),
});
export type AuditCatalogueView = Static<typeof AuditCatalogueView>;
