import { Type } from '@sinclair/typebox';

/** Schemas shared by the domain's resources: keys, ledger, fulfilment and burden. */
export const Iso2 = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code.' });

export const FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof FORMATS)[number];

export const FileBody = Type.String({ description: 'The file: CSV text or an XLSX workbook.' });
