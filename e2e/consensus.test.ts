// Consensus drafting in a real browser against the built platform: the chair drafts and issues
// Rev.1; Austria objects and tables an amendment, Italy another; the chair's second window sees
// the objection arrive without reload; Rev.2 takes Austria's amendment; Austria lifts its
// objection; silence on Rev.2 is broken by Austria; Rev.3 under silence passes at its deadline;
// Austria attaches a statement that Italy joins; the AKN, PDF and DOCX are downloaded. Along the
// way the chair rewords and deletes paragraphs, merges an amendment in their own words, is refused
// adoption while Austria objects, and shows the names behind positions; the Secretariat keeps the
// register and corrects a symbol; a second draft is adopted in a meeting and a third withdrawn.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { aknErrors } from '../src/server/consensus/exports/validate.js';
import {
  type ApiCall,
  apiSignInFirstTime,
  describeJourney,
  journeyPlatform,
  sessionCheck,
  signInFirstTime,
  takeSecondStep,
  Watcher,
} from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

const PASSWORD = 'Hofburg-Consensus-2016!x';

async function signIn(page: Page, origin: string, email: string) {
  await page.goto(`${origin}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await takeSecondStep(page, email);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Consensus drafting' }).waitFor();
}

/** A wall-clock time in Vienna `seconds` from now, as the deadline field takes it. */
function viennaIn(seconds: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Vienna',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(Date.now() + seconds * 1000))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

describeJourney('consensus drafting journey', () => {
  const platform = journeyPlatform();

  test('a decision drafted, objected to live, revised, silenced twice and adopted, with a statement and its exports', {
    timeout: 480_000,
  }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    // Adoption refused while Austria objects is answered 409 by design; the browser logs it.
    const watcher = new Watcher(
      (message) =>
        sessionCheck(message) || (message.text().includes('status of 409') && message.location().url.endsWith('/adoption')),
    );
    const admin = await watcher.page(await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' }));
    await signInFirstTime(admin, origin, { ...server, newPassword: PASSWORD }, { name: 'Adopted decisions' });
    const session = await (await admin.request.get(`${origin}/api/auth/session`)).json();
    const people: Record<string, ApiCall> = {};
    for (const [email, name, grant] of [
      ['chiara.chair@example.org', 'Chiara Quaranta', { role: 'chair', scopeType: 'global' }],
      ['anna.austria@example.org', 'Anna Huber', { role: 'delegation', scopeType: 'country', countryIso2: 'AT' }],
      ['italo.italy@example.org', 'Italo Bianchi', { role: 'delegation', scopeType: 'country', countryIso2: 'IT' }],
      ['sergei.secretariat@example.org', 'Sergei Petrov', { role: 'secretariat', scopeType: 'global' }],
    ] as const) {
      const response = await admin.request.post(`${origin}/api/users`, {
        headers: { 'x-csrf-token': session.csrfToken },
        data: { email, name, grants: [grant] },
      });
      expect(response.status()).toBe(201);
      people[email] = await apiSignInFirstTime(origin, {
        email,
        oneTimePassword: (await response.json()).oneTimePassword,
        newPassword: PASSWORD,
      });
    }
    const italy = people['italo.italy@example.org'] as ApiCall;
    const chairApi = people['chiara.chair@example.org'] as ApiCall;

    // The chair opens the draft and writes its text in the pages.
    const chair = await watcher.page(
      await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', acceptDownloads: true }),
      30_000,
    );
    await signIn(chair, origin, 'chiara.chair@example.org');
    await chair.getByRole('link', { name: 'Consensus drafting' }).click();
    await chair.getByRole('button', { name: 'Open a draft' }).click();
    await chair.getByRole('textbox', { name: 'Number' }).fill('7');
    await chair.getByRole('textbox', { name: 'Year (two digits)' }).fill('16');
    await chair.getByRole('textbox', { name: 'Title' }).fill('Decision on migration');
    await chair.getByRole('button', { name: 'Open the draft' }).click();
    await chair.getByRole('heading', { level: 1, name: 'Decision on migration' }).waitFor();
    const addParagraph = async (part: string, text: string) => {
      const picker = chair.getByRole('combobox', { name: 'Part', exact: true });
      // The list opens on a click; on a loaded machine a click can land while the page re-renders
      // and the list close again, so the picker is opened until its option shows.
      const option = chair.getByRole('option', { name: part, exact: true });
      await expect
        .poll(
          async () => {
            if (!(await option.isVisible())) await picker.click();
            return option.isVisible();
          },
          { timeout: 30_000, interval: 500 },
        )
        .toBe(true);
      await option.click();
      await expect.poll(() => picker.inputValue()).toBe(part);
      await chair.getByRole('textbox', { name: 'Words of the paragraph' }).fill(text);
      await chair.getByRole('button', { name: 'Add to the working text' }).click();
      await chair.getByTestId('paragraph').getByText(text, { exact: true }).waitFor();
      await expect.poll(() => chair.getByRole('textbox', { name: 'Words of the paragraph' }).inputValue()).toBe('');
    };
    await addParagraph('Preambular', 'Recalling the Helsinki Final Act,');
    await addParagraph('Operative', 'Tasks the executive structures to report on mixed migration;');
    await addParagraph('Operative', 'Encourages the participating States to share good practices;');
    // The chair rewords OP2 and deletes a paragraph added by mistake, before Rev.1.
    await chair.getByRole('button', { name: 'Reword OP2' }).click();
    await chair
      .getByRole('textbox', { name: 'Words of OP2' })
      .fill('Encourages the participating States to share good practices and data;');
    await chair.getByRole('button', { name: 'Save the words' }).click();
    await chair
      .getByTestId('paragraph')
      .getByText('Encourages the participating States to share good practices and data;', { exact: true })
      .waitFor();
    await addParagraph('Operative', 'Decides to remain seized of the matter.');
    await chair.getByRole('button', { name: 'Delete OP3' }).click();
    await chair.getByRole('button', { name: 'Delete OP3 from the working text' }).click();
    await chair.getByTestId('paragraph').getByText('Decides to remain seized of the matter.').waitFor({ state: 'detached' });
    await chair.getByRole('button', { name: 'Issue Rev.1' }).click();
    await chair.getByTestId('symbol').getByText('MC.DD/7/16/Rev.1').waitFor();
    const documentUrl = chair.url();

    // The chair's second window on the same draft, live.
    const chairWatch = await watcher.page(
      await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: 'en-GB',
        storageState: await chair.context().storageState(),
      }),
      30_000,
    );
    await chairWatch.goto(documentUrl);
    await chairWatch.getByText('Live', { exact: true }).waitFor();

    // Austria objects to OP1 and tables an amendment to it; Italy tables its own through the API.
    const austria = await watcher.page(
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' }),
      30_000,
    );
    await signIn(austria, origin, 'anna.austria@example.org');
    await austria.goto(documentUrl);
    await austria.getByText('You act for: Austria').waitFor();
    const op1 = austria.locator('[data-number="OP1"]');
    await op1.getByRole('combobox', { name: 'Your State’s position on OP1' }).click();
    await austria.getByRole('option', { name: 'Objection' }).click();
    await op1.getByRole('textbox', { name: 'Reason' }).fill('Reporting duties are too broad.');
    await op1.getByRole('button', { name: 'Record position' }).click();
    await op1.getByText('Blocked').waitFor();
    // Seen by the chair's other window without reload.
    await chairWatch.locator('[data-number="OP1"]').getByText('Objected to by: Austria').waitFor();
    // Adoption in a meeting is refused, naming the blocked paragraph.
    await chair.getByRole('button', { name: 'Record adoption by consensus' }).click();
    await chair.getByText('There is no consensus: objections still stand on OP1.').waitFor();
    await expect.poll(() => chair.getByTestId('stage').textContent()).toBe('Drafting');
    // Austria sees no names until the chair shows them on the matrix; then it does, without reload.
    expect(await op1.getByTestId('objectors').count()).toBe(0);
    await chair.goto(`${documentUrl}/matrix`);
    const showNames = chair.getByRole('switch', { name: 'Show the names behind positions to every delegation' });
    await showNames.waitFor({ state: 'attached' });
    expect(await showNames.isChecked()).toBe(false);
    await showNames.click();
    await expect.poll(() => showNames.isChecked(), { timeout: 30_000 }).toBe(true);
    await op1.getByText('Objected to by: Austria').waitFor();
    await chair.goto(documentUrl);
    await chair.getByRole('heading', { level: 1, name: 'Decision on migration' }).waitFor();

    await austria.getByRole('combobox', { name: 'Paragraph', exact: true }).click();
    await austria.getByRole('option', { name: 'OP1', exact: true }).click();
    await austria.getByRole('textbox', { name: 'Words to replace' }).fill('report on');
    await austria.getByRole('textbox', { name: 'New words' }).fill('report annually on');
    await austria.getByRole('textbox', { name: 'Justification' }).fill('A clear rhythm.');
    await austria.getByRole('button', { name: 'Table the amendment' }).click();
    await austria.locator('[data-number="OP1"]').getByTestId('amendment').waitFor();
    const doc = await italy<{ id: string; paragraphs: Array<{ id: string; number: string }> }>(
      'GET',
      `/consensus/documents/${documentUrl.split('/').pop()}`,
    );
    await italy('POST', `/consensus/documents/${doc.id}/amendments`, {
      kind: 'insert',
      afterParagraphId: doc.paragraphs.find((p) => p.number === 'OP2')?.id,
      newWords: 'Welcomes co-operation with the Mediterranean Partners;',
      justification: 'Countries of transit.',
    });

    // The chair takes Austria's amendment, leaves Italy's, and issues Rev.2; Austria lifts its objection.
    // The compilation shows the words in dispute in square brackets before the chair decides.
    await chair
      .getByTestId('compiled')
      .getByText('Tasks the executive structures to [report on] [report annually on] mixed migration;')
      .waitFor();
    await chair.locator('[data-number="OP1"]').getByRole('button', { name: 'Take into the next revision' }).click();
    await chair
      .getByTestId('paragraph')
      .getByText('Tasks the executive structures to report annually on mixed migration;', { exact: true })
      .waitFor();
    // Italy's insertion is merged in the chair's own words.
    await chair.locator('[data-number="OP2"]').getByRole('button', { name: 'Merge in my own words' }).click();
    await chair
      .getByRole('textbox', { name: 'The paragraph as merged' })
      .fill('Welcomes co-operation with the Mediterranean Partners for Co-operation;');
    await chair.getByRole('button', { name: 'Merge into the working text' }).click();
    await chair
      .locator('[data-number="OP3"]')
      .getByText('Welcomes co-operation with the Mediterranean Partners for Co-operation;', { exact: true })
      .waitFor();
    await chair.getByRole('button', { name: 'Issue Rev.2' }).click();
    await chair.getByTestId('symbol').getByText('MC.DD/7/16/Rev.2').waitFor();
    await chair.getByTestId('compare-row').filter({ hasText: 'annually' }).first().waitFor();
    await austria.locator('[data-number="OP1"]').getByRole('combobox', { name: 'Your State’s position on OP1' }).click();
    await austria.getByRole('option', { name: 'Can live with it' }).click();
    await austria.locator('[data-number="OP1"]').getByRole('button', { name: 'Record position' }).click();
    await chairWatch.locator('[data-number="OP1"]').getByText('Objected to by: Austria').waitFor({ state: 'detached' });

    // Silence on Rev.2, broken by Austria.
    await chair.getByRole('textbox', { name: 'Deadline (Vienna time)' }).fill(viennaIn(3600));
    await chair.getByRole('button', { name: 'Put the last revision under silence' }).click();
    await austria.getByText('Rev.2 is under silence').waitFor();
    await austria.getByRole('textbox', { name: 'Your State’s statement' }).fill('Austria must consult its capital.');
    await austria.getByRole('button', { name: 'Break silence' }).click();
    await chair.getByTestId('silence-history').filter({ hasText: 'broken by Austria' }).waitFor();

    // Rev.3 under silence with a deadline a few seconds ahead: nobody breaks it and it passes.
    await chair.getByRole('button', { name: 'Issue Rev.3' }).click();
    await chair.getByTestId('symbol').getByText('MC.DD/7/16/Rev.3').waitFor();
    await chair.getByRole('textbox', { name: 'Deadline (Vienna time)' }).fill(viennaIn(8));
    await chair.getByRole('button', { name: 'Put the last revision under silence' }).click();
    await chair.getByRole('timer').waitFor();
    await chair.getByTestId('stage').getByText('Adopted').waitFor({ timeout: 60_000 });
    await chair.getByTestId('symbol').getByText('MC.DEC/1/16').waitFor();

    // Austria's interpretative statement, joined by Italy.
    await austria.getByTestId('stage').getByText('Adopted').waitFor({ timeout: 30_000 });
    await austria
      .getByRole('textbox', { name: 'Interpretative statement of your State' })
      .fill('Austria understands OP1 as applying within existing resources.');
    await austria.getByRole('button', { name: 'Attach the statement' }).click();
    const statement = austria.getByTestId('statement');
    await statement.waitFor();
    const adopted = await italy<{ statements: Array<{ id: string }> }>('GET', `/consensus/documents/${doc.id}`);
    await italy('POST', `/consensus/documents/${doc.id}/statements/${adopted.statements[0]?.id}/joiners`, {});
    await chair.getByText('Attachment 1: Austria, Italy').waitFor();

    // The exports.
    const save = async (name: string) => {
      const [download] = await Promise.all([chair.waitForEvent('download'), chair.getByRole('link', { name }).click()]);
      return fs.readFileSync((await download.path()) as string);
    };
    const xml = (await save('Akoma Ntoso XML')).toString('utf8');
    expect(await aknErrors(xml)).toEqual([]);
    expect(xml).toContain('<docNumber>MC.DEC/1/16</docNumber>');
    expect(xml).toContain('Austria, Italy');
    expect((await save('Official PDF')).subarray(0, 4).toString()).toBe('%PDF');
    expect((await save('Editable DOCX')).subarray(0, 2).toString()).toBe('PK');

    await expectNoRawCodes(chair, {
      allowed: ['MC.DD/7/16/Rev.3', 'MC.DEC/1/16', 'MC.DD/7/16/Rev.1', 'MC.DD/7/16/Rev.2', 'MC.DD/7/16'],
    });
    await chair.goto(`${origin}/consensus/${doc.id}/matrix`);
    await chair.getByRole('rowheader', { name: 'Austria' }).waitFor();
    await expectNoRawCodes(chair);

    // The Secretariat keeps the register and corrects the symbol of a second draft.
    const second = await chairApi<{ id: string; paragraphs: unknown[] }>('POST', '/consensus/documents', {
      council: 'PC',
      number: 3,
      year: 16,
      title: 'Declaration on border co-operation',
      body: 'permanent_council',
    });
    await chairApi('POST', `/consensus/documents/${second.id}/paragraphs`, {
      part: 'operative',
      text: 'Encourages border services to co-operate.',
    });
    await chairApi('POST', `/consensus/documents/${second.id}/revisions`);
    const secretariat = await watcher.page(
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' }),
      30_000,
    );
    await signIn(secretariat, origin, 'sergei.secretariat@example.org');
    await secretariat.goto(`${origin}/consensus`);
    await secretariat.getByRole('link', { name: 'Register of commitments' }).click();
    await secretariat.getByRole('button', { name: 'Add a document to the register' }).click();
    await secretariat.getByRole('button', { name: 'Add to the register' }).click();
    await secretariat
      .getByRole('textbox', { name: 'Title of the document' })
      .and(secretariat.locator('[aria-invalid="true"]'))
      .waitFor();
    await secretariat.getByRole('textbox', { name: 'Title of the document' }).fill('Declaration on Migration');
    await secretariat.getByRole('textbox', { name: 'Symbol' }).fill('MC.DOC/3/16');
    await secretariat.getByRole('textbox', { name: 'Year' }).fill('2016');
    await secretariat.getByRole('button', { name: 'Add to the register' }).click();
    const entry = secretariat.getByTestId('commitment').filter({ hasText: 'Declaration on Migration' });
    await entry.waitFor();
    await secretariat.getByRole('button', { name: 'Correct “Declaration on Migration”' }).click();
    await secretariat.getByRole('textbox', { name: 'Place of adoption' }).fill('Hamburg');
    await secretariat.getByRole('button', { name: 'Save the correction' }).click();
    await entry.filter({ hasText: 'Hamburg' }).waitFor();
    const register = await chairApi<Array<{ symbol: string | null }>>('GET', '/consensus/commitments');
    await expectNoRawCodes(secretariat, { allowed: register.flatMap((c) => (c.symbol ? [c.symbol] : [])) });
    await secretariat.goto(`${origin}/consensus/${second.id}`);
    await secretariat.getByTestId('symbol').getByText('PC.DD/3/16/Rev.1').waitFor();
    await secretariat.getByRole('textbox', { name: 'Number' }).fill('4');
    await secretariat.getByRole('button', { name: 'Correct the symbol' }).click();
    await secretariat.getByTestId('symbol').getByText('PC.DD/4/16/Rev.1').waitFor();

    // The chair records its adoption in a meeting, from the drafting room.
    await chair.goto(`${origin}/consensus/${second.id}`);
    await chair.getByTestId('symbol').getByText('PC.DD/4/16/Rev.1').waitFor();
    await chair.getByRole('textbox', { name: 'Meeting (optional)' }).fill('1123rd plenary meeting');
    await chair.getByRole('button', { name: 'Record adoption by consensus' }).click();
    await chair.getByTestId('stage').getByText('Adopted').waitFor();
    await chair.getByTestId('symbol').getByText('PC.DEC/1/16').waitFor();

    // A third draft is withdrawn.
    const third = await chairApi<{ id: string }>('POST', '/consensus/documents', {
      council: 'PC',
      number: 5,
      year: 16,
      title: 'Decision on a seminar',
      body: 'permanent_council',
    });
    await chair.goto(`${origin}/consensus/${third.id}`);
    await chair.getByRole('button', { name: 'Withdraw the draft' }).click();
    await chair.getByRole('button', { name: 'Withdraw for good' }).click();
    await chair.getByTestId('stage').getByText('Withdrawn').waitFor();
    watcher.expectClean(origin);
  });
});
