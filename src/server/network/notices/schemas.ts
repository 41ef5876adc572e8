import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';

export const SUBREGIONS = [
  'western_europe_north_america',
  'south_eastern_europe',
  'eastern_europe',
  'south_caucasus',
  'central_asia',
] as const;

export const NoticeBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    body: Type.String({ minLength: 1, maxLength: 8000 }),
    urgent: Type.Optional(Type.Boolean()),
    /** Only the members in this sub-region; all members when left out. */
    subregion: Type.Optional(StringEnum(SUBREGIONS)),
  },
  { additionalProperties: false },
);
export type NoticeBody = Static<typeof NoticeBody>;

export const CommentBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });
export type CommentBody = Static<typeof CommentBody>;

export const NoticeSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  body: Type.String(),
  urgent: Type.Boolean(),
  subregion: Type.Union([StringEnum(SUBREGIONS), Type.Null()]),
  author: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  recipients: Type.Integer(),
  acknowledged: Type.Integer(),
  /** The caller's own acknowledgement, when the notice was sent to them. */
  mine: Type.Union([Type.Object({ acknowledgedAt: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  actions: Type.Array(StringEnum(['acknowledge', 'comment'] as const)),
});
export type NoticeSummary = Static<typeof NoticeSummary>;

export const NoticeList = Type.Object({
  items: Type.Array(NoticeSummary),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type NoticeList = Static<typeof NoticeList>;

export const NoticeDetail = Type.Intersect([
  NoticeSummary,
  Type.Object({
    /** Who has and has not acknowledged: for the sender and the co-ordinator only. */
    acknowledgements: Type.Union([
      Type.Array(
        Type.Object({
          userId: Uuid,
          name: Type.String(),
          country: Type.Union([Type.String(), Type.Null()]),
          acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
        }),
      ),
      Type.Null(),
    ]),
    comments: Type.Array(
      Type.Object({ id: Uuid, author: Type.Union([Type.String(), Type.Null()]), body: Type.String(), createdAt: Type.String() }),
    ),
  }),
]);
export type NoticeDetail = Static<typeof NoticeDetail>;

export const NoticeQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type NoticeQuery = Static<typeof NoticeQuery>;
