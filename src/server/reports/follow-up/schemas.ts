import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Pagination, StringEnum, Uuid } from '../../http/schemas.js';
import { DIMENSIONS, KEY_AREAS } from '../../reference/values.js';
import { Day, Iso2 } from '../../roster/schemas.js';
import { PRIORITIES, ProjectStatus, RecommendationStatus } from '../schemas.js';

export const RECOMMENDATION_SOURCES = ['report', 'conference', 'external'] as const;
export const RecommendationSource = StringEnum(RECOMMENDATION_SOURCES);

export const RecommendationQuery = Type.Object(
  {
    status: Type.Optional(RecommendationStatus),
    addresseeCountry: Type.Optional(Iso2),
    addresseeOrganisationId: Type.Optional(Uuid),
    keyArea: Type.Optional(StringEnum(KEY_AREAS)),
    dimension: Type.Optional(StringEnum(DIMENSIONS)),
    missionId: Type.Optional(Uuid),
    source: Type.Optional(RecommendationSource),
    eventId: Type.Optional(Uuid),
    lateOnly: Type.Optional(Type.Boolean()),
    ...Pagination,
  },
  { additionalProperties: false },
);
export type RecommendationQuery = Static<typeof RecommendationQuery>;

export const ProjectView = Type.Object({
  id: Uuid,
  recommendationId: Uuid,
  organisationId: Uuid,
  organisation: Type.String(),
  title: Type.String(),
  budget: Type.Union([Type.String(), Type.Null()]),
  currency: Type.Union([Type.String(), Type.Null()]),
  startsOn: Type.Union([Type.String(), Type.Null()]),
  endsOn: Type.Union([Type.String(), Type.Null()]),
  status: ProjectStatus,
  reason: Type.Union([Type.String(), Type.Null()]),
  notes: Type.Array(
    Type.Object({ id: Uuid, notedOn: Type.String(), text: Type.String(), author: Type.Union([Type.String(), Type.Null()]) }),
  ),
  actions: Type.Array(Type.String()),
});
export type ProjectView = Static<typeof ProjectView>;

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const RecommendationView = Type.Object({
  id: Uuid,
  /** Where it comes from: a mission report, a conference of this platform, or an external organisation's document. */
  source: RecommendationSource,
  reportId: Nullable(Uuid),
  missionId: Nullable(Uuid),
  missionCode: Nullable(Type.String()),
  eventId: Nullable(Uuid),
  eventTitle: Nullable(Type.String()),
  sourceOrganisationId: Nullable(Uuid),
  sourceOrganisation: Nullable(Type.String()),
  sourceDocument: Nullable(Type.String()),
  sourceDate: Nullable(Type.String()),
  commitmentId: Nullable(Uuid),
  commitment: Nullable(Type.String()),
  position: Type.Integer(),
  text: Type.String(),
  addresseeCountry: Type.Union([Type.String(), Type.Null()]),
  addresseeOrganisationId: Type.Union([Uuid, Type.Null()]),
  addressee: Type.String(),
  keyArea: Type.String(),
  dimension: Type.String(),
  priority: StringEnum(PRIORITIES),
  dueOn: Type.Union([Type.String(), Type.Null()]),
  status: RecommendationStatus,
  late: Type.Boolean(),
  projectCount: Type.Integer(),
});
export type RecommendationView = Static<typeof RecommendationView>;

export const RecommendationDetail = Type.Composite([
  RecommendationView,
  Type.Object({ projects: Type.Array(ProjectView), actions: Type.Array(Type.String()) }),
]);
export type RecommendationDetail = Static<typeof RecommendationDetail>;

export const RecommendationPage = Type.Object({
  items: Type.Array(RecommendationView),
  total: Type.Integer({ minimum: 0 }),
  limit: Type.Integer(),
  offset: Type.Integer(),
  /** 'add': the caller may add an external organisation's recommendation. */
  actions: Type.Array(Type.String()),
});
export type RecommendationPage = Static<typeof RecommendationPage>;

const Count = Type.Object({ key: Type.String(), label: Type.String(), counts: Type.Record(Type.String(), Type.Integer()) });
export const DashboardView = Type.Object({
  total: Type.Integer(),
  late: Type.Integer(),
  byStatus: Type.Record(Type.String(), Type.Integer()),
  byAddressee: Type.Array(Count),
  byKeyArea: Type.Array(Count),
  byMission: Type.Array(Count),
  /** Per month: recommendations adopted by then, and the share of them implemented by then. */
  rate: Type.Array(
    Type.Object({ month: Type.String(), adopted: Type.Integer(), implemented: Type.Integer(), rate: Type.Number() }),
  ),
});
export type DashboardView = Static<typeof DashboardView>;

const projectFields = {
  organisationId: Uuid,
  title: Type.String({ minLength: 1, maxLength: 500 }),
  budget: Type.Union([Type.Number({ minimum: 0, maximum: 1e13 }), Type.Null()]),
  currency: Type.Union([Type.String({ pattern: '^[A-Z]{3}$' }), Type.Null()]),
  startsOn: Type.Union([Day, Type.Null()]),
  endsOn: Type.Union([Day, Type.Null()]),
  status: ProjectStatus,
  reason: Type.Union([Type.String({ maxLength: 4000 }), Type.Null()]),
};
export const CreateProjectBody = Type.Object(
  {
    organisationId: projectFields.organisationId,
    title: projectFields.title,
    budget: Type.Optional(projectFields.budget),
    currency: Type.Optional(projectFields.currency),
    startsOn: Type.Optional(projectFields.startsOn),
    endsOn: Type.Optional(projectFields.endsOn),
  },
  { additionalProperties: false },
);
export type CreateProjectBody = Static<typeof CreateProjectBody>;
export const UpdateProjectBody = Type.Object(
  {
    title: Type.Optional(projectFields.title),
    budget: Type.Optional(projectFields.budget),
    currency: Type.Optional(projectFields.currency),
    startsOn: Type.Optional(projectFields.startsOn),
    endsOn: Type.Optional(projectFields.endsOn),
    status: Type.Optional(projectFields.status),
    reason: Type.Optional(projectFields.reason),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateProjectBody = Static<typeof UpdateProjectBody>;
export const NoteBody = Type.Object(
  { notedOn: Day, text: Type.String({ minLength: 1, maxLength: 10000 }) },
  { additionalProperties: false },
);
export type NoteBody = Static<typeof NoteBody>;
export const ProjectParams = Type.Object({ id: Uuid, projectId: Uuid }, { additionalProperties: false });
export const ExportQuery = Type.Omit(RecommendationQuery, ['limit', 'offset']);
export type ExportQuery = Static<typeof ExportQuery>;

/** A recommendation an external organisation issued (UNHCR, IOM and others), entered by hand. */
export const ExternalRecommendationBody = Type.Object(
  {
    sourceOrganisationId: Uuid,
    sourceDocument: Type.String({ minLength: 1, maxLength: 500 }),
    sourceDate: Day,
    text: Type.String({ minLength: 1, maxLength: 4000 }),
    addresseeCountry: Type.Optional(Nullable(Iso2)),
    addresseeOrganisationId: Type.Optional(Nullable(Uuid)),
    keyArea: StringEnum(KEY_AREAS),
    dimension: StringEnum(DIMENSIONS),
    priority: StringEnum(PRIORITIES),
    dueOn: Type.Optional(Nullable(Day)),
    commitmentId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export type ExternalRecommendationBody = Static<typeof ExternalRecommendationBody>;

/** The commitment of the consensus register a recommendation recalls, or none. */
export const RecommendationPatch = Type.Object({ commitmentId: Nullable(Uuid) }, { additionalProperties: false });
export type RecommendationPatch = Static<typeof RecommendationPatch>;
