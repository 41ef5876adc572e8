import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../http/schemas.js';

export const COUNCILS = ['MC', 'PC'] as const;
export const KINDS = ['decision', 'declaration'] as const;
export const BODIES = ['working_group', 'permanent_council', 'ministerial_council'] as const;
export const STAGES = ['drafting', 'silence', 'adopted', 'withdrawn'] as const;
export const PARTS = ['preambular', 'operative'] as const;
export const STANCES = ['agree', 'can_live', 'reservation', 'objection'] as const;
export const AMENDMENT_KINDS = ['insert', 'delete', 'replace'] as const;
export const AMENDMENT_STATUSES = ['tabled', 'taken', 'merged', 'left'] as const;
export const SILENCE_STATES = ['running', 'broken', 'passed', 'lapsed'] as const;
export const PARAGRAPH_STATES = ['agreed', 'open', 'blocked'] as const;
export const LANGUAGES = ['en', 'fr', 'de', 'it', 'ru', 'es'] as const;

export const Iso2 = Type.String({ pattern: '^[A-Z]{2}$', description: 'A participating State (ISO 3166-1 alpha-2).' });
export const Text = Type.String({ minLength: 1, maxLength: 4000 });

export const CommitmentView = Type.Object({
  id: Uuid,
  symbol: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  year: Type.Integer(),
  place: Type.Union([Type.String(), Type.Null()]),
});
export type CommitmentView = Static<typeof CommitmentView>;

export const ParagraphView = Type.Object({
  id: Uuid,
  number: Type.String({ description: 'PP2, OP3, OP3(b): changes with order; the id does not.' }),
  part: StringEnum(PARTS),
  parentId: Type.Union([Uuid, Type.Null()]),
  text: Type.String(),
  commitment: Type.Union([CommitmentView, Type.Null()]),
  state: StringEnum(PARAGRAPH_STATES),
  counts: Type.Object({
    agree: Type.Integer(),
    can_live: Type.Integer(),
    reservation: Type.Integer(),
    objection: Type.Integer(),
  }),
  /** The States that object, where the reader may see names. */
  objectors: Type.Array(Iso2),
  /** The reader's own State's position, for a delegation. */
  own: Type.Union([Type.Object({ stance: StringEnum(STANCES), reason: Type.String() }), Type.Null()]),
});
export type ParagraphView = Static<typeof ParagraphView>;

export const AmendmentView = Type.Object({
  id: Uuid,
  kind: StringEnum(AMENDMENT_KINDS),
  paragraphId: Type.Union([Uuid, Type.Null()]),
  afterParagraphId: Type.Union([Uuid, Type.Null()]),
  part: Type.Union([StringEnum(PARTS), Type.Null()]),
  oldWords: Type.Union([Type.String(), Type.Null()]),
  newWords: Type.Union([Type.String(), Type.Null()]),
  justification: Type.String(),
  sponsor: Iso2,
  cosponsors: Type.Array(Iso2),
  status: StringEnum(AMENDMENT_STATUSES),
  flagged: Type.Boolean({ description: 'Its paragraph was deleted by a revision: kept and shown, not lost.' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type AmendmentView = Static<typeof AmendmentView>;

export const SilenceView = Type.Object({
  id: Uuid,
  revisionNumber: Type.Integer(),
  deadline: Type.String({ format: 'date-time' }),
  state: StringEnum(SILENCE_STATES),
  brokenBy: Type.Union([Iso2, Type.Null()]),
  statement: Type.Union([Type.String(), Type.Null()]),
  endedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type SilenceView = Static<typeof SilenceView>;

export const StatementView = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  country: Iso2,
  text: Type.String(),
  joiners: Type.Array(Iso2),
  createdAt: Type.String({ format: 'date-time' }),
});
export type StatementView = Static<typeof StatementView>;

export const DocumentSummary = Type.Object({
  id: Uuid,
  symbol: Type.String({ description: 'MC.DD/7/16, with /Rev.k once revised' }),
  decisionSymbol: Type.Union([Type.String({ description: 'MC.DEC/3/16' }), Type.Null()]),
  kind: StringEnum(KINDS),
  title: Type.String(),
  body: StringEnum(BODIES),
  stage: StringEnum(STAGES),
  currentRevision: Type.Integer(),
  adoptedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type DocumentSummary = Static<typeof DocumentSummary>;

export const DocumentView = Type.Composite([
  DocumentSummary,
  Type.Object({
    council: StringEnum(COUNCILS),
    number: Type.Integer(),
    year: Type.Integer(),
    originalLanguage: StringEnum(LANGUAGES),
    adoptedHow: Type.Union([StringEnum(['meeting', 'silence'] as const), Type.Null()]),
    showNames: Type.Boolean(),
    paragraphs: Type.Array(ParagraphView),
    revisions: Type.Array(
      Type.Object({ number: Type.Integer(), symbol: Type.String(), issuedAt: Type.String({ format: 'date-time' }) }),
    ),
    amendments: Type.Array(AmendmentView),
    silences: Type.Array(SilenceView),
    statements: Type.Array(StatementView),
    /** The States the reader acts for (a delegation's grant). */
    ownStates: Type.Array(Iso2),
    actions: Type.Array(Type.String()),
  }),
]);
export type DocumentView = Static<typeof DocumentView>;

export const DocumentParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const ParagraphParams = Type.Object({ id: Uuid, paragraphId: Uuid }, { additionalProperties: false });
