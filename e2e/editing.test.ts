// Records that used to need the API, created and edited in the pages by the co-ordinator: an
// organisation (a refused website marks its field and keeps what was typed), a contact of it, and
// a mission with two competences, two languages and its mandate, every code chosen by name from a
// picker. Each page is checked for raw codes in English and Russian.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeJourney, journeyPlatform, sessionCheck, signInFirstTime, Watcher } from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

const NEW_PASSWORD = 'Editing-Journey-2027!x';

/** Chooses an option of a searchable picker by typing part of its name. */
async function pick(page: Page, label: string, typed: string, option: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: label, exact: true });
  await picker.click();
  await picker.fill(typed);
  await page.getByRole('listbox', { name: label, exact: true }).getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

describeJourney('editing journey', () => {
  const platform = journeyPlatform();

  test('an organisation, a contact and a mission created and edited in the pages', { timeout: 300_000 }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    // The refused website is answered 400 on purpose; the browser logs that as an error.
    const watcher = new Watcher(
      (message) =>
        sessionCheck(message) ||
        (message.text().includes('status of 400') && message.location().url.endsWith('/api/directory/organisations')),
    );
    const page = await watcher.page(context);

    await signInFirstTime(page, origin, { ...server, newPassword: NEW_PASSWORD }, { name: 'Missions', exact: true });
    // What the co-ordinator may do, in words.
    await page.getByText('Create accounts, grant roles and reset passwords').waitFor();
    await page.getByText('Compose mission teams and book experts').waitFor();
    await expectNoRawCodes(page);

    // A new organisation; a website without its scheme is refused on its field, the rest kept.
    await page.goto(`${origin}/directory`);
    await page.getByRole('link', { name: 'Add an organisation' }).click();
    const organisationForm = page.getByRole('form', { name: 'Add an organisation' });
    await organisationForm.waitFor();
    await organisationForm.getByRole('combobox', { name: 'Kind of organisation' }).selectOption({ label: 'NGO' });
    await organisationForm.getByRole('textbox', { name: 'Name (English)' }).fill('Aegean Refugee Legal Aid');
    await organisationForm.getByRole('textbox', { name: 'Website' }).fill('aegean-legal');
    await pick(page, 'Country', 'Gree', 'Greece');
    await organisationForm.getByRole('textbox', { name: 'City' }).fill('Mytilene');
    await organisationForm.getByRole('textbox', { name: 'Mandate' }).fill('Free legal counselling for asylum seekers.');
    await organisationForm.getByRole('checkbox', { name: 'Human' }).check();
    await organisationForm.getByRole('button', { name: 'Save' }).click();
    const website = organisationForm.getByRole('textbox', { name: 'Website' });
    await expect.poll(() => website.getAttribute('aria-invalid')).toBe('true');
    expect(await organisationForm.getByRole('textbox', { name: 'Name (English)' }).inputValue()).toBe('Aegean Refugee Legal Aid');
    await website.fill('https://aegean-legal.example.org');
    await organisationForm.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aegean Refugee Legal Aid' }).waitFor();
    await page.getByText('Mytilene, Greece').waitFor();
    await expectNoRawCodes(page);

    // Edited: an acronym, a French name, another city.
    await page.getByRole('link', { name: 'Edit the organisation' }).click();
    const editOrganisation = page.getByRole('form', { name: 'Edit the organisation' });
    await editOrganisation.getByRole('textbox', { name: 'Acronym' }).fill('ARLA');
    await editOrganisation.getByRole('textbox', { name: 'Name (Français)' }).fill('Aide juridique aux réfugiés de la mer Égée');
    await editOrganisation.getByRole('textbox', { name: 'City' }).fill('Mytilini');
    await editOrganisation.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'ARLA – Aegean Refugee Legal Aid' }).waitFor();
    await page.getByText('Mytilini, Greece').waitFor();

    // A contact of the organisation, what they cover chosen by name.
    await page.getByRole('link', { name: 'Add a contact' }).click();
    const contactForm = page.getByRole('form', { name: 'Add a contact' });
    await contactForm.waitFor();
    // The organisation it was added from is chosen already, and named (it is not among the first found).
    await expect
      .poll(() => contactForm.getByRole('combobox', { name: 'Organisation' }).inputValue(), { timeout: 30_000 })
      .toBe('ARLA – Aegean Refugee Legal Aid');
    await contactForm.getByRole('textbox', { name: 'Name', exact: true }).fill('Eleni Advocate');
    await contactForm.getByRole('textbox', { name: 'Function or title' }).fill('Legal counsellor');
    await contactForm.getByRole('textbox', { name: 'Email addresses' }).fill('eleni@aegean-legal.example.org');
    await contactForm.getByRole('textbox', { name: 'Telephone numbers' }).fill('+30 22510 12345');
    await pick(page, 'Countries covered', 'Gree', 'Greece');
    await pick(page, 'Key areas', 'Protection', 'Protection of people along migration routes');
    await pick(page, 'Competences', 'Non-ref', 'Non-refoulement and international protection');
    await pick(page, 'Languages', 'Gree', 'Greek');
    await pick(page, 'Languages', 'Engl', 'English');
    await contactForm.getByRole('combobox', { name: 'Who may see it' }).selectOption({ label: 'Everyone (public)' });
    await contactForm.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eleni Advocate' }).waitFor();
    await page.getByText('Non-refoulement and international protection').waitFor();
    await page.getByText(/Greek, English|English, Greek/).waitFor();
    await expectNoRawCodes(page);

    await page.getByRole('link', { name: 'Edit the contact' }).click();
    const editContact = page.getByRole('form', { name: 'Edit the contact' });
    await expect
      .poll(() => editContact.getByRole('combobox', { name: 'Organisation' }).inputValue(), { timeout: 30_000 })
      .toBe('ARLA – Aegean Refugee Legal Aid');
    await editContact.getByRole('textbox', { name: 'Function or title' }).fill('Senior legal counsellor');
    await editContact.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eleni Advocate' }).waitFor();
    await page.getByText('Senior legal counsellor').waitFor();

    // A mission: two host countries, two competences, two languages and the mandate.
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.getByRole('link', { name: 'Missions', exact: true }).click();
    await page.getByRole('button', { name: 'New mission' }).click();
    const missionForm = page.getByRole('form', { name: 'Draft a mission' });
    await missionForm.getByRole('textbox', { name: 'Code' }).fill('E2E-2027-09');
    await missionForm.getByRole('textbox', { name: 'Title' }).fill('Southern Balkan route');
    await pick(page, 'Host countries', 'Gree', 'Greece');
    await pick(page, 'Host countries', 'North Mac', 'North Macedonia');
    await missionForm.getByLabel('Starts on').fill('2027-09-06');
    await missionForm.getByLabel('Ends on').fill('2027-09-17');
    await missionForm.getByRole('textbox', { name: 'Mandating decision' }).fill('PC.DEC/1501');
    await missionForm.getByLabel('Date of the decision').fill('2027-07-15');
    await missionForm.getByRole('textbox', { name: 'Terms of reference' }).fill('Assess reception and border procedures.');
    await missionForm.getByRole('button', { name: 'Add a competence' }).click();
    await missionForm.getByRole('button', { name: 'Add a competence' }).click();
    await pick(page, 'Competence 1', 'Border', 'Border security and management');
    await pick(page, 'Competence 2', 'Identif', 'Identification of victims of trafficking');
    await missionForm.getByRole('button', { name: 'Add a language' }).click();
    await missionForm.getByRole('button', { name: 'Add a language' }).click();
    await pick(page, 'Language 1', 'Gree', 'Greek');
    await pick(page, 'Language 2', 'Mace', 'Macedonian');
    await missionForm.getByRole('button', { name: 'Create mission' }).click();
    await page.getByRole('heading', { level: 1, name: 'E2E-2027-09 Southern Balkan route' }).waitFor();
    const requirements = page.getByRole('list', { name: 'Requirements' });
    await requirements.getByText('Border security and management: experienced or above, 1 expert').waitFor();
    await requirements.getByText('Identification of victims of trafficking: experienced or above, 1 expert').waitFor();
    await requirements.getByText('Greek, spoken, B2 or above').waitFor();
    await requirements.getByText('Macedonian, spoken, B2 or above').waitFor();
    await page.getByText('Greece → North Macedonia').waitFor();
    await page.getByText('Assess reception and border procedures.').waitFor();
    await expectNoRawCodes(page);

    // Edited: the terms of reference.
    await page.getByRole('button', { name: 'Edit the mission' }).click();
    const editMission = page.getByRole('form', { name: 'Edit the mission' });
    await editMission
      .getByRole('textbox', { name: 'Terms of reference' })
      .fill('Assess reception, registration and border procedures.');
    await editMission.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Assess reception, registration and border procedures.').waitFor();

    watcher.expectClean(origin);
    await context.close();
  });
});
