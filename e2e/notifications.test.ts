// Notifications in a real browser against the built platform, with a real SMTP server: the
// co-ordinator confirms a team; the expert, whose account is in German, signs in, sees the count
// on the bell, opens the notification and lands on the mission; the email arrived at the expert's
// address in German, with the mission's link and a one-click unsubscribe link. The pages talk to
// their own server only and log no error.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../src/server/test-support/notifications/smtp.js';
import { apiSignInFirstTime, describeJourney, journeyPlatform, signInFirstTime, Watcher } from './browser.js';
import type { StartOptions } from './server.js';

const PASSWORD = 'Danube-Booking-2027!x';
const SUBJECT = 'Sie sind im Team der Mission E2E-2027-09 Danube corridor reception';

describeJourney('notifications journey', () => {
  let smtp: TestSmtp;
  const start: StartOptions = { env: { NOTIFY_POLL_SECONDS: '1' } };
  // Before the platform starts (hooks run in order): it sends to this server.
  beforeAll(async () => {
    smtp = await startTestSmtp();
    Object.assign(start.env as Record<string, string>, { SMTP_URL: smtp.url, MAIL_FROM: 'Crossroads <noreply@example.org>' });
  });
  afterAll(() => smtp?.close());
  const platform = journeyPlatform({ start });

  test('a booked expert sees the bell, opens the notice, lands on the mission, and has the email in German', {
    timeout: 240_000,
  }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const watcher = new Watcher();
    const coordinator = await watcher.page(await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' }));
    await signInFirstTime(coordinator, origin, { ...server, newPassword: PASSWORD }, { name: 'Missions', exact: true });

    // The co-ordinator's set-up through the API: the expert's account (in German) and profile, an approved mission.
    const session = await (await coordinator.request.get(`${origin}/api/auth/session`)).json();
    const post = async (url: string, data: unknown, status = 201) => {
      const response = await coordinator.request.post(`${origin}/api${url}`, {
        headers: { 'x-csrf-token': session.csrfToken },
        data,
      });
      expect(response.status(), `${url}: ${await response.text()}`).toBe(status);
      return response.json();
    };
    const account = await post('/users', {
      email: 'greta.expert@example.org',
      name: 'Greta Expert',
      language: 'de',
      grants: [{ role: 'expert', scopeType: 'global' }],
    });
    await apiSignInFirstTime(origin, {
      email: 'greta.expert@example.org',
      oneTimePassword: account.oneTimePassword,
      newPassword: PASSWORD,
    });
    const structures = (await (await coordinator.request.get(`${origin}/api/structures`)).json()) as Array<{
      code: string;
      id: string;
    }>;
    const expert = await post('/roster/experts', {
      name: 'Greta Expert',
      organisationId: structures.find((s) => s.code === 'ODIHR')?.id,
      userId: account.user.id,
      gender: 'female',
      nationalities: ['AT'],
      competences: [{ code: 'border_security', level: 3 }],
      languages: [{ code: 'de', speaking: 'C2', writing: 'C2' }],
    });
    const mission = await post('/missions', {
      code: 'E2E-2027-09',
      title: 'Danube corridor reception',
      hostCountries: ['HU'],
      startsOn: '2027-09-06',
      endsOn: '2027-09-17',
      teamMin: 1,
      teamMax: 2,
    });
    await post(`/missions/${mission.id}/transitions`, { to: 'proposed' }, 200);
    await post(`/missions/${mission.id}/transitions`, { to: 'approved' }, 200);
    // The co-ordinator confirms the team.
    await post(`/missions/${mission.id}/team`, { expertIds: [expert.id] }, 200);

    // The expert signs in: the pages turn German, and the bell counts the booking and the sign-in from this new browser.
    const page = await watcher.page(await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' }));
    await page.goto(`${origin}/sign-in`);
    await page.getByRole('textbox', { name: 'Email' }).fill('greta.expert@example.org');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const bell = page.getByRole('link', { name: 'Benachrichtigungen: 2 ungelesen' });
    await bell.waitFor();
    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'Benachrichtigungen' }).waitFor();
    await page.getByText('Anmeldung von einem neuen Gerät').waitFor();
    await page.getByRole('link', { name: SUBJECT }).click();
    await page.waitForURL(`${origin}/missions/${mission.id}`);
    await page.getByRole('heading', { level: 1, name: /Danube corridor reception/ }).waitFor();
    await page.getByRole('link', { name: 'Benachrichtigungen: 1 ungelesen' }).waitFor();

    // The email, sent by the platform's outbox in the background.
    const deadline = Date.now() + 60_000;
    let booking = smtp.received.find((m) => m.subject === SUBJECT);
    while (!booking && Date.now() < deadline) {
      await smtp.waitFor(smtp.received.length + 1, deadline - Date.now()).catch(() => {});
      booking = smtp.received.find((m) => m.subject === SUBJECT);
    }
    expect(booking?.to).toEqual(['greta.expert@example.org']);
    expect(booking?.headers['content-language']).toBe('de');
    expect(booking?.text).toContain('Guten Tag Greta Expert,');
    expect(booking?.text).toContain(`/missions/${mission.id}`);
    expect(booking?.headers['list-unsubscribe']).toMatch(/^<http:\/\/localhost:\d+\/api\/notifications\/unsubscribe\/[\w.-]+>$/);
    expect(booking?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    watcher.expectClean(origin);
  });
});
