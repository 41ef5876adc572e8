import type { ColumnType, Generated } from 'kysely';
import type { Audience } from './schemas.js';

type DateText = ColumnType<string, string, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export type NominationStatus = 'nominated' | 'selected' | 'waitlisted' | 'declined';
export type TestKind = 'pre' | 'post';

export interface TrainingCourseTable {
  id: Generated<string>;
  code: string;
  title: string;
  objectives: Generated<string>;
  provider_code: string;
  audiences: TextArray;
  duration_hours: number;
  languages: TextArray;
  prerequisites: Generated<string>;
  key_area_code: string;
  grants_prerequisite: string | null;
  grants_validity_months: number | null;
  grants_competence: string | null;
  grants_level: number | null;
  created_at: Generated<Date>;
}

export interface TrainingQuestionTable {
  id: Generated<string>;
  course_id: string;
  position: number;
  text: string;
  options: ColumnType<string[], string, string>;
  correct: number;
}

export interface TrainingSessionTable {
  id: Generated<string>;
  course_id: string;
  starts_on: DateText;
  ends_on: DateText;
  online: boolean;
  venue: Generated<string>;
  language_code: string;
  capacity: number;
  host_organisation_id: string | null;
  agenda: Generated<string>;
  materials: ColumnType<Array<{ title: string; url: string }>, string | undefined, string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface TrainingMaterialTable {
  id: Generated<string>;
  session_id: string;
  title: string;
  file_name: string;
  media_type: string;
  byte_size: number;
  sha256: Buffer;
  content: Buffer;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
}

export interface TrainingTrainerTable {
  id: Generated<string>;
  session_id: string;
  expert_id: string | null;
  external_name: string | null;
  position: Generated<number>;
}

export interface TrainingNominationTable {
  id: Generated<string>;
  session_id: string;
  country_iso2: string;
  name: string;
  email: string | null;
  user_id: string | null;
  expert_id: string | null;
  function: string;
  agency_type: Audience;
  gender: 'female' | 'male' | 'other' | 'undisclosed';
  languages: TextArray;
  consent: boolean;
  status: Generated<NominationStatus>;
  reason: Generated<string>;
  nominated_by: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  completed_on: DateText | null;
  created_at: Generated<Date>;
}

export interface TrainingAttendanceTable {
  nomination_id: string;
  day: DateText;
  present: boolean;
}

export interface TrainingAttemptTable {
  nomination_id: string;
  kind: TestKind;
  answers: ColumnType<number[], string, string>;
  score: number;
  max_score: number;
  submitted_at: Generated<Date>;
}

export interface TrainingEvaluationTable {
  id: Generated<string>;
  session_id: string;
  relevance: number;
  content: number;
  trainers: number;
  organisation: number;
  comment: Generated<string>;
}

export interface TrainingEvaluationReceiptTable {
  nomination_id: string;
}

export interface TrainingCertificateTable {
  id: Generated<string>;
  nomination_id: string;
  code: string;
  payload: string;
  signature: string;
  issued_at: Generated<Date>;
  revoked_at: Date | null;
  revoked_reason: string | null;
}

export interface TrainingSigningKeyTable {
  id: number;
  private_pem: string;
  public_pem: string;
  created_at: Generated<Date>;
}

/** The training domain's tables. */
export interface TrainingTables {
  training_course: TrainingCourseTable;
  training_question: TrainingQuestionTable;
  training_session: TrainingSessionTable;
  training_trainer: TrainingTrainerTable;
  training_material: TrainingMaterialTable;
  training_nomination: TrainingNominationTable;
  training_attendance: TrainingAttendanceTable;
  training_attempt: TrainingAttemptTable;
  training_evaluation: TrainingEvaluationTable;
  training_evaluation_receipt: TrainingEvaluationReceiptTable;
  training_certificate: TrainingCertificateTable;
  training_signing_key: TrainingSigningKeyTable;
}

declare module '../db/schema.js' {
  interface DB extends TrainingTables {}
}
