// An expert becomes a report writer without the API: the co-ordinator invites a roster expert to
// an account from the expert's page (the one-time password shown once), the account shows its
// roster profile on the users page, the expert signs in, opens the mission's report, drafts and
// submits it; a co-ordinator opening the draft is told why it is read-only for them, and the
// expert is told why once it is submitted. The pages talk to their own server only and log no error.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { type ApiCall, apiSignIn, describeJourney, journeyPlatform, signInFirstTime, Watcher } from './browser.js';

const PASSWORD = 'Expert-Account-2027!x';
const EXPERT_EMAIL = 'jonas.berger@example.org';

/** The scene through the API: a roster expert with no account, on the team of a deployed mission. */
async function setUp(call: ApiCall): Promise<{ expertId: string }> {
  const structures = await call<Array<{ code: string; id: string }>>('GET', '/structures');
  const odihr = structures.find((s) => s.code === 'ODIHR')!.id;
  const expert = await call<{ id: string; userId: string | null }>('POST', '/roster/experts', {
    name: 'Jonas Berger',
    organisationId: odihr,
    gender: 'male',
    nationalities: ['AT'],
    competences: [{ code: 'border_security', level: 2 }],
    languages: [{ code: 'de', speaking: 'C2', writing: 'C2' }],
  });
  expect(expert.userId).toBeNull();
  const mission = await call<{ id: string }>('POST', '/missions', {
    code: 'E2E-2027-09',
    title: 'Western Balkans route',
    hostCountries: ['RS'],
    startsOn: '2027-09-06',
    endsOn: '2027-09-17',
    teamMin: 1,
    teamMax: 2,
    consentStatus: 'given',
    consentDate: '2027-08-01',
    mandateReference: 'CIO.GAL/91/27',
  });
  await call('POST', `/missions/${mission.id}/transitions`, { to: 'proposed' });
  await call('POST', `/missions/${mission.id}/transitions`, { to: 'approved' });
  await call('POST', `/missions/${mission.id}/team`, { expertIds: [expert.id] });
  await call('POST', `/missions/${mission.id}/transitions`, { to: 'deployed' });
  return { expertId: expert.id };
}

async function readOnlyReason(page: Page): Promise<string> {
  return ((await page.getByTestId('read-only-reason').textContent()) ?? '').trim();
}

describeJourney('expert account journey', () => {
  const platform = journeyPlatform();

  test('a co-ordinator invites a roster expert, who signs in, drafts and submits the mission report', {
    timeout: 240_000,
  }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const watcher = new Watcher();
    const desk = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    const coordinator = await watcher.page(desk);
    await signInFirstTime(
      coordinator,
      origin,
      { email: server.email, oneTimePassword: server.oneTimePassword, newPassword: PASSWORD },
      { name: 'Mission reports' },
    );
    const { expertId } = await setUp(await apiSignIn(origin, server.email, PASSWORD));

    // The expert's page says no account is linked; the co-ordinator invites the expert to one.
    await coordinator.goto(`${origin}/roster/experts/${expertId}`);
    await coordinator.getByRole('heading', { level: 1, name: 'Jonas Berger' }).waitFor();
    const account = coordinator.getByRole('region', { name: 'Account' });
    await account.getByText('No account is linked to this expert').waitFor();
    await account.getByRole('button', { name: 'Invite to an account' }).click();
    const invite = coordinator.getByRole('dialog', { name: 'Invite Jonas Berger to an account' });
    await invite.getByRole('textbox', { name: 'Email' }).fill(EXPERT_EMAIL);
    await invite.getByRole('button', { name: 'Create the account' }).click();
    const oneTimePassword = ((await invite.getByTestId('one-time-password').textContent()) ?? '').trim();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    await invite.getByRole('button', { name: 'Done' }).click();
    await account.getByText(`Signs in as ${EXPERT_EMAIL}`).waitFor();
    await account.getByRole('button', { name: 'Unlink the account' }).waitFor();

    // The users page shows the account's roster profile, linked both ways.
    await coordinator.goto(`${origin}/users`);
    const row = coordinator.getByRole('row', { name: /Jonas Berger/ });
    await row.getByRole('link', { name: 'Roster profile: Jonas Berger' }).waitFor();

    // The expert signs in with the one-time password, opens the mission's report and drafts it.
    const home = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const expert = await watcher.page(home);
    await signInFirstTime(
      expert,
      origin,
      { email: EXPERT_EMAIL, oneTimePassword, newPassword: PASSWORD },
      { name: 'Mission reports' },
    );
    await expert.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Mission reports' }).click();
    await expert.getByRole('heading', { level: 1, name: 'Mission reports' }).waitFor();
    await expert.getByRole('combobox', { name: 'Mission' }).selectOption({ label: 'E2E-2027-09 Western Balkans route' });
    await expert.getByRole('button', { name: 'Open report' }).click();
    await expert.getByRole('heading', { level: 1, name: 'Report of mission E2E-2027-09' }).waitFor();
    await expert.getByRole('textbox', { name: 'Situation overview' }).fill('Crossings near Subotica rose in August.');
    await expert.getByRole('combobox', { name: 'Alert level' }).selectOption('yellow');
    await expert.getByRole('button', { name: 'Save as new version' }).click();
    await expert.getByText('Version 2', { exact: true }).first().waitFor();
    const reportUrl = expert.url();

    // The co-ordinator opening the draft reads it, and is told why they cannot edit it.
    await coordinator.goto(reportUrl);
    await coordinator.getByRole('heading', { level: 1, name: 'Report of mission E2E-2027-09' }).waitFor();
    // The text shows in the report and, when the page compares versions, in the differences too.
    await coordinator.getByText('Crossings near Subotica rose in August.').first().waitFor();
    await expect
      .poll(() => readOnlyReason(coordinator), { timeout: 30_000 })
      .toBe('Only the mission’s team can edit this draft; you are the co-ordinator and review it once it is submitted.');
    expect(await coordinator.getByRole('button', { name: 'Save as new version' }).count()).toBe(0);

    // The expert submits it, and is then told why it is read-only.
    await expert.getByRole('button', { name: 'Submit for review' }).click();
    await expert.getByText('Submitted', { exact: true }).first().waitFor();
    await expect
      .poll(() => readOnlyReason(expert), { timeout: 30_000 })
      .toBe('This report is submitted: the co-ordinator reviews it now, and it can be edited again only if it is returned.');

    watcher.expectClean(origin);
    await home.close();
    await desk.close();
  });
});
