import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type Council = 'MC' | 'PC';
export type DocumentKind = 'decision' | 'declaration';
export type Body = 'working_group' | 'permanent_council' | 'ministerial_council';
export type Stage = 'drafting' | 'silence' | 'adopted' | 'withdrawn';
export type Part = 'preambular' | 'operative';
export type AmendmentKind = 'insert' | 'delete' | 'replace';
export type AmendmentStatus = 'tabled' | 'taken' | 'merged' | 'left';
export type Stance = 'agree' | 'can_live' | 'reservation' | 'objection';
export type SilenceState = 'running' | 'broken' | 'passed' | 'lapsed';

/** One paragraph as a revision froze it. */
export interface FrozenParagraph {
  id: string;
  part: Part;
  parentId: string | null;
  text: string;
  commitmentId: string | null;
}

export interface ConsensusCommitmentTable {
  id: Generated<string>;
  symbol: string | null;
  title: string;
  year: number;
  place: string | null;
  created_at: Generated<Date>;
}

export interface ConsensusDocumentTable {
  id: Generated<string>;
  council: Council;
  number: number;
  year: number;
  kind: Generated<DocumentKind>;
  title: string;
  body: Body;
  stage: Generated<Stage>;
  original_language: Generated<string>;
  current_revision: Generated<number>;
  decision_number: number | null;
  adopted_at: Timestamp | null;
  adopted_how: 'meeting' | 'silence' | null;
  show_names: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ConsensusParagraphTable {
  id: Generated<string>;
  document_id: string;
  part: Part;
  parent_id: string | null;
  position: number;
  text: string;
  commitment_id: string | null;
  deleted: Generated<boolean>;
}

export interface ConsensusRevisionTable {
  id: Generated<string>;
  document_id: string;
  number: number;
  paragraphs: Json<FrozenParagraph[]>;
  issued_at: Generated<Date>;
  issued_by: string | null;
}

export interface ConsensusAmendmentTable {
  id: Generated<string>;
  document_id: string;
  kind: AmendmentKind;
  paragraph_id: string | null;
  after_paragraph_id: string | null;
  part: Part | null;
  old_words: string | null;
  new_words: string | null;
  justification: Generated<string>;
  sponsor_iso2: string;
  status: Generated<AmendmentStatus>;
  flagged: Generated<boolean>;
  decided_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ConsensusCosponsorTable {
  amendment_id: string;
  country_iso2: string;
}

export interface ConsensusPositionTable {
  paragraph_id: string;
  country_iso2: string;
  document_id: string;
  stance: Stance;
  reason: Generated<string>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface ConsensusSilenceTable {
  id: Generated<string>;
  document_id: string;
  revision_number: number;
  deadline: Timestamp;
  state: Generated<SilenceState>;
  broken_by_iso2: string | null;
  statement: string | null;
  started_by: string | null;
  started_at: Generated<Date>;
  ended_at: Timestamp | null;
  /** When the delegations were reminded of the coming deadline; claimed once. */
  reminded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ConsensusStatementTable {
  id: Generated<string>;
  document_id: string;
  number: number;
  country_iso2: string;
  text: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ConsensusStatementJoinerTable {
  statement_id: string;
  country_iso2: string;
}

export interface ConsensusEventTable {
  id: ColumnType<string, never, never>;
  document_id: string;
  kind: string;
  at: Generated<Date>;
}

/** The consensus drafting tables. */
export interface ConsensusTables {
  consensus_commitment: ConsensusCommitmentTable;
  consensus_document: ConsensusDocumentTable;
  consensus_paragraph: ConsensusParagraphTable;
  consensus_revision: ConsensusRevisionTable;
  consensus_amendment: ConsensusAmendmentTable;
  consensus_cosponsor: ConsensusCosponsorTable;
  consensus_position: ConsensusPositionTable;
  consensus_silence: ConsensusSilenceTable;
  consensus_statement: ConsensusStatementTable;
  consensus_statement_joiner: ConsensusStatementJoinerTable;
  consensus_event: ConsensusEventTable;
}

declare module '../db/schema.js' {
  interface DB extends ConsensusTables {}
}
