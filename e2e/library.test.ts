// The focal-point network and its library in a real browser against the built platform: the
// co-ordinator confirms two national focal points (France and Germany); the French one uploads a
// French PDF through the upload page and watches its text being read; the German one finds it by a
// French word found only inside the PDF, with the word highlighted in the passage; the French one
// posts an urgent notice, the German one acknowledges it, and the sender sees who has; the French
// one asks the network for assistance, the German one answers, the asker saves the best answer into
// the library and the German one finds it by words of the answer. The pages talk to their own
// server only and log no error.
import { expect, test } from 'vitest';
import { samplePdf } from '../src/server/network/documents/sample-files.js';
import {
  type ApiCall,
  apiSignIn,
  apiSignInFirstTime,
  describeJourney,
  journeyPlatform,
  takeSecondStep,
  Watcher,
} from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

const PASSWORD = 'Frontier-Network-2027!x';

describeJourney('library journey', () => {
  const platform = journeyPlatform();

  test('a focal point uploads a French PDF, a member finds it by a word inside it, an urgent notice is acknowledged', {
    timeout: 420_000,
  }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const coordinator: ApiCall = await apiSignInFirstTime(origin, {
      email: server.email,
      oneTimePassword: server.oneTimePassword,
      newPassword: PASSWORD,
    });
    // The co-ordinator's set-up: two accounts, nominated for their States and confirmed.
    const people = [
      { email: 'claire.frontiere@example.org', name: 'Claire Frontière', country: 'FR' },
      { email: 'jonas.grenze@example.org', name: 'Jonas Grenze', country: 'DE' },
    ];
    for (const person of people) {
      const account = await coordinator<{ oneTimePassword: string }>('POST', '/users', {
        email: person.email,
        name: person.name,
        language: 'en',
      });
      await apiSignInFirstTime(origin, { email: person.email, oneTimePassword: account.oneTimePassword, newPassword: PASSWORD });
      const nominee = await coordinator<{ id: string }>('POST', `/network/states/${person.country}/focal-points`, {
        email: person.email,
        agency: 'Border Police',
      });
      await coordinator('POST', `/network/focal-points/${nominee.id}/confirm`);
    }
    await apiSignIn(origin, people[1]!.email, PASSWORD);

    const watcher = new Watcher();
    const signIn = async (email: string) => {
      const page = await watcher.page(await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' }));
      await page.goto(`${origin}/sign-in`);
      await page.getByRole('textbox', { name: 'Email' }).fill(email);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await takeSecondStep(page, email);
      // Signed in, the platform lands on the home page: only then does the navigation take a click.
      await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor({ timeout: 60_000 });
      return page;
    };

    // The French focal point uploads a French PDF.
    const claire = await signIn(people[0]!.email);
    await claire
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Good-practice library' })
      .click();
    // The page's code loads on first visit: on a loaded machine this may take a while.
    await claire.getByRole('heading', { level: 1, name: 'Good-practice library' }).waitFor({ timeout: 60_000 });
    // The empty library offers the same link in its sentence: the button above it is the one.
    await claire.getByRole('link', { name: 'Add a document' }).first().click();
    await claire.getByRole('heading', { level: 1, name: 'Add a document to the library' }).waitFor();
    const pdf = await samplePdf('Contrôles coordonnés', [
      ['Les équipes communes vérifient les passeports falsifiés aux points de passage.'],
      ['Une nouvelle route de passage clandestin a été signalée près de Menton.'],
    ]);
    await claire.locator('input[type=file]').setInputFiles({ name: 'controles.pdf', mimeType: 'application/pdf', buffer: pdf });
    await claire.getByRole('textbox', { name: 'Title' }).fill('Contrôles coordonnés aux frontières');
    const language = claire
      .getByRole('textbox', { name: 'Language of the document' })
      .or(claire.getByRole('combobox', { name: 'Language of the document' }));
    await language.click();
    await language.fill('Fren');
    await claire.getByRole('option', { name: 'French', exact: true }).click();
    await claire.getByRole('button', { name: 'Add to the library' }).click();
    await claire.getByRole('heading', { level: 1, name: 'Contrôles coordonnés aux frontières' }).waitFor();
    // The worker reads its two pages; the page follows until the text is searchable.
    await claire.getByText('Its text has been read: search finds the words inside it.').waitFor({ timeout: 60_000 });
    await claire.getByTitle('Preview of the PDF').waitFor();
    // Its uploader edits its details from the page.
    await claire.getByRole('button', { name: 'Edit the details' }).click();
    await claire.getByRole('textbox', { name: 'Summary' }).fill('Guide des contrôles coordonnés aux points de passage.');
    await claire.getByRole('button', { name: 'Save the details' }).click();
    await claire.getByText('Guide des contrôles coordonnés aux points de passage.').waitFor({ timeout: 60_000 });
    await claire.getByRole('button', { name: 'Edit the details' }).waitFor();
    // A new version of its file, read in turn.
    const revised = await samplePdf('Contrôles coordonnés', [
      ['Les équipes communes vérifient les passeports falsifiés aux points de passage.'],
      ['Une deuxième route de passage clandestin a été signalée près de Vintimille.'],
    ]);
    await claire
      .locator('input[type=file]')
      .setInputFiles({ name: 'controles-2.pdf', mimeType: 'application/pdf', buffer: revised });
    await claire.getByRole('button', { name: 'Add the version' }).click();
    await claire
      .getByText(/controles-2\.pdf/)
      .first()
      .waitFor({ timeout: 60_000 });
    await claire.getByText('Its text has been read: search finds the words inside it.').waitFor({ timeout: 60_000 });
    // CF: Claire Frontière's initials in the account menu.
    await expectNoRawCodes(claire, { allowed: ['CF'] });

    // The German member finds it by a French word that is only inside the PDF.
    const jonas = await signIn(people[1]!.email);
    await jonas.goto(`${origin}/library`);
    await jonas.getByRole('textbox', { name: 'Words in the documents' }).fill('passeports falsifiés');
    // The status line above may still be the first version's while the worker reads the second, on a
    // loaded machine for longer than a step's wait: the member searches again until it is read.
    await expect
      .poll(
        async () => {
          await jonas.getByRole('button', { name: 'Search' }).click();
          return jonas
            .getByText('1 document found')
            .waitFor({ timeout: 5_000 })
            .then(() => true)
            .catch(() => false);
        },
        { timeout: 90_000, interval: 250 },
      )
      .toBe(true);
    const result = jonas.getByRole('listitem').filter({ hasText: 'Contrôles coordonnés aux frontières' });
    await result.locator('mark', { hasText: 'falsifiés' }).waitFor();
    expect(await result.locator('[data-snippet]').textContent()).toContain('vérifient les passeports falsifiés');

    // An urgent notice, posted by the French focal point.
    await claire.goto(`${origin}/network/notices`);
    await claire.getByRole('heading', { level: 1, name: 'Notices to the network' }).waitFor();
    await claire.getByRole('textbox', { name: 'Title' }).fill('Faux passeports en circulation');
    await claire
      .getByRole('textbox', { name: 'Notice', exact: true })
      .fill('Une série de passeports falsifiés circule à Menton.');
    await claire.getByRole('checkbox', { name: /Urgent/ }).check();
    await claire.getByRole('button', { name: 'Send the notice' }).click();
    await claire.getByRole('heading', { level: 1, name: 'Faux passeports en circulation' }).waitFor();
    await claire.getByRole('heading', { name: 'Acknowledgements: 0 of 1' }).waitFor();

    // The German member acknowledges it from the notices board.
    await jonas.goto(`${origin}/network/notices`);
    await jonas.getByText('To acknowledge').waitFor();
    await jonas.getByRole('link', { name: 'Faux passeports en circulation' }).click();
    await jonas.getByRole('button', { name: 'Acknowledge' }).click();
    await jonas.getByText(/^You acknowledged it on/).waitFor();
    // And answers in the notice's discussion: an empty message is refused on its field first.
    await jonas.getByText('No one has written here yet.').waitFor();
    await jonas.getByRole('button', { name: 'Add to the discussion' }).click();
    await jonas.getByRole('textbox', { name: 'Your message' }).and(jonas.locator('[aria-invalid="true"]')).waitFor();
    await jonas.getByRole('textbox', { name: 'Your message' }).fill('Nous en avons saisi deux à Kehl hier.');
    await jonas.getByRole('button', { name: 'Add to the discussion' }).click();
    await jonas.getByText('Nous en avons saisi deux à Kehl hier.').waitFor();

    // The sender sees who has acknowledged.
    await claire.reload();
    await claire.getByRole('heading', { name: 'Acknowledgements: 1 of 1' }).waitFor();
    await claire.getByText('Nous en avons saisi deux à Kehl hier.').waitFor();
    const row = claire
      .getByRole('table', { name: 'Who has and has not acknowledged' })
      .getByRole('row', { name: /Jonas Grenze/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Germany');
    expect(await row.textContent()).not.toContain('Not yet');

    // A request for assistance: the French member asks, the German one answers, the asker keeps
    // the best answer in the library, where search finds the words of the answer.
    await claire.goto(`${origin}/network/requests`);
    await claire.getByRole('heading', { level: 1, name: 'Requests for assistance' }).waitFor();
    await claire.getByText(/^No request for assistance yet/).waitFor();
    await claire.getByRole('link', { name: 'Ask the network' }).first().click();
    await claire.getByRole('heading', { level: 1, name: 'Ask the network for assistance' }).waitFor();
    await claire.getByRole('textbox', { name: 'Subject' }).fill('Drones at night on the green border');
    await claire
      .getByRole('textbox', { name: 'Your question' })
      .fill('Who has experience with drones for night patrols along a forested border?');
    await claire.getByRole('button', { name: 'Send the request' }).click();
    await claire.getByRole('heading', { level: 1, name: 'Drones at night on the green border' }).waitFor();
    await claire.getByText('No answer yet. Members of the network answer here.').waitFor();

    await jonas.goto(`${origin}/network/requests`);
    await jonas.getByRole('link', { name: 'Drones at night on the green border' }).click();
    await jonas
      .getByRole('textbox', { name: 'Your answer' })
      .fill('We fly thermal drones from the Bavarian posts; the pilots rotate every four hours.');
    await jonas.getByRole('button', { name: 'Send the answer' }).click();
    await jonas.getByText(/the pilots rotate every four hours/).waitFor();

    await claire.reload();
    await claire.getByText(/the pilots rotate every four hours/).waitFor({ timeout: 60_000 });
    await claire.getByRole('button', { name: 'Mark as the best answer' }).click();
    await claire.getByText('Best answer', { exact: true }).first().waitFor();
    await claire.getByRole('button', { name: 'Save to the library' }).click();
    await claire.getByRole('link', { name: /The best answer is in the library/ }).waitFor({ timeout: 60_000 });
    await expectNoRawCodes(claire, { allowed: ['CF'] });

    // The library's worker reads the new document; the search finds it once read, each press of
    // Search asking again with the same words.
    await jonas.goto(`${origin}/library`);
    await jonas.getByRole('textbox', { name: 'Words in the documents' }).fill('pilots rotate');
    await expect
      .poll(
        async () => {
          await jonas.getByRole('button', { name: 'Search' }).click();
          await jonas
            .getByText(/^(\d+ documents? found|No document)/)
            .first()
            .waitFor({ timeout: 30_000 });
          return jonas
            .getByRole('listitem')
            .filter({ hasText: 'Drones at night on the green border' })
            .locator('mark', { hasText: 'pilots' })
            .count();
        },
        // Read by the library's background worker, which waits its turn on a loaded machine as the PDF's did.
        { timeout: 90_000, interval: 3_000 },
      )
      .toBeGreaterThan(0);
    watcher.expectClean(origin);
  });
});
