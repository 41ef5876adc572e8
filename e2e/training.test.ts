// Training in a real browser against the built platform: the provider adds a course through its
// form and corrects it, chooses a session's trainer from the roster and uploads its agenda;
// Austria's delegation nominates two
// officers for a hostile-environment course; the provider selects one, declines the other with a
// reason and keeps the attendance sheet; the participant takes both tests; the provider records
// the completion; the participant downloads the certificate, whose signature verifies offline with
// the published key and whose code shows valid on the public page on a phone; and the expert,
// ineligible before, now appears in the team proposal of a mission that requires the course;
// at last the provider revokes the certificate and the public page shows it revoked.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { verifyPdf } from '../src/server/training/certificates/signature.js';
import { apiSignInFirstTime, describeJourney, journeyPlatform, signInFirstTime, takeSecondStep, Watcher } from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

const PASSWORD = 'Hostile-Course-2027!x';

async function signIn(page: Page, origin: string, email: string) {
  await page.goto(`${origin}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await takeSecondStep(page, email);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Training', exact: true }).waitFor();
}

/** Chooses an option of a select of a form by its label (the catalogue's filters have the same labels). */
async function chooseIn(page: Page, form: ReturnType<Page['getByRole']>, label: string, option: string | RegExp) {
  const input = form.getByRole('combobox', { name: label, exact: true });
  await input.click();
  // A searchable select narrows its list by what is typed; the others are chosen from the whole list.
  if (typeof option === 'string' && (await input.isEditable())) await input.fill(option.slice(0, 8));
  await page
    .getByRole('listbox', { name: label, exact: true })
    .getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option })
    .click();
}

/** Chooses an option of a select by its label. */
async function choose(scope: Page, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await scope.getByRole('listbox', { name: label, exact: true }).getByRole('option', { name: option, exact: true }).click();
}

describeJourney('training journey', () => {
  const platform = journeyPlatform();

  test('nominate, select, attend, test, certify, verify, and the trained expert joins a team', { timeout: 300_000 }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const watcher = new Watcher();
    const provider = await watcher.page(await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' }));
    await signInFirstTime(provider, origin, { ...server, newPassword: PASSWORD }, { name: 'Training', exact: true });

    // The scene, through the API: a delegation for Austria, an officer who is also on the roster
    // without the hostile-environment course, a mission that requires it, and a session of the course.
    const session = await (await provider.request.get(`${origin}/api/auth/session`)).json();
    const call = async (method: 'post' | 'get', url: string, data?: unknown, status = 201) => {
      const response = await provider.request[method](`${origin}/api${url}`, {
        headers: { 'x-csrf-token': session.csrfToken },
        ...(data ? { data } : {}),
      });
      expect(response.status(), `${url}: ${await response.text()}`).toBe(status);
      return response.json();
    };
    const account = async (email: string, name: string, grants: unknown[]) => {
      const created = await call('post', '/users', { email, name, language: 'en', grants });
      await apiSignInFirstTime(origin, { email, oneTimePassword: created.oneTimePassword, newPassword: PASSWORD });
      return created.user.id as string;
    };
    await account('dora.delegation@example.org', 'Dora Delegation', [
      { role: 'delegation', scopeType: 'country', countryIso2: 'AT' },
    ]);
    const evaId = await account('eva.huber@example.org', 'Eva Huber', [{ role: 'expert', scopeType: 'global' }]);
    const structures = (await call('get', '/structures', undefined, 200)) as Array<{ code: string; id: string }>;
    await call('post', '/roster/experts', {
      name: 'Eva Huber',
      organisationId: structures.find((s) => s.code === 'ODIHR')?.id,
      userId: evaId,
      secondingIso2: 'AT',
      gender: 'female',
      nationalities: ['AT'],
      competences: [{ code: 'border_security', level: 2 }],
      languages: [{ code: 'de', speaking: 'C2', writing: 'C2' }],
    });
    await call('post', '/roster/experts', {
      name: 'Marta Kowalska',
      organisationId: structures.find((s) => s.code === 'ODIHR')?.id,
      secondingIso2: 'PL',
      gender: 'female',
      nationalities: ['PL'],
      competences: [{ code: 'border_security', level: 3 }],
      languages: [{ code: 'en', speaking: 'C2', writing: 'C2' }],
    });
    const mission = await call('post', '/missions', {
      code: 'E2E-2027-11',
      title: 'Southern Caucasus border crossings',
      hostCountries: ['GE'],
      startsOn: '2027-11-08',
      endsOn: '2027-11-19',
      teamMin: 1,
      teamMax: 2,
      requiredPrerequisites: ['heat'],
    });
    await call('post', `/missions/${mission.id}/transitions`, { to: 'proposed' }, 200);
    await call('post', `/missions/${mission.id}/transitions`, { to: 'approved' }, 200);
    const before = await call('post', `/missions/${mission.id}/compose`, {}, 200);
    expect(before.feasible).toBe(false);
    const courses = (await call('get', '/training/courses', undefined, 200)).items as Array<{ code: string; id: string }>;
    const heat = await call('post', '/training/sessions', {
      courseId: courses.find((c) => c.code === 'HEAT')?.id,
      startsOn: '2027-06-14',
      endsOn: '2027-06-15',
      online: false,
      venue: 'Vienna, Hofburg',
      language: 'en',
      capacity: 1,
    });

    // The provider adds a course through its form, with the pickers, and then corrects it.
    await provider.goto(`${origin}/training`);
    await provider.getByRole('heading', { level: 1, name: 'Training catalogue' }).waitFor();
    await provider.getByRole('button', { name: 'Add a course' }).click();
    const courseForm = provider.getByRole('form', { name: 'Add a course' });
    await courseForm.getByRole('textbox', { name: /^Course code/ }).fill('CP-HATE');
    await courseForm.getByRole('textbox', { name: 'Title', exact: true }).fill('Community policing against hate crim');
    await chooseIn(provider, courseForm, 'Provider structure', 'Office for Democratic Institutions and Human Rights');
    await chooseIn(provider, courseForm, 'Key area', 'Protection of people along migration routes');
    await chooseIn(provider, courseForm, 'Target audience', 'Police');
    await provider.keyboard.press('Escape');
    await chooseIn(provider, courseForm, 'Languages', 'English');
    await provider.keyboard.press('Escape');
    await courseForm.getByRole('textbox', { name: 'Duration in hours' }).fill('8');
    await courseForm.getByRole('button', { name: 'Add the course' }).click();
    await provider.getByRole('heading', { level: 2, name: 'Community policing against hate crim' }).waitFor();
    await provider.getByRole('button', { name: 'Edit: Community policing against hate crim' }).click();
    const editForm = provider.getByRole('form', { name: 'Change “Community policing against hate crim”' });
    await expect.poll(() => editForm.getByRole('textbox', { name: 'Duration in hours' }).inputValue()).toBe('8');
    await editForm.getByRole('textbox', { name: 'Title', exact: true }).fill('Community policing against hate crime');
    await editForm.getByRole('textbox', { name: 'Duration in hours' }).fill('12');
    await chooseIn(provider, editForm, 'Target audience', 'Border guards');
    await provider.keyboard.press('Escape');
    await editForm.getByRole('button', { name: 'Save the changes' }).click();
    const card = provider.getByRole('heading', { level: 2, name: 'Community policing against hate crime' });
    await card.waitFor({ timeout: 30_000 });
    await provider.getByText(/Office for Democratic Institutions and Human Rights · 12 hours · Protection/).waitFor();
    await provider.getByText('Border guards').first().waitFor();
    await expectNoRawCodes(provider);

    // On the session's page the provider chooses a trainer from the roster by name and uploads the agenda.
    await provider.goto(`${origin}/training/sessions/${heat.id}`);
    const trainerPicker = provider.getByRole('combobox', { name: 'Trainer from the roster', exact: true });
    await trainerPicker.click();
    await trainerPicker.fill('Kowal');
    await provider
      .getByRole('listbox', { name: 'Trainer from the roster', exact: true })
      .getByRole('option', { name: /^Marta Kowalska/ })
      .click();
    await provider
      .getByRole('list', { name: 'Trainers' })
      .getByText('Marta Kowalska · roster expert')
      .waitFor({ timeout: 30_000 });
    await provider.getByText('Trainers: Marta Kowalska').waitFor();
    const agenda = 'Day 1: security briefing, first aid.\nDay 2: checkpoints, hostage survival.\n';
    const materialForm = provider.getByRole('form', { name: 'Upload a material' });
    await materialForm.getByRole('textbox', { name: 'Title of the material' }).fill('Agenda');
    await materialForm
      .locator('input[type="file"]')
      .setInputFiles({ name: 'agenda.txt', mimeType: 'text/plain', buffer: Buffer.from(agenda) });
    await materialForm.getByRole('button', { name: 'Upload', exact: true }).click();
    await provider.getByRole('list', { name: 'Materials' }).getByRole('link', { name: 'Agenda' }).waitFor({ timeout: 30_000 });

    // The delegation nominates two officers on the session page.
    const delegation = await watcher.page(await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' }));
    await signIn(delegation, origin, 'dora.delegation@example.org');
    await delegation
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Training', exact: true })
      .click();
    await delegation.getByRole('heading', { level: 1, name: 'Training catalogue' }).waitFor();
    await delegation.getByRole('link', { name: 'Hostile environment awareness training' }).click();
    const form = delegation.getByRole('form', { name: 'Nominate an officer' });
    for (const officer of [
      { name: 'Eva Huber', email: 'eva.huber@example.org', gender: 'Woman' },
      { name: 'Karl Berger', email: '', gender: 'Man' },
    ]) {
      await form.getByRole('textbox', { name: 'Name', exact: true }).fill(officer.name);
      await form.getByRole('textbox', { name: /^Email/ }).fill(officer.email);
      await form.getByRole('textbox', { name: 'Function', exact: true }).fill('Border police inspector');
      await choose(delegation, 'Agency type', 'Border guards');
      await choose(delegation, 'Gender', officer.gender);
      const languages = delegation.getByRole('combobox', { name: 'Languages', exact: true });
      if ((await form.getByText('German', { exact: true }).count()) === 0) {
        await languages.click();
        await languages.fill('Germ');
        await delegation
          .getByRole('listbox', { name: 'Languages', exact: true })
          .getByRole('option', { name: 'German', exact: true })
          .click();
        await delegation.keyboard.press('Escape');
      }
      await form.getByRole('button', { name: 'Nominate' }).click();
      // Without consent the form refuses, on the field.
      await form.getByText('This field is required.').first().waitFor();
      await form.getByRole('checkbox', { name: /consents to the processing/ }).check();
      await form.getByRole('button', { name: 'Nominate' }).click();
      await delegation.getByRole('cell', { name: new RegExp(officer.name) }).waitFor();
    }
    await expectNoRawCodes(delegation);

    // The provider selects Eva, declines Karl with a reason, and keeps the attendance on a tablet.
    await provider.setViewportSize({ width: 1024, height: 768 });
    await provider.goto(`${origin}/training/sessions/${heat.id}`);
    await provider.getByRole('heading', { level: 2, name: 'Selection desk' }).waitFor();
    await provider.getByRole('button', { name: 'Select: Eva Huber' }).click();
    await provider
      .getByRole('textbox', { name: 'Reason for declining: Karl Berger' })
      .fill('Only one place: please nominate him for the autumn session.');
    await provider.getByRole('button', { name: 'Decline: Karl Berger' }).click();
    await provider.getByText('Only one place: please nominate him for the autumn session.').waitFor();
    const sheet = provider.getByRole('table', { name: 'Attendance sheet' });
    await sheet.getByRole('checkbox', { name: 'Eva Huber present on 2027-06-14' }).check();
    await sheet.getByRole('checkbox', { name: 'Eva Huber present on 2027-06-15' }).check();
    await provider.getByRole('button', { name: 'Save attendance' }).click();
    await provider.getByText('Attendance saved.').waitFor();
    // The material's file name is the one it was uploaded with, shown on purpose.
    await expectNoRawCodes(provider, { allowed: ['agenda.txt'] });

    // Eva takes both tests on her own page, once each.
    const eva = await watcher.page(await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' }));
    await signIn(eva, origin, 'eva.huber@example.org');
    await eva.goto(`${origin}/training/me`);
    await eva.getByRole('heading', { level: 1, name: 'My training' }).waitFor();
    await eva.getByRole('button', { name: 'Take the pre-test' }).click();
    const pre = eva.getByRole('form', { name: 'Take the pre-test' });
    await pre.getByRole('radio', { name: 'Drive through' }).check();
    await pre.getByRole('radio', { name: 'Check that the scene is safe' }).check();
    await pre.getByRole('radio', { name: 'Only a laptop' }).check();
    await pre.getByRole('button', { name: 'Submit my answers' }).click();
    await eva.getByText(/Pre-test: 33\.3 %/).waitFor();
    await eva.getByRole('button', { name: 'Take the post-test' }).click();
    const post = eva.getByRole('form', { name: 'Take the post-test' });
    await post.getByRole('radio', { name: 'Stay calm, follow the agreed procedure' }).check();
    await post.getByRole('radio', { name: 'Check that the scene is safe' }).check();
    await post.getByRole('radio', { name: 'Documents, water, first-aid kit and communication' }).check();
    await post.getByRole('button', { name: 'Submit my answers' }).click();
    await eva.getByText(/Post-test: 100 % · knowledge gain 66\.7 points/).waitFor();
    expect(await eva.getByRole('button', { name: 'Take the pre-test' }).count()).toBe(0);

    // As a selected participant she downloads the session's agenda.
    await eva.goto(`${origin}/training/sessions/${heat.id}`);
    const [material] = await Promise.all([
      eva.waitForEvent('download'),
      eva.getByRole('list', { name: 'Materials' }).getByRole('link', { name: 'Agenda' }).click(),
    ]);
    expect(fs.readFileSync(await material.path(), 'utf8')).toBe(agenda);
    await eva.goto(`${origin}/training/me`);
    await eva.getByRole('heading', { level: 1, name: 'My training' }).waitFor();

    // The provider sees the results and records the completion.
    await provider.reload();
    await provider.getByText(/Pre-test: 33\.3 %/).waitFor();
    await provider.getByRole('button', { name: 'Completed: Eva Huber' }).click();
    await provider.getByText(/Completed on 2027-06-15/).waitFor();

    // Eva downloads her certificate; it verifies offline with the published public key.
    await eva.reload();
    const [download] = await Promise.all([
      eva.waitForEvent('download'),
      eva.getByRole('link', { name: 'Download the certificate (PDF)' }).click(),
    ]);
    const file = await download.path();
    const pdf = fs.readFileSync(file);
    const key = (await (await fetch(`${origin}/api/training/public-key`)).json()) as { publicKeyPem: string };
    const verified = verifyPdf(pdf, key.publicKeyPem);
    expect(verified).toMatchObject({ valid: true, payload: { participant: 'Eva Huber', hours: 40 } });
    if (!verified.valid) return;

    // Anyone with the code sees it valid on the public page, on a phone, without signing in.
    const phone = await watcher.page(
      await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', isMobile: true }),
    );
    await phone.goto(`${origin}/training/verify`);
    await phone.getByRole('textbox', { name: 'Verification code' }).fill(verified.payload.code);
    await phone.getByRole('button', { name: 'Check' }).click();
    await phone.getByText('Valid certificate').waitFor();
    await phone.getByText('Eva Huber').waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    if (process.env.E2E_SCREENSHOTS)
      await phone.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'training-verify.png') });

    // The trained expert now appears in the mission's team proposal.
    await provider.setViewportSize({ width: 1366, height: 900 });
    await provider.goto(`${origin}/missions/${mission.id}/team`);
    await provider.getByRole('heading', { level: 1, name: 'Team composer' }).waitFor();
    await provider.getByRole('button', { name: 'Propose a team' }).click();
    const matrix = provider.getByRole('table', { name: 'Who covers which requirement' });
    await matrix.waitFor();
    await expect
      .poll(async () => (await matrix.getByTestId('member').locator('td:first-child').allTextContents()).join(' '))
      .toContain('Eva Huber');

    // The statistics count her, by State on the map and in the tables, in words rather than codes.
    await provider
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Training statistics' })
      .click();
    await provider.getByText('People trained: 1').waitFor();
    await provider.getByRole('table', { name: 'By State' }).getByRole('cell', { name: 'Austria' }).waitFor();
    await provider
      .getByRole('table', { name: 'By course, with the knowledge gain' })
      .getByText('knowledge gain 66.7 points')
      .waitFor();
    await expectNoRawCodes(provider);

    // The provider revokes the certificate; the public page then shows it revoked, with the reason.
    await provider.goto(`${origin}/training/sessions/${heat.id}`);
    await provider.getByRole('textbox', { name: 'Reason for revoking: Eva Huber' }).fill('Issued before the final assessment');
    await provider.getByRole('button', { name: 'Revoke: Eva Huber' }).click();
    await provider.getByText(/\(Revoked\)/).waitFor({ timeout: 30_000 });
    await phone.goto(`${origin}/training/verify/${verified.payload.code}`);
    await phone.getByText('Revoked', { exact: true }).waitFor({ timeout: 30_000 });
    await phone.getByText(/Issued before the final assessment/).waitFor();
    expect(await phone.getByText('Valid certificate').count()).toBe(0);
    watcher.expectClean(origin);
  });
});
