// The entrance of a restricted conference in a real browser: the organiser invites one person by
// name through the invitation builder's picker and sees the count of people, a participant is
// registered, and at the door a phone's camera (Chromium's fake camera, fed a video of the badge's
// QR code) scans the badge on the check-in page: the participant is checked in, and a second scan
// of the same badge says they already are.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { expect, test } from 'vitest';
import { describeJourney, journeyPlatform, launchBrowser, sessionCheck, signInFirstTime, Watcher } from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

// A CommonJS module whose declared default export the compiler does not see as callable.
const jsQR = createRequire(import.meta.url)('jsqr') as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

const PASSWORD = 'Vienna-Entrance-2099!x';
const TITLE = 'Expert meeting on return and readmission';

/**
 * A YUV4MPEG2 video (4:2:0) of a few frames of a QR code holding `text`, black modules on white
 * with a quiet zone, its chroma neutral: what Chromium's fake camera shows.
 */
function qrVideo(text: string, width = 640, height = 480, frames = 5): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const scale = Math.floor(Math.min(width, height) / (modules.size + 2 * quiet));
  const side = scale * (modules.size + 2 * quiet);
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (!modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = (top + (quiet + y) * scale + dy) * width;
        luma.fill(16, row + left + (quiet + x) * scale, row + left + (quiet + x + 1) * scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  return Buffer.concat([
    Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`),
    ...Array.from({ length: frames }, () => frame),
  ]);
}

describeJourney('conference entrance journey', () => {
  const platform = journeyPlatform();

  test('invite a person by name, then scan a badge with the phone’s camera and check its holder in once', {
    timeout: 300_000,
  }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    // The second scan of the same badge is refused by design; the browser logs that as an error.
    const watcher = new Watcher(
      (message) =>
        sessionCheck(message) ||
        (message.text().includes('status of 409') && message.location().url.endsWith('/api/conferences/check-in')),
    );
    const desk = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    const organiser = await watcher.page(desk);
    await signInFirstTime(organiser, origin, { ...server, newPassword: PASSWORD }, { name: 'Conferences', exact: true });

    // The scene, through the API: a restricted event, and a contact of the directory to invite.
    const { csrfToken } = await (await organiser.request.get(`${origin}/api/auth/session`)).json();
    const call = async <T>(method: 'GET' | 'POST', url: string, data?: unknown): Promise<T> => {
      const response = await organiser.request.fetch(`${origin}/api${url}`, {
        method,
        headers: { 'x-csrf-token': csrfToken },
        ...(data === undefined ? {} : { data }),
      });
      expect(response.ok(), `${method} ${url}: ${response.status()} ${await response.text()}`).toBe(true);
      return (await response.json()) as T;
    };
    const organisation = async (name: string) => {
      const found = await call<{ items: Array<{ id: string; name: string }> }>(
        'GET',
        `/directory/organisations?q=${encodeURIComponent(name)}&lang=en&limit=20`,
      );
      const match = found.items.find((o) => o.name === name);
      if (!match) throw new Error(`No organisation named ${name}`);
      return match.id;
    };
    const event = await call<{ id: string }>('POST', '/conferences/events', {
      kind: 'meeting',
      title: TITLE,
      organiserId: await organisation('OSCE Secretariat'),
      startsAt: '2099-11-03T09:00',
      endsAt: '2099-11-03T17:30',
      timeZone: 'Europe/Vienna',
      venue: 'Vienna, Hofburg',
      languages: ['en'],
      public: false,
      capacity: 40,
    });
    await call('POST', '/directory/contacts', {
      organisationId: await organisation('Office of the United Nations High Commissioner for Refugees'),
      name: 'Mariam Okonkwo',
      emails: ['mariam.okonkwo@example.org'],
      visibility: 'signed_in',
    });

    // The invitation builder: one person by name, found by the server as her name is typed.
    await organiser.goto(`${origin}/conferences/events/${event.id}/invitation`);
    await organiser.getByRole('heading', { level: 1, name: 'Invitation list' }).waitFor();
    await organiser.getByText('No person is invited by name.').waitFor();
    await expect.poll(() => organiser.getByTestId('invited-people').textContent(), { timeout: 30_000, interval: 250 }).toBe('0');
    await organiser.getByRole('combobox', { name: 'Find a person by name' }).fill('Okonkwo');
    await organiser
      .getByRole('option', { name: 'Mariam Okonkwo (Office of the United Nations High Commissioner for Refugees)' })
      .click();
    await organiser.getByRole('button', { name: 'Remove Mariam Okonkwo' }).waitFor();
    await expect.poll(() => organiser.getByTestId('invited-people').textContent(), { timeout: 30_000, interval: 250 }).toBe('1');
    await organiser.getByRole('button', { name: 'Send the invitations' }).click();
    await organiser.getByText('People invited by name: 1.', { exact: false }).waitFor();
    // Once sent, her letter is among the letters.
    await organiser
      .getByRole('list', { name: 'Invitation letters' })
      .getByRole('link', { name: 'Invitation letter (PDF): Mariam Okonkwo' })
      .waitFor();
    await expectNoRawCodes(organiser);

    // A participant is registered by the organiser; the badge's QR code holds the check-in address.
    const ticket = await call<{ token: string; qr: string; checkInUrl: string }>(
      'POST',
      `/conferences/events/${event.id}/registrations`,
      {
        name: 'Amira Haddad',
        email: 'amira.haddad@example.org',
        countryIso2: 'TN',
        organisationName: 'Ministry of Foreign Affairs',
        function: 'Counsellor',
        visaLetter: false,
        listed: false,
      },
    );
    const png = PNG.sync.read(Buffer.from(ticket.qr.split(',')[1] ?? '', 'base64'));
    const payload = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? '';
    expect(payload).toBe(ticket.checkInUrl);

    // The phone at the door: its camera films the badge.
    const folder = mkdtempSync(path.join(tmpdir(), 'badge-'));
    const video = path.join(folder, 'badge.y4m');
    writeFileSync(video, qrVideo(payload));
    const camera = await launchBrowser([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    try {
      const context = await camera.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        locale: 'en-GB',
        storageState: await desk.storageState(),
      });
      await context.grantPermissions(['camera'], { origin });
      const phone = await watcher.page(context);
      await phone.goto(`${origin}/conferences/check-in`);
      await phone.getByRole('heading', { level: 1, name: 'Check-in' }).waitFor();
      await phone.getByRole('button', { name: 'Scan a badge' }).click();
      const checkedIn = `Amira Haddad (Ministry of Foreign Affairs, Tunisia) is checked in for ${TITLE}.`;
      await phone.getByText(checkedIn).waitFor({ timeout: 60_000 });
      // The camera is off once the badge is read, and the ticket's code is in the field.
      expect(await phone.locator('video').count()).toBe(0);
      await expect
        .poll(() => phone.getByRole('textbox', { name: 'Ticket code' }).inputValue(), { timeout: 30_000, interval: 250 })
        .toBe(ticket.token);
      // The same badge scanned again: already checked in.
      await phone.getByRole('button', { name: 'Scan a badge' }).click();
      await phone.getByText('Amira Haddad is already checked in.', { exact: false }).waitFor({ timeout: 60_000 });
      expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await expectNoRawCodes(phone);
      await context.close();
    } finally {
      await camera.close();
      rmSync(folder, { recursive: true, force: true });
    }
    await desk.close();
    watcher.expectClean(origin);
  });
});
