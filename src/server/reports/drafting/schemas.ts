import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { AlertLevel, ReportAction, ReportContent, ReportStatus } from '../schemas.js';

/** Why a report's text cannot be edited by the caller now; the page says so in words. */
export const READ_ONLY_REASONS = [
  'team_only_reviewer',
  'team_only',
  'submitted_team',
  'submitted_reviewer',
  'adopted',
  'distributed',
] as const;
export type ReadOnlyReason = (typeof READ_ONLY_REASONS)[number];

export const CreateReportBody = Type.Object({ missionId: Uuid }, { additionalProperties: false });
export type CreateReportBody = Static<typeof CreateReportBody>;

export const SaveReportBody = Type.Object(
  {
    baseVersion: Type.Integer({ minimum: 1, description: 'The version the edit started from.' }),
    content: ReportContent,
  },
  { additionalProperties: false },
);
export type SaveReportBody = Static<typeof SaveReportBody>;

export const TransitionBody = Type.Object(
  { action: ReportAction, comment: Type.Optional(Type.String({ maxLength: 10000 })) },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

export const PublicSummaryBody = Type.Object(
  { summary: Type.Union([Type.String({ minLength: 1, maxLength: 50_000 }), Type.Null()]) },
  { additionalProperties: false },
);
export type PublicSummaryBody = Static<typeof PublicSummaryBody>;

export const ReportSummary = Type.Object({
  id: Uuid,
  missionId: Uuid,
  missionCode: Type.String(),
  missionTitle: Type.String(),
  status: ReportStatus,
  version: Type.Integer(),
  alertLevel: Type.Union([AlertLevel, Type.Null()]),
  updatedAt: Type.String(),
  adoptedAt: Type.Union([Type.String(), Type.Null()]),
  hasPublicSummary: Type.Boolean(),
});
export type ReportSummary = Static<typeof ReportSummary>;

export const ReportView = Type.Composite([
  ReportSummary,
  Type.Object({
    mandateReference: Type.Union([Type.String(), Type.Null()]),
    countries: Type.Array(Type.String()),
    content: ReportContent,
    publicSummary: Type.Union([Type.String(), Type.Null()]),
    transitions: Type.Array(
      Type.Object({
        action: Type.String(),
        from: ReportStatus,
        to: ReportStatus,
        comment: Type.String(),
        by: Type.Union([Type.String(), Type.Null()]),
        at: Type.String(),
      }),
    ),
    /** What the caller may do now: edit, submit, return, adopt, distribute, summarise, pdf, history. */
    actions: Type.Array(Type.String()),
    /** Why the caller cannot edit the report's text now, when they cannot (see workflow.ts readOnlyReason). */
    readOnly: Type.Union([StringEnum(READ_ONLY_REASONS), Type.Null()]),
  }),
]);
export type ReportView = Static<typeof ReportView>;

export const VersionSummary = Type.Object({
  number: Type.Integer(),
  author: Type.Union([Type.String(), Type.Null()]),
  at: Type.String(),
});
export type VersionSummary = Static<typeof VersionSummary>;

export const VersionView = Type.Composite([VersionSummary, Type.Object({ content: ReportContent })]);
export type VersionView = Static<typeof VersionView>;

export const VersionParams = Type.Object(
  { id: Uuid, number: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
  { additionalProperties: false },
);
export const DiffQuery = Type.Object(
  { from: Type.Integer({ minimum: 1, maximum: 1_000_000 }), to: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
  { additionalProperties: false },
);
export type DiffQuery = Static<typeof DiffQuery>;
export const DiffView = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  sections: Type.Array(
    Type.Object({
      section: Type.String({
        description:
          'e.g. situation, findings.human, recommendations, alert.level, recommendation.1.addressee (coded sections hold the bare code)',
      }),
      changed: Type.Boolean(),
      parts: Type.Array(Type.Object({ kind: StringEnum(['same', 'added', 'removed'] as const), text: Type.String() })),
    }),
  ),
});
export type DiffView = Static<typeof DiffView>;

export const PublicSummaryView = Type.Object({
  id: Uuid,
  missionCode: Type.String(),
  missionTitle: Type.String(),
  countries: Type.Array(Type.String(), {
    description: 'ISO 3166-1 alpha-2 codes of the host countries, for the reader to name in their language.',
  }),
  distributedAt: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String(),
});
export type PublicSummaryView = Static<typeof PublicSummaryView>;

export const Pdf = Type.String({ description: 'A PDF document.' });
