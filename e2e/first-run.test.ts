// The first minutes on a fresh install, without the demonstration data: the first co-ordinator
// signs in with the one-time password (asked once), and the empty pages say what would fill them
// and link to it.
import { expect, test } from 'vitest';
import { describeJourney, journeyPlatform, signInFirstTime, Watcher } from './browser.js';

describeJourney('first-run journey', () => {
  const platform = journeyPlatform();

  test('empty pages say what fills them and link to it', { timeout: 180_000 }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const watcher = new Watcher();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const page = await watcher.page(context, 30_000);
    await signInFirstTime(page, origin, { ...server, newPassword: 'First-Run-Journey-2026!' }, { name: 'Alert inbox' });

    await page.goto(`${origin}/warning/alerts`);
    const inbox = page.locator('[data-empty-state]');
    await inbox.getByText('No alerts yet. Alerts are raised by rules on imported indicator values.').waitFor();
    expect(await inbox.getByText('npm start -- --demo').count()).toBe(1);
    await inbox.getByRole('link', { name: 'Import indicator values and set rules' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indicator data and rules' }).waitFor();

    await page.goto(`${origin}/missions`);
    await page
      .locator('[data-empty-state]')
      .getByText('No missions yet. A mission is created here, with its countries, dates and the competences it needs.')
      .waitFor();

    // The other lists of a new platform: each says what fills it, with a link where there is one.
    const empty: Array<[string, RegExp, string | null]> = [
      ['/reports', /A mission report is written by the team of a deployed mission/, 'Missions'],
      ['/recommendations', /Recommendations come from adopted mission reports/, 'Mission reports'],
      ['/roster', /Experts join the roster when their organisation nominates them/, null],
      ['/solidarity/pledges', /No pledge has been recorded yet/, null],
    ];
    for (const [where, sentence, link] of empty) {
      await page.goto(`${origin}${where}`);
      const state = page.locator('[data-empty-state]').filter({ hasText: sentence });
      await state.waitFor();
      if (link) expect(await state.getByRole('link', { name: link }).count(), where).toBe(1);
    }
    // The last, the ledger, has two lists: the relocations say what fills them too.
    await page
      .locator('[data-empty-state]')
      .getByText(/No relocation has been recorded yet/)
      .waitFor();

    // A filter that matches nothing is not mistaken for an empty platform.
    await page.goto(`${origin}/warning/alerts?level=red&country=GR`);
    await page.getByText('No alerts match these filters.').waitFor();
    expect(await page.locator('[data-empty-state]').count()).toBe(0);
    watcher.expectClean(origin);
    await context.close();
  });
});
