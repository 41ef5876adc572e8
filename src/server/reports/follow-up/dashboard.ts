import type { Context } from '../../context.js';
import { type SheetColumn as Column, tableCsv, tableXlsx } from '../../files/sheet-writer.js';
import type { DashboardView, ExportQuery, RecommendationView } from './schemas.js';
import { filteredRecommendations, filteredRows, statusOf, today } from './service.js';

type Count = DashboardView['byAddressee'][number];

function countBy(items: readonly RecommendationView[], key: (r: RecommendationView) => [string, string]): Count[] {
  const groups = new Map<string, Count>();
  for (const r of items) {
    const [k, label] = key(r);
    let group = groups.get(k);
    if (!group) {
      group = {
        key: k,
        label,
        counts: { total: 0, late: 0, not_started: 0, in_progress: 0, implemented: 0, not_implemented: 0 },
      };
      groups.set(k, group);
    }
    group.counts.total! += 1;
    group.counts[r.status]! += 1;
    if (r.late) group.counts.late! += 1;
  }
  return [...groups.values()].sort((a, b) => b.counts.total! - a.counts.total! || a.label.localeCompare(b.label));
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const end = last.slice(0, 7);
  for (let guard = 0; guard < 600; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= end) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
}

/**
 * The implementation dashboard: recommendations by status, addressee, key area and mission, the
 * late ones counted, and the implementation rate month by month (implemented by the end of a
 * month ÷ adopted by then; a recommendation counts as implemented from its last project's change).
 */
export async function dashboard(ctx: Context, query: ExportQuery): Promise<DashboardView> {
  const filtered = await filteredRows(ctx, query);
  const items = filtered.map((r) => r.view);
  const rows = filtered.map((r) => r.row);
  const now = today();
  const byStatus: Record<string, number> = { not_started: 0, in_progress: 0, implemented: 0, not_implemented: 0 };
  for (const r of items) byStatus[r.status]! += 1;
  // Count adoptions and implementations per month once, then accumulate along the months.
  const adoptedIn = new Map<string, number>();
  const implementedIn = new Map<string, number>();
  for (const r of rows) {
    const month = new Date(r.adopted_at!).toISOString().slice(0, 7);
    adoptedIn.set(month, (adoptedIn.get(month) ?? 0) + 1);
    if (statusOf(r) === 'implemented' && r.last_change) {
      const done = new Date(r.last_change).toISOString().slice(0, 7);
      implementedIn.set(done, (implementedIn.get(done) ?? 0) + 1);
    }
  }
  const first = [...adoptedIn.keys()].sort()[0];
  let adopted = 0;
  let implemented = 0;
  const rate = first
    ? monthsBetween(first, now).map((month) => {
        adopted += adoptedIn.get(month) ?? 0;
        implemented += implementedIn.get(month) ?? 0;
        return { month, adopted, implemented, rate: adopted === 0 ? 0 : Math.round((implemented / adopted) * 1000) / 1000 };
      })
    : [];
  return {
    total: items.length,
    late: items.filter((r) => r.late).length,
    byStatus,
    byAddressee: countBy(items, (r) => [r.addresseeCountry ?? r.addresseeOrganisationId!, r.addressee]),
    byKeyArea: countBy(items, (r) => [r.keyArea, r.keyArea]),
    // Missions, conferences and external organisations' documents, each a source of its own.
    byMission: countBy(items, (r) => sourceKey(r)),
    rate,
  };
}

/** A recommendation's source as a key and a label: its mission, its conference or its organisation's document. */
function sourceKey(r: RecommendationView): [string, string] {
  if (r.source === 'conference') return [r.eventId!, r.eventTitle ?? ''];
  if (r.source === 'external')
    return [`${r.sourceOrganisationId}:${r.sourceDocument}`, `${r.sourceOrganisation}: ${r.sourceDocument}`];
  return [r.missionId!, r.missionCode ?? ''];
}

const COLUMNS: Column<RecommendationView>[] = [
  { header: 'Mission', value: (r) => r.missionCode },
  { header: 'No.', value: (r) => r.position },
  { header: 'Recommendation', value: (r) => r.text },
  { header: 'Addressee', value: (r) => r.addressee },
  { header: 'Key area', value: (r) => r.keyArea },
  { header: 'Dimension', value: (r) => r.dimension },
  { header: 'Priority', value: (r) => r.priority },
  { header: 'Due', value: (r) => r.dueOn },
  { header: 'Status', value: (r) => r.status },
  { header: 'Late', value: (r) => (r.late ? 'yes' : 'no') },
  { header: 'Projects', value: (r) => r.projectCount },
  { header: 'Source', value: (r) => r.source },
  { header: 'Conference', value: (r) => r.eventTitle },
  { header: 'Issued by', value: (r) => r.sourceOrganisation },
  { header: 'Document', value: (r) => r.sourceDocument },
  { header: 'Commitment', value: (r) => r.commitment },
];

/** The tracker's rows, as the caller may see and filter them, as CSV or XLSX. */
export async function exportRecommendations(ctx: Context, query: ExportQuery, format: 'csv' | 'xlsx') {
  const items = await filteredRecommendations(ctx, query);
  const filename = `recommendations-${today()}.${format}`;
  const body =
    format === 'csv'
      ? tableCsv(COLUMNS, items)
      : await tableXlsx('Recommendations', COLUMNS, items, [`Exported ${today()} from Crossroads; late ones first.`]);
  return { kind: format, filename, body };
}
