import { type Static, Type } from '@sinclair/typebox';
import { Page, Pagination, StringEnum, Uuid } from '../http/schemas.js';
import { CATEGORIES, KINDS } from './catalogue.js';

export const CategorySchema = StringEnum(CATEGORIES, {
  description: 'What a notice is about, as a person chooses how to receive it.',
});
export const KindSchema = StringEnum(Object.keys(KINDS) as Array<keyof typeof KINDS>, {
  description: 'The event a notice tells of.',
});
export const ModeSchema = StringEnum(['immediate', 'digest', 'off'] as const, {
  description: 'An email for each notice, one daily digest, or none (the notice is still in the platform).',
});

export const NoticeView = Type.Object({
  id: Uuid,
  kind: KindSchema,
  category: CategorySchema,
  subject: Type.String({ description: 'In the reader’s language.' }),
  body: Type.String({ description: 'In the reader’s language.' }),
  link: Type.String({ description: 'The page of the record, a path in the web client.' }),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type NoticeView = Static<typeof NoticeView>;

export const NoticeQuery = Type.Object(
  { ...Pagination, unread: Type.Optional(Type.Boolean({ description: 'Only the notices not yet read.' })) },
  { additionalProperties: false },
);
export type NoticeQuery = Static<typeof NoticeQuery>;

export const NoticePage = Type.Intersect([Page(NoticeView), Type.Object({ unread: Type.Integer({ minimum: 0 }) })]);
export type NoticePage = Static<typeof NoticePage>;

export const UnreadCount = Type.Object({ unread: Type.Integer({ minimum: 0 }) });
export type UnreadCount = Static<typeof UnreadCount>;

export const MarkedRead = Type.Object({ marked: Type.Integer({ minimum: 0 }) });

export const PreferenceView = Type.Object({
  category: CategorySchema,
  mode: ModeSchema,
  mandatory: Type.Boolean({ description: 'Always sent at once; cannot be changed.' }),
});
export type PreferenceView = Static<typeof PreferenceView>;

export const PreferenceList = Type.Object({ items: Type.Array(PreferenceView) });
export type PreferenceList = Static<typeof PreferenceList>;

export const PreferencesBody = Type.Object(
  {
    preferences: Type.Array(Type.Object({ category: CategorySchema, mode: ModeSchema }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: CATEGORIES.length,
    }),
  },
  { additionalProperties: false },
);
export type PreferencesBody = Static<typeof PreferencesBody>;

export const TokenParams = Type.Object(
  { token: Type.String({ minLength: 40, maxLength: 200, pattern: '^[A-Za-z0-9_.-]+$' }) },
  { additionalProperties: false },
);

export const UnsubscribeView = Type.Object({ category: CategorySchema, mode: ModeSchema });
export type UnsubscribeView = Static<typeof UnsubscribeView>;

export const FailedEmailView = Type.Object({
  id: Type.Integer(),
  recipient: Type.Object({ id: Uuid, name: Type.String(), email: Type.String() }),
  kinds: Type.Array(KindSchema, { description: 'What the email told of (several for a digest).' }),
  attempts: Type.Integer(),
  lastError: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  actions: Type.Array(StringEnum(['retry'] as const)),
});
export type FailedEmailView = Static<typeof FailedEmailView>;

export const FailedEmailQuery = Type.Object({ ...Pagination }, { additionalProperties: false });
export type FailedEmailQuery = Static<typeof FailedEmailQuery>;

export const FailedEmailPage = Page(FailedEmailView);
export type FailedEmailPage = Static<typeof FailedEmailPage>;

export const EmailIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
