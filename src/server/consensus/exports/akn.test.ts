import { describe, expect, it } from 'vitest';
import { numberParagraphs } from '../text.js';
import { eIdOf, toAkomaNtoso } from './akn.js';
import type { TextSource } from './text-source.js';
import { aknErrors } from './validate.js';

const PP = '11111111-1111-4111-8111-111111111111';
const OP = '21111111-1111-4111-8111-111111111111';
const SUB = '31111111-1111-4111-8111-111111111111';

const source: TextSource = {
  symbol: 'MC.DEC/3/16',
  work: 'mc-dd-7-16',
  title: 'Decision on migration & refugees',
  kind: 'decision',
  council: 'MC',
  date: '2016-12-09',
  language: 'en',
  adopted: true,
  paragraphs: numberParagraphs([
    { id: PP, part: 'preambular', parentId: null, text: 'Recalling the Helsinki Final Act <1975>,', commitmentId: null },
    { id: OP, part: 'operative', parentId: null, text: 'Tasks the executive structures:', commitmentId: null },
    { id: SUB, part: 'operative', parentId: OP, text: 'to report on mixed migration;', commitmentId: null },
  ]),
  statements: [
    { number: 1, country: 'AT', countryName: 'Austria', joinerNames: ['Italy'], text: 'Austria joins the consensus.' },
  ],
};

describe('Akoma Ntoso export', () => {
  it('writes a decision that validates against the OASIS schema, with eIds from the stable ids', async () => {
    const xml = toAkomaNtoso(source);
    expect(await aknErrors(xml)).toEqual([]);
    expect(xml).toContain('<doc name="decision">');
    expect(xml).toContain(`<recital eId="${eIdOf({ id: PP })}">`);
    expect(xml).toContain(`<paragraph eId="${eIdOf({ id: SUB })}"><num>(a)</num>`);
    expect(xml).toContain('&lt;1975&gt;');
  }, 60_000);

  it('refuses a broken document: operative paragraphs outside mainBody, or no identification', async () => {
    const xml = toAkomaNtoso(source);
    expect(await aknErrors(xml.replace('<mainBody>', '').replace('</mainBody>', ''))).not.toEqual([]);
    expect(await aknErrors(xml.replace(/<FRBRWork>.*?<\/FRBRWork>/, ''))).not.toEqual([]);
  }, 60_000);
});
