import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../http/schemas.js';
import { DIMENSIONS, KEY_AREAS } from '../reference/values.js';
import { Code, Day, Iso2 } from '../roster/schemas.js';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'adopted', 'distributed'] as const;
export const ReportStatus = StringEnum(REPORT_STATUSES);
export const REPORT_ACTIONS = ['submit', 'return', 'adopt', 'distribute'] as const;
export const ReportAction = StringEnum(REPORT_ACTIONS);
export const ALERT_LEVELS = ['green', 'yellow', 'orange', 'red'] as const;
export const AlertLevel = StringEnum(ALERT_LEVELS);
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

export { Code };
