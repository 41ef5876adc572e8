// A mission report from draft to follow-up, in a real browser against the built platform: a team
// member drafts the report (a second tab saving at the same moment is refused and shown both
// texts, never silently overwritten) and submits it, the co-ordinator returns it with a comment,
// the member revises and resubmits, the co-ordinator adopts and distributes it, a delegation
// downloads the PDF; a recommendation gets a follow-up project that is marked implemented, and the
// dashboard shows it. The pages talk to their own server only and log no error.
import fs from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeJourney, journeyPlatform, sessionCheck, signInFirstTime, Watcher } from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

const PASSWORD = 'Mission-Report-2027!x';

function expectedNoise(message: ConsoleMessage): boolean {
  if (sessionCheck(message)) return true;
  // The refused save of the two-editor step, and the outside recommendation refused for want of
  // an addressee: the browser logs every 4xx answer.
  return (
    (message.text().includes('status of 409') && /\/api\/reports\/[0-9a-f-]{36}$/.test(message.location().url)) ||
    (message.text().includes('status of 400') && message.location().url.endsWith('/api/recommendations'))
  );
}

async function signIn(page: Page, origin: string, email: string, oneTimePassword: string) {
  await signInFirstTime(page, origin, { email, oneTimePassword, newPassword: PASSWORD }, { name: 'Mission reports' });
}

/** The co-ordinator's set-up through the API: two accounts, an expert profile for one, a deployed mission with that team. */
async function setUp(page: Page, origin: string) {
  const session = await (await page.request.get(`${origin}/api/auth/session`)).json();
  const headers = { 'x-csrf-token': session.csrfToken };
  const post = async (url: string, data: unknown, status = 201) => {
    const response = await page.request.post(`${origin}/api${url}`, { headers, data });
    expect(response.status(), `${url}: ${await response.text()}`).toBe(status);
    return response.json();
  };
  const member = await post('/users', {
    email: 'maria.member@example.org',
    name: 'Maria Member',
    grants: [{ role: 'expert', scopeType: 'global' }],
  });
  const delegation = await post('/users', {
    email: 'dimitra.delegation@example.org',
    name: 'Dimitra Delegation',
    grants: [{ role: 'delegation', scopeType: 'country', countryIso2: 'GR' }],
  });
  const structures = (await (await page.request.get(`${origin}/api/structures`)).json()) as Array<{ code: string; id: string }>;
  const odihr = structures.find((s) => s.code === 'ODIHR')!.id;
  const expert = await post('/roster/experts', {
    name: 'Maria Member',
    organisationId: odihr,
    userId: member.user.id,
    gender: 'female',
    nationalities: ['AT'],
    competences: [{ code: 'border_security', level: 3 }],
    languages: [{ code: 'en', speaking: 'C2', writing: 'C2' }],
  });
  const mission = await post('/missions', {
    code: 'E2E-2027-05',
    title: 'Aegean islands reception',
    hostCountries: ['GR'],
    startsOn: '2027-05-04',
    endsOn: '2027-05-18',
    teamMin: 1,
    teamMax: 2,
    consentStatus: 'given',
    consentDate: '2027-04-01',
    mandateReference: 'CIO.GAL/27/27',
  });
  await post(`/missions/${mission.id}/transitions`, { to: 'proposed' }, 200);
  await post(`/missions/${mission.id}/transitions`, { to: 'approved' }, 200);
  await post(`/missions/${mission.id}/team`, { expertIds: [expert.id] }, 200);
  await post(`/missions/${mission.id}/transitions`, { to: 'deployed' }, 200);
  return { member, delegation, odihr };
}

async function pdfText(data: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += `${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}\n`;
  }
  await pdf.destroy();
  return text.replace(/\s+/g, ' ');
}

describeJourney('mission reports journey', () => {
  const platform = journeyPlatform();

  test('draft, return, revise, adopt, distribute, download the PDF and follow a recommendation to implementation', {
    timeout: 240_000,
  }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const watcher = new Watcher(expectedNoise);
    const contexts: BrowserContext[] = [];
    const open = async () => {
      const context = await browser.newContext({
        viewport: { width: 1366, height: 900 },
        locale: 'en-GB',
        acceptDownloads: true,
      });
      contexts.push(context);
      return watcher.page(context);
    };

    const coordinator = await open();
    await signIn(coordinator, origin, server.email, server.oneTimePassword);
    const { member: memberAccount, delegation: delegationAccount, odihr } = await setUp(coordinator, origin);

    // The team member opens the report, drafts it and submits it.
    const member = await open();
    await signIn(member, origin, memberAccount.user.email, memberAccount.oneTimePassword);
    await member.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Mission reports' }).click();
    await member.getByRole('heading', { level: 1, name: 'Mission reports' }).waitFor();
    await member.getByRole('combobox', { name: 'Mission' }).selectOption({ label: 'E2E-2027-05 Aegean islands reception' });
    await member.getByRole('button', { name: 'Open report' }).click();
    await member.getByRole('heading', { level: 1, name: 'Report of mission E2E-2027-05' }).waitFor();
    await member.getByRole('textbox', { name: 'Situation overview' }).fill('Arrivals on Lesvos doubled in April.');
    await member.getByRole('textbox', { name: 'Human dimension' }).fill('Registration of asylum claims takes four months.');
    await member.getByRole('combobox', { name: 'Alert level' }).selectOption('orange');
    await member.getByRole('button', { name: 'Add a recommendation' }).click();
    await member.getByRole('textbox', { name: 'Recommendation 1' }).fill('Open a second reception centre on Lesvos.');
    const state = member.getByRole('combobox', { name: 'Addressed to a State' });
    await state.click();
    await state.fill('Gree');
    await member
      .getByRole('listbox', { name: 'Addressed to a State' })
      .getByRole('option', { name: 'Greece', exact: true })
      .click();
    await member.getByLabel('Due').fill('2020-06-30');
    await member.getByRole('button', { name: 'Save as new version' }).click();
    await member.getByText('Version 2', { exact: true }).first().waitFor();
    await expectNoRawCodes(member);
    if (process.env.E2E_SCREENSHOTS)
      await member.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'reports-editor.png'), fullPage: true });

    // Two editors at once: a second tab saves first; the first tab's save is refused and shows both texts.
    const other = await watcher.page(member.context());
    await other.goto(member.url());
    await other.getByRole('textbox', { name: 'Human dimension' }).fill('Registration takes four months; appeals take a year.');
    await other.getByRole('button', { name: 'Save as new version' }).click();
    await other.getByText('Version 3', { exact: true }).first().waitFor();
    await other.close();
    await member.getByRole('textbox', { name: 'Indicators' }).fill('Sea arrivals');
    await member.getByRole('button', { name: 'Save as new version' }).click();
    const conflict = member.getByRole('region', { name: 'Someone else saved meanwhile' });
    await conflict.getByText('Registration takes four months; appeals take a year.').waitFor();
    await conflict.getByText('Registration of asylum claims takes four months.').waitFor();
    await conflict.getByRole('button', { name: 'Take their version' }).click();
    await member.getByRole('button', { name: 'Save as new version' }).click();
    await member.getByText('Version 4', { exact: true }).first().waitFor();
    await member.getByRole('button', { name: 'Submit for review' }).click();
    await member.getByText('Submitted', { exact: true }).first().waitFor();

    // The co-ordinator returns it with a comment.
    await coordinator.goto(`${origin}/reports`);
    await coordinator.getByRole('link', { name: 'E2E-2027-05 Aegean islands reception' }).click();
    await coordinator.getByRole('heading', { level: 2, name: 'Review' }).waitFor();
    await coordinator.getByRole('textbox', { name: 'Comments for the team' }).fill('Add the security implications.');
    await coordinator.getByRole('button', { name: 'Return with comments' }).click();
    await coordinator.getByText('Returned', { exact: true }).first().waitFor();

    // The member sees the comment, revises, and the history shows what changed.
    await member.reload();
    await member.getByRole('table', { name: 'Workflow history' }).getByText('Add the security implications.').waitFor();
    await member
      .getByRole('textbox', { name: 'Security implications for the region' })
      .fill('Smuggling networks are shifting towards the land border.');
    await member.getByRole('button', { name: 'Save as new version' }).click();
    const differences = member.getByRole('region', { name: 'Differences between the two versions' });
    await differences.getByText('Smuggling networks are shifting towards the land border.').waitFor();
    await member.getByRole('button', { name: 'Submit for review' }).click();
    await member.getByText('Submitted', { exact: true }).first().waitFor();

    // The co-ordinator adopts and distributes it.
    await coordinator.reload();
    await coordinator.getByRole('button', { name: 'Adopt' }).click();
    await coordinator.getByRole('button', { name: 'Distribute to delegations' }).click();
    await coordinator.getByText('Distributed', { exact: true }).first().waitFor();

    // A delegation downloads the PDF: an official document with numbered paragraphs.
    const delegation = await open();
    await signIn(delegation, origin, delegationAccount.user.email, delegationAccount.oneTimePassword);
    await delegation.goto(`${origin}/reports`);
    await delegation.getByRole('link', { name: 'E2E-2027-05 Aegean islands reception' }).click();
    const [download] = await Promise.all([
      delegation.waitForEvent('download'),
      delegation.getByRole('link', { name: 'Download PDF' }).click(),
    ]);
    const text = await pdfText(fs.readFileSync((await download.path())!));
    expect(text).toContain('RESTRICTED');
    expect(text).toContain('1. Arrivals on Lesvos doubled in April.');
    expect(text).toContain('3. Smuggling networks are shifting towards the land border.');

    // The recommendation gets a project, which is marked implemented.
    await coordinator.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Recommendations' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Recommendation tracker' }).waitFor();
    await coordinator.getByRole('cell', { name: 'Greece', exact: true }).waitFor();
    await expectNoRawCodes(coordinator);
    await coordinator.getByRole('link', { name: '1. Open a second reception centre on Lesvos.' }).click();
    await coordinator.getByText('Late', { exact: true }).first().waitFor();
    await expectNoRawCodes(coordinator);
    await coordinator.getByRole('combobox', { name: 'Implementing organisation' }).selectOption(odihr);
    await coordinator.getByRole('textbox', { name: 'Project' }).fill('Reception capacity on Lesvos');
    await coordinator.getByRole('button', { name: 'Add project' }).click();
    await coordinator.getByRole('link', { name: 'Reception capacity on Lesvos' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Reception capacity on Lesvos' }).waitFor();
    await coordinator
      .locator('form', { has: coordinator.getByRole('button', { name: 'Save status' }) })
      .getByRole('combobox', { name: 'Status' })
      .selectOption('implemented');
    await coordinator.getByRole('button', { name: 'Save status' }).click();
    await coordinator.getByText('Implemented', { exact: true }).first().waitFor();
    await coordinator
      .locator('form', { has: coordinator.getByRole('button', { name: 'Add note' }) })
      .getByRole('textbox', { name: 'Note' })
      .fill('Second centre opened.');
    await coordinator.getByRole('button', { name: 'Add note' }).click();
    await coordinator.getByText('Second centre opened.').waitFor();

    // The dashboard shows it implemented.
    await coordinator.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Implementation' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Implementation of recommendations' }).waitFor();
    await coordinator.getByRole('img', { name: /share of adopted recommendations implemented/ }).waitFor();
    await coordinator.getByText(/1 of 1 adopted recommendations implemented \(100 %\)/).waitFor();
    await expectNoRawCodes(coordinator);
    if (process.env.E2E_SCREENSHOTS)
      await coordinator.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'reports-dashboard.png'), fullPage: true });

    // A recommendation another organisation issued joins the tracker, its issuer found by name.
    await coordinator.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Recommendations' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Recommendation tracker' }).waitFor();
    await coordinator.getByRole('button', { name: 'Add to the tracker' }).click();
    await coordinator
      .getByRole('textbox', { name: 'Recommendation' })
      .and(coordinator.locator('[aria-invalid="true"]'))
      .waitFor();
    const issuer = coordinator.getByRole('combobox', { name: 'Issued by' });
    await issuer.fill('ODIHR');
    await coordinator.getByRole('option', { name: /^ODIHR – / }).click();
    await coordinator.getByRole('textbox', { name: 'Document' }).fill('ODIHR note on reception standards');
    await coordinator.getByLabel(/^Issued on/).fill('2026-10-01');
    await coordinator
      .getByRole('textbox', { name: 'Recommendation' })
      .fill('Train reception staff on identifying victims of trafficking.');
    // It is addressed to a State or to an organisation: refused on the field until one is chosen.
    await coordinator.getByRole('button', { name: 'Add to the tracker' }).click();
    await coordinator.getByText('Choose a State or an organisation, not both.').waitFor();
    await coordinator.getByRole('combobox', { name: 'Addressed to a State' }).fill('Gree');
    await coordinator.getByRole('option', { name: 'Greece', exact: true }).click();
    await coordinator.getByRole('button', { name: 'Add to the tracker' }).click();
    await coordinator.getByRole('heading', { level: 1, name: /, recommendation 1$/ }).waitFor({ timeout: 30_000 });
    await coordinator.getByText('Train reception staff on identifying victims of trafficking.').first().waitFor();
    await coordinator
      .getByText(/ODIHR note on reception standards/)
      .first()
      .waitFor();
    await expectNoRawCodes(coordinator);

    watcher.expectClean(origin);
    for (const context of contexts) await context.close();
  });
});
