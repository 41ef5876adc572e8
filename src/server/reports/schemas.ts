import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../http/schemas.js';
import { Code, Day, Iso2 } from '../roster/schemas.js';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'adopted', 'distributed'] as const;
export const ReportStatus = StringEnum(REPORT_STATUSES);
export const REPORT_ACTIONS = ['submit', 'return', 'adopt', 'distribute'] as const;
export const ReportAction = StringEnum(REPORT_ACTIONS);
export const ALERT_LEVELS = ['green', 'yellow', 'orange', 'red'] as const;
export const AlertLevel = StringEnum(ALERT_LEVELS);
export const DIMENSIONS = ['politico_military', 'economic_environmental', 'human'] as const;
export const KEY_AREAS = ['solidarity', 'protection', 'trafficking', 'border_management', 'relocation_integration'] as const;
export const PRIORITIES = ['high', 'medium', 'low'] as const;
export const PROJECT_STATUSES = ['not_started', 'in_progress', 'implemented', 'not_implemented'] as const;
export const ProjectStatus = StringEnum(PROJECT_STATUSES);
/** A recommendation's status, derived from its projects. */
export const RECOMMENDATION_STATUSES = ['not_started', 'in_progress', 'implemented', 'not_implemented'] as const;
export const RecommendationStatus = StringEnum(RECOMMENDATION_STATUSES);

const Html = Type.String({ maxLength: 100_000, description: 'Rich text; sanitised to the report’s formatting subset.' });

export const DraftRecommendation = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 4000 }),
    addresseeCountry: Type.Union([Iso2, Type.Null()], { description: 'The State addressed, or null.' }),
    addresseeOrganisationId: Type.Union([Uuid, Type.Null()], { description: 'The structure addressed, or null.' }),
    keyArea: StringEnum(KEY_AREAS),
    dimension: StringEnum(DIMENSIONS),
    priority: StringEnum(PRIORITIES),
    dueOn: Type.Union([Day, Type.Null()]),
  },
  { additionalProperties: false },
);
export type DraftRecommendation = Static<typeof DraftRecommendation>;

export const ReportContent = Type.Object(
  {
    situation: Html,
    findings: Type.Object(
      { politico_military: Html, economic_environmental: Html, human: Html },
      { additionalProperties: false },
    ),
    keyAreaFindings: Type.Object(
      {
        solidarity: Html,
        protection: Html,
        trafficking: Html,
        border_management: Html,
        relocation_integration: Html,
      },
      { additionalProperties: false },
    ),
    securityImplications: Html,
    alert: Type.Object(
      {
        level: Type.Union([AlertLevel, Type.Null()]),
        rationale: Html,
        indicators: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 30 }),
      },
      { additionalProperties: false },
    ),
    recommendations: Type.Array(DraftRecommendation, { maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type ReportContent = Static<typeof ReportContent>;

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
      section: Type.String({ description: 'e.g. situation, findings.human, recommendations' }),
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
  countries: Type.Array(Type.String()),
  distributedAt: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String(),
});
export type PublicSummaryView = Static<typeof PublicSummaryView>;

export const Pdf = Type.String({ description: 'A PDF document.' });
export { Code };
