import type { ColumnType, Generated } from 'kysely';

type DateText = ColumnType<string, string, string>;

export type FocalPointStatus = 'nominated' | 'confirmed' | 'withdrawn';
export type DocumentType = 'law' | 'sop' | 'manual' | 'training' | 'evaluation' | 'good_practice';
export type DocumentAccess = 'public' | 'network' | 'staff' | 'groups';
export type Extraction = 'pending' | 'running' | 'done' | 'failed';

export interface NetworkFocalPointTable {
  id: Generated<string>;
  country_iso2: string;
  user_id: string;
  agency: string;
  function: Generated<string>;
  expertise: Generated<string>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  status: Generated<FocalPointStatus>;
  nominated_by: string | null;
  nominated_at: Generated<Date>;
  confirmed_by: string | null;
  confirmed_at: Date | null;
  expires_on: DateText | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LibraryGroupTable {
  id: Generated<string>;
  name: string;
  created_at: Generated<Date>;
}

export interface LibraryGroupMemberTable {
  group_id: string;
  user_id: string;
}

export interface LibraryDocumentTable {
  id: Generated<string>;
  title: string;
  summary: Generated<string>;
  doc_type: DocumentType;
  country_iso2: string | null;
  key_areas: ColumnType<string[], string[] | undefined, string[]>;
  language: string;
  issued_on: DateText | null;
  source_organisation: Generated<string>;
  licence: Generated<string>;
  access: Generated<DocumentAccess>;
  current_version: Generated<number>;
  body_text: Generated<string>;
  search_doc: ColumnType<unknown, never, never>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LibraryDocumentGroupTable {
  document_id: string;
  group_id: string;
}

export interface LibraryVersionTable {
  document_id: string;
  version: number;
  file_name: string;
  media_type: string;
  byte_size: number;
  sha256: Buffer;
  content: Buffer;
  page_count: number | null;
  extraction: Generated<Extraction>;
  pages_done: Generated<number>;
  has_text_layer: boolean | null;
  text: Generated<string>;
  extraction_error: string | null;
  claimed_until: Date | null;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
}

export interface NetworkNoticeTable {
  id: Generated<string>;
  title: string;
  body: string;
  urgent: Generated<boolean>;
  subregion: string | null;
  author_id: string | null;
  created_at: Generated<Date>;
}

export interface NetworkNoticeRecipientTable {
  notice_id: string;
  user_id: string;
  acknowledged_at: Date | null;
}

export interface NetworkNoticeCommentTable {
  id: Generated<string>;
  notice_id: string;
  author_id: string | null;
  body: string;
  created_at: Generated<Date>;
}

export interface NetworkRequestTable {
  id: Generated<string>;
  title: string;
  question: string;
  key_areas: ColumnType<string[], string[] | undefined, string[]>;
  country_iso2: string | null;
  subregion: string | null;
  author_id: string | null;
  document_id: string | null;
  created_at: Generated<Date>;
}

export interface NetworkAnswerTable {
  id: Generated<string>;
  request_id: string;
  author_id: string | null;
  body: string;
  best: Generated<boolean>;
  created_at: Generated<Date>;
}

/** The network's and the library's tables. */
export interface NetworkTables {
  network_focal_point: NetworkFocalPointTable;
  library_group: LibraryGroupTable;
  library_group_member: LibraryGroupMemberTable;
  library_document: LibraryDocumentTable;
  library_document_group: LibraryDocumentGroupTable;
  library_version: LibraryVersionTable;
  network_notice: NetworkNoticeTable;
  network_notice_recipient: NetworkNoticeRecipientTable;
  network_notice_comment: NetworkNoticeCommentTable;
  network_request: NetworkRequestTable;
  network_answer: NetworkAnswerTable;
}

declare module '../db/schema.js' {
  interface DB extends NetworkTables {}
}
