// Xenophobic rhetoric, in a real browser against the built platform with its demonstration data:
// the co-ordinator records a public statement (first sent with the words left out, then with a
// link that is not one, each refused on its field), a reviewer for Sweden finds it in the queue
// and verifies it, and a visitor signed out reads the public aggregate, clearly apart from the
// hate-crime statistics, with Sweden's count rounded as the rule says; the hate-incident
// statistics do not change. The co-ordinator then records an awareness campaign for Sweden.
import type { ConsoleMessage, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeJourney, journeyPlatform, sessionCheck, signInFirstTime, Watcher } from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

const PASSWORD = 'Words-That-Wound-2026!';
const REVIEWER = 'sven.reviewer@example.org';
const WORDS = 'These newcomers will never be Swedes; close every reception centre in the county now.';
/** The demonstration data has no statement in Sweden: its count is the journey's alone. */
const EXTRA_STATEMENTS = 7;

/** Waits for what the page shows, as long as a loaded machine may need. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 250 });

/** The link that is not one is refused with 400, which the browser logs; the page shows it on its field. */
function expectedNoise(message: ConsoleMessage): boolean {
  if (sessionCheck(message)) return true;
  return message.text().includes('status of 400') && message.location().url.endsWith('/api/incidents/rhetoric');
}

/** Chooses an option of a picker, typing part of its name first when the picker is searchable. */
async function pick(page: Page, label: string, option: string | RegExp, typed?: string): Promise<string> {
  const picker = page.getByRole('combobox', { name: label, exact: true });
  await picker.click();
  if (typed) await picker.fill(typed);
  const choice = page
    .getByRole('listbox', { name: label, exact: true })
    .getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option })
    .first();
  const name = (await choice.textContent()) ?? '';
  await choice.click();
  await page.keyboard.press('Escape');
  return name;
}

/** A call to the API from the signed-in page, with its session's CSRF token, as the page itself makes. */
async function apiFromPage<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(`/api${url}`, {
        method,
        headers: { 'x-csrf-token': session.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { method, url, body },
  ) as Promise<T>;
}

describeJourney('xenophobic rhetoric journey', () => {
  const platform = journeyPlatform({ start: { args: ['--demo'] } });

  test('a statement recorded, verified by a reviewer of its country, counted apart from hate crime; a campaign recorded', {
    timeout: 420_000,
  }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const watcher = new Watcher(expectedNoise);

    // The hate-incident statistics as a visitor reads them before any statement is verified.
    const visitorContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const visitor = await watcher.page(visitorContext, 30_000);
    await visitor.goto(`${origin}/incidents/statistics`);
    await visitor.getByRole('heading', { level: 1, name: 'Hate incidents against migrants and refugees' }).waitFor();
    const hateTotal = visitor.getByTestId('stats-total');
    await poll(async () => (await hateTotal.textContent()) ?? '').toMatch(/^Verified incidents: (\d[\d,]*|not published)$/);
    const hateBefore = await hateTotal.textContent();

    // The co-ordinator signs in and gives Sweden a reviewer of statements.
    const coordinatorContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const coordinator = await watcher.page(coordinatorContext, 30_000);
    await signInFirstTime(coordinator, origin, { ...server, newPassword: PASSWORD }, { name: 'Missions', exact: true });
    const reviewerAccount = await apiFromPage<{ oneTimePassword: string }>(coordinator, 'POST', '/users', {
      email: REVIEWER,
      name: 'Sven Reviewer',
      grants: [{ role: 'incident_reviewer', scopeType: 'country', countryIso2: 'SE' }],
      reason: 'Reviews the statements recorded in Sweden',
    });

    // From the public page to the form.
    await coordinator
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Xenophobic rhetoric', exact: true })
      .click();
    await coordinator.getByRole('heading', { level: 1, name: 'Xenophobic rhetoric' }).waitFor();
    await coordinator.getByRole('link', { name: 'Record a statement' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Record a public statement' }).waitFor();
    await expectNoRawCodes(coordinator);

    // Everything but the words: the form marks the words as required and sends nothing.
    await coordinator.getByLabel('Date of the statement').fill('2026-10-02');
    expect(await pick(coordinator, 'Country', 'Sweden', 'Swed')).toBe('Sweden');
    await pick(coordinator, 'Speaker’s role', 'Mayor or local official');
    await pick(coordinator, 'Medium', 'Social media');
    const link = coordinator.getByRole('textbox', { name: 'Link to the source (optional)' });
    await link.fill('the mayor’s page');
    const words = coordinator.getByRole('textbox', { name: 'The words in question' });
    const send = coordinator.getByRole('button', { name: 'Record the statement' });
    await send.click();
    await poll(() => words.getAttribute('aria-invalid')).toBe('true');
    expect(await coordinator.getByText('This field is required.').count()).toBe(1);
    expect(await link.getAttribute('aria-invalid')).not.toBe('true');

    // The words given, the link is refused on its field by the server; what was typed stays.
    await words.fill(WORDS);
    await send.click();
    await poll(() => link.getAttribute('aria-invalid')).toBe('true');
    await poll(() => words.getAttribute('aria-invalid')).not.toBe('true');
    const linkError = coordinator.locator(`[id="${await link.getAttribute('id')}-error"]`);
    await poll(() => linkError.textContent()).toBe('This value is not valid.');
    expect(await words.inputValue()).toBe(WORDS);
    expect(await coordinator.getByRole('status').getByText('Statement recorded').count()).toBe(0);

    // A real link: the statement is recorded and waits for a reviewer; the form is empty again.
    await link.fill('https://example.org/county/mayor/posts/2026-10-02');
    await send.click();
    const recorded = coordinator.getByRole('status').filter({ hasText: 'Statement recorded' });
    await recorded.getByText('It waits for a reviewer. It will be counted once verified.').waitFor();
    await poll(() => words.inputValue()).toBe('');
    await expectNoRawCodes(coordinator);

    // More statements in Sweden, recorded through the API by the same co-ordinator.
    for (let i = 0; i < EXTRA_STATEMENTS; i++) {
      await apiFromPage(coordinator, 'POST', '/incidents/rhetoric', {
        statedOn: `2026-0${i + 1}-15`,
        country: 'SE',
        speakerRole: 'party_official',
        medium: 'speech',
        link: `https://example.org/rallies/${i + 1}`,
        words: `Rally ${i + 1}: they are not refugees, they are invaders.`,
      });
    }

    // The reviewer for Sweden signs in, finds the walked statement in the queue and verifies it.
    const reviewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const reviewer = await watcher.page(reviewerContext, 30_000);
    await signInFirstTime(
      reviewer,
      origin,
      { email: REVIEWER, oneTimePassword: reviewerAccount.oneTimePassword, newPassword: PASSWORD },
      { name: 'Incident review' },
    );
    await reviewer.goto(`${origin}/incidents/rhetoric/review`);
    await reviewer.getByRole('heading', { level: 1, name: 'Statements to review' }).waitFor();
    const row = reviewer.getByRole('row').filter({ hasText: WORDS });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('Sweden');
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('Mayor or local official');
    expect(await row.getByTestId('statement-status').textContent()).toBe('Waiting for review');
    // A reviewer for Sweden sees Sweden's statements only: the walked one and the seven others.
    expect(await reviewer.getByRole('row').count()).toBe(1 + 1 + EXTRA_STATEMENTS);
    await expectNoRawCodes(reviewer);
    await row.getByRole('link', { name: '2026-10-02' }).click();
    await reviewer.getByRole('heading', { level: 1, name: 'Public statement' }).waitFor();
    expect(await reviewer.getByTestId('statement-words').textContent()).toBe(WORDS);
    const facts = reviewer.getByRole('table');
    await facts
      .getByRole('row', { name: /^Medium/ })
      .getByText('Social media')
      .waitFor();
    await facts
      .getByRole('row', { name: /^Recorded by/ })
      .getByText(server.email, { exact: false })
      .waitFor();
    expect(await reviewer.getByRole('link', { name: 'Link to the source (optional)' }).getAttribute('href')).toBe(
      'https://example.org/county/mayor/posts/2026-10-02',
    );
    await expectNoRawCodes(reviewer);
    await reviewer.getByRole('button', { name: 'Verify' }).click();
    await poll(() => reviewer.getByTestId('statement-status').textContent()).toBe('Verified');
    await poll(() => reviewer.getByRole('button', { name: 'Verify' }).count()).toBe(0);

    // The other seven are verified through the API: eight statements in Sweden in all.
    const waiting = await apiFromPage<{ items: Array<{ id: string }> }>(
      reviewer,
      'GET',
      '/incidents/rhetoric?status=submitted&country=SE&limit=200',
    );
    expect(waiting.items.length).toBe(EXTRA_STATEMENTS);
    for (const statement of waiting.items) {
      await apiFromPage(reviewer, 'POST', `/incidents/rhetoric/${statement.id}/review`, { decision: 'verified' });
    }

    // The visitor, signed out, reads the aggregate: not hate crime, Sweden's 8 published as 10 (the
    // seven alone would be published as 5: the walked statement's verification is what makes it 10).
    await visitor.goto(`${origin}/incidents/rhetoric`);
    await visitor.getByRole('heading', { level: 1, name: 'Xenophobic rhetoric' }).waitFor();
    const apart = visitor.getByTestId('not-hate-crime');
    await apart.getByText('Not hate crime', { exact: true }).waitFor();
    await apart.getByText(/never added to the hate-crime statistics/).waitFor();
    await apart.getByRole('link', { name: 'Hate incident statistics' }).waitFor();
    expect(await visitor.getByRole('link', { name: 'Record a statement' }).count()).toBe(0);
    const byCountry = visitor.getByRole('table', { name: 'By country' });
    const sweden = byCountry.getByRole('row', { name: /^Sweden/ });
    await sweden.waitFor();
    expect(await sweden.getByRole('cell').nth(1).textContent()).toBe('10');
    await visitor
      .getByText(
        'Counts of 1 to 4 are not published, and where a table would hide only one count, the next smallest is hidden too. Every published count is rounded to the nearest multiple of 5.',
        { exact: false },
      )
      .waitFor();
    await expectNoRawCodes(visitor);

    // The hate-incident statistics have not counted them.
    await visitor.getByRole('link', { name: 'Hate incident statistics' }).first().click();
    await visitor.getByRole('heading', { level: 1, name: 'Hate incidents against migrants and refugees' }).waitFor();
    await poll(() => hateTotal.textContent()).toBe(hateBefore);

    // The co-ordinator records an awareness campaign in Sweden and finds it in the list.
    await coordinator
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Awareness campaigns', exact: true })
      .click();
    await coordinator.getByRole('heading', { level: 1, name: 'Awareness-raising campaigns' }).waitFor();
    await expectNoRawCodes(coordinator);
    await coordinator.getByRole('link', { name: 'Record a campaign' }).first().click();
    await coordinator.getByRole('heading', { level: 1, name: 'New awareness campaign' }).waitFor();
    const title = 'Neighbours, not invaders';
    await coordinator.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
    const organiser = await pick(coordinator, 'Organiser', /Democratic Institutions and Human Rights/, 'Democratic');
    await pick(coordinator, 'Countries', 'Sweden', 'Swed');
    await coordinator.getByLabel('Start date').fill('2026-11-01');
    await coordinator.getByRole('textbox', { name: 'Description' }).fill('Posters and school visits answering the rallies.');
    await coordinator.getByRole('button', { name: 'Save the campaign' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Awareness-raising campaigns' }).waitFor();
    const campaign = coordinator.getByRole('heading', { level: 2, name: title });
    await campaign.waitFor();
    await coordinator.getByText(`By ${organiser}`, { exact: false }).first().waitFor();
    await expectNoRawCodes(coordinator);

    watcher.expectClean(origin);
    await reviewerContext.close();
    await visitorContext.close();
    await coordinatorContext.close();
  });
});
