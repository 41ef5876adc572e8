import type { Context } from '../../context.js';
import { type Column, type ExportFile, renderTable } from '../export.js';
import type { ExportFormat } from '../schemas.js';
import type { KeyView } from './schemas.js';
import { getKey } from './service.js';

/** A key's shares, allocations and the contribution of each criterion, as a table. */
export async function exportKey(
  ctx: Context,
  keyId: string,
  version: number | undefined,
  format: ExportFormat,
): Promise<ExportFile> {
  const key: KeyView = await getKey(ctx, keyId, version);
  type Row = KeyView['result']['states'][number];
  const columns: Column<Row>[] = [
    { header: 'iso2', value: (r) => r.iso2 },
    { header: 'beneficiary', value: (r) => (r.beneficiary ? 'yes' : 'no') },
    ...key.definition.criteria.map(
      (c): Column<Row> => ({
        header: c.code,
        value: (r) => key.definition.states.find((s) => s.iso2 === r.iso2)?.values[c.code] ?? null,
      }),
    ),
    { header: 'share', value: (r) => r.share, format: '0.0000%' },
    { header: 'allocation', value: (r) => r.allocation },
    ...key.definition.criteria.map(
      (c, k): Column<Row> => ({
        header: `contribution_${c.code}`,
        value: (r) => r.contributions[k]?.share ?? null,
        format: '0.0000%',
      }),
    ),
    { header: 'contribution_residual', value: (r) => r.residual, format: '0.0000%' },
  ];
  const beneficiaries = key.result.states.filter((s) => s.beneficiary).map((s) => s.iso2);
  const notes = [
    `${key.name}, version ${key.version}; total ${key.total}.`,
    ...(key.description ? [key.description] : []),
    ...(beneficiaries.length > 0 ? [`Beneficiaries of the scheme, who receive nothing: ${beneficiaries.join(', ')}.`] : []),
    ...key.notes,
    ...key.sources.map((source) => `Source: ${source}`),
  ];
  return renderTable(format, `key-${key.id}`, columns, key.result.states, notes);
}
