import type { Context } from '../../context.js';
import { type Column, type ExportFile, renderTable } from '../export.js';
import type { ExportFormat } from '../schemas.js';
import type { PledgeView } from './schemas.js';
import { listPledges } from './service.js';

/** The pledge ledger as it stands. */
export async function exportPledges(ctx: Context, format: ExportFormat): Promise<ExportFile> {
  const pledges = await listPledges(ctx, {});
  const columns: Column<PledgeView>[] = [
    { header: 'id', value: (r) => r.id },
    { header: 'iso2', value: (r) => r.countryIso2 },
    { header: 'state', value: (r) => r.countryName },
    { header: 'type', value: (r) => r.type },
    { header: 'quantity', value: (r) => r.quantity },
    { header: 'currency', value: (r) => r.currency },
    { header: 'for_state', value: (r) => r.beneficiaryIso2 },
    { header: 'pledged_on', value: (r) => r.pledgedOn },
    { header: 'due_on', value: (r) => r.dueOn },
    { header: 'status', value: (r) => r.status },
    { header: 'relocated', value: (r) => r.delivered },
    { header: 'revision', value: (r) => r.revision },
    { header: 'description', value: (r) => r.description },
  ];
  return renderTable(format, 'pledges', columns, pledges, []);
}
