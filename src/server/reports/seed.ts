import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordFeed } from '../warning/feed.js';
import { seedContributionsDemo } from './contributions/demo.js';
import * as q from './drafting/queries.js';
import { ALERT_VALUES } from './drafting/workflow.js';
import { seedReportContextDemo } from './people-met/demo.js';
import type { ReportContent } from './schemas.js';
import { type DemoReport, REPORTS } from './seed-data.js';
import type { ReportStatus } from './tables.js';

function contentOf(r: DemoReport, orgIds: Map<string, string>): ReportContent {
  return {
    situation: r.situation,
    findings: { politico_military: '', economic_environmental: '', human: r.human },
    keyAreaFindings: { solidarity: '', protection: '', trafficking: '', border_management: r.border, relocation_integration: '' },
    securityImplications: r.security,
    alert: { level: r.level, rationale: r.rationale, indicators: r.indicators },
    recommendations: r.recommendations.map((x) => ({
      text: x.text,
      addresseeCountry: /^[A-Z]{2}$/.test(x.to) ? x.to : null,
      addresseeOrganisationId: /^[A-Z]{2}$/.test(x.to) ? null : orgIds.get(x.to)!,
      keyArea: x.keyArea,
      dimension: x.dimension,
      priority: x.priority,
      dueOn: x.due,
    })),
  };
}

/** Adopted, distributed and submitted reports for the closed demo missions, with follow-up at every stage; idempotent. */
export async function seedReportsDemo(db: Kysely<DB>): Promise<void> {
  if (await db.selectFrom('mission_report').select('id').limit(1).executeTakeFirst()) return seedContributionsDemo(db);
  await db.transaction().execute(async (trx) => {
    const missions = await trx.selectFrom('mission').select(['id', 'code']).execute();
    const missionIds = new Map(missions.map((m) => [m.code, m.id]));
    const orgs = await trx.selectFrom('organisation').select(['id', 'code']).where('code', 'is not', null).execute();
    const orgIds = new Map(orgs.map((o) => [o.code!, o.id]));
    const coordinator = await trx
      .selectFrom('role_grant')
      .select('user_id')
      .where('role', '=', 'coordinator')
      .orderBy('created_at')
      .executeTakeFirst();
    for (const r of REPORTS) {
      const missionId = missionIds.get(r.mission);
      if (!missionId) continue;
      const content = contentOf(r, orgIds);
      const first = { ...content, recommendations: content.recommendations.slice(0, 1), securityImplications: '' };
      const id = await q.insertReport(trx, missionId, null, first);
      await q.insertVersion(trx, id, 2, content, null);
      const adopted = r.status === 'adopted' || r.status === 'distributed';
      await trx
        .updateTable('mission_report')
        .set({
          version: 2,
          status: r.status,
          adopted_at: adopted ? `${r.adopted}T10:00:00Z` : null,
          distributed_at: r.status === 'distributed' ? `${r.adopted}T15:00:00Z` : null,
          public_summary: r.summary ?? null,
          updated_at: `${r.adopted}T15:00:00Z`,
        })
        .where('id', '=', id)
        .execute();
      const moves: Array<[string, ReportStatus, ReportStatus]> = [['submit', 'draft', 'submitted']];
      if (adopted) moves.push(['adopt', 'submitted', 'adopted']);
      if (r.status === 'distributed') moves.push(['distribute', 'adopted', 'distributed']);
      for (const [action, from, to] of moves) {
        await trx
          .insertInto('mission_report_transition')
          .values({
            report_id: id,
            action,
            from_status: from,
            to_status: to,
            comment: '',
            actor_id: coordinator?.user_id ?? null,
            at: `${r.adopted}T09:00:00Z`,
          })
          .execute();
      }
      if (!adopted) continue;
      await q.insertRecommendations(trx, id, content.recommendations);
      const recs = await trx
        .selectFrom('recommendation')
        .select(['id', 'position'])
        .where('report_id', '=', id)
        .orderBy('position')
        .execute();
      for (const [i, rec] of r.recommendations.entries()) {
        for (const project of rec.projects) {
          const { id: projectId } = await trx
            .insertInto('follow_up_project')
            .values({
              recommendation_id: recs[i]!.id,
              organisation_id: orgIds.get(project.org)!,
              title: project.title,
              budget: project.budget,
              currency: project.currency,
              starts_on: project.starts,
              ends_on: project.ends,
              status: project.status,
              reason: project.reason ?? null,
              status_changed_at: `${project.changed}T12:00:00Z`,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          for (const [notedOn, text] of project.notes) {
            await trx
              .insertInto('follow_up_note')
              .values({ project_id: projectId, noted_on: notedOn, text, author_id: null })
              .execute();
          }
        }
      }
      const countries = await q.selectMissionCountries(trx, [missionId]);
      await recordFeed(trx, {
        indicatorCode: 'mission_alert_level',
        source: `Crossroads mission report ${r.mission}`,
        actorId: null,
        values: countries.map((c) => ({
          country: c.country_iso2,
          period: `${r.adopted.slice(0, 7)}-01`,
          value: ALERT_VALUES[r.level],
        })),
      });
    }
    await seedReportContextDemo(trx);
  });
  await seedContributionsDemo(db);
}
