import { createHash } from 'node:crypto';
import type { Db } from '../drafting/queries.js';
import type { ContributionStatus } from '../tables.js';
import * as q from './queries.js';

/** A fixed identifier per demonstration contribution, so that seeding twice adds nothing. */
function demoId(name: string): string {
  const hex = createHash('sha256').update(`crossroads-demo-contribution:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface DemoContribution {
  project: string;
  state?: string;
  donor?: string;
  amount: number;
  currency: string;
  status: ContributionStatus;
  on: string;
  note: string;
}

/** States and donors funding the demonstration projects beside the unified budget, in their own currencies. */
const CONTRIBUTIONS: DemoContribution[] = [
  {
    project: 'Cross-border liaison and joint risk analysis',
    state: 'DE',
    amount: 120000,
    currency: 'EUR',
    status: 'received',
    on: '2025-03-10',
    note: 'Federal Foreign Office grant',
  },
  {
    project: 'Cross-border liaison and joint risk analysis',
    state: 'CH',
    amount: 50000,
    currency: 'CHF',
    status: 'confirmed',
    on: '2025-04-02',
    note: '',
  },
  {
    project: 'Cross-border liaison and joint risk analysis',
    donor: 'EU',
    amount: 60000,
    currency: 'EUR',
    status: 'pledged',
    on: '2025-06-18',
    note: 'Second year, subject to approval',
  },
  {
    project: 'Child-sensitive border procedures training',
    state: 'NO',
    amount: 400000,
    currency: 'NOK',
    status: 'received',
    on: '2025-02-14',
    note: '',
  },
  {
    project: 'Child-sensitive border procedures training',
    state: 'US',
    amount: 25000,
    currency: 'USD',
    status: 'withdrawn',
    on: '2025-01-20',
    note: 'Withdrawn at the end of the fiscal year',
  },
  {
    project: 'Mediators at disembarkation',
    donor: 'IOM',
    amount: 30000,
    currency: 'USD',
    status: 'confirmed',
    on: '2025-05-05',
    note: 'In-kind staff time valued at cost',
  },
  {
    project: 'Follow the money: regional workshops',
    state: 'GB',
    amount: 20000,
    currency: 'GBP',
    status: 'pledged',
    on: '2025-09-01',
    note: '',
  },
];

/** Adds the demonstration contributions to the demonstration projects; idempotent. */
export async function seedContributionsDemo(db: Db): Promise<void> {
  const projects = await db.selectFrom('follow_up_project').select(['id', 'title']).execute();
  const byTitle = new Map(projects.map((p) => [p.title, p.id]));
  const donors = await db.selectFrom('organisation').select(['id', 'code']).where('code', 'in', ['EU', 'IOM']).execute();
  const donorIds = new Map(donors.map((d) => [d.code, d.id]));
  for (const c of CONTRIBUTIONS) {
    const projectId = byTitle.get(c.project);
    const organisationId = c.donor ? donorIds.get(c.donor) : undefined;
    if (!projectId || (c.donor && !organisationId)) continue;
    await q.insertContribution(db, {
      id: demoId(`${c.project}:${c.state ?? c.donor}:${c.on}`),
      project_id: projectId,
      contributor_country_iso2: c.state ?? null,
      contributor_organisation_id: organisationId ?? null,
      amount: c.amount,
      currency: c.currency,
      status: c.status,
      contributed_on: c.on,
      note: c.note,
      created_by: null,
      updated_by: null,
    });
  }
}
