import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractText, probeDocument } from './reader.js';
import { sampleDocx, sampleOdt } from './sample-files.js';

describe('the documents made for the demonstration and the tests', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the same DOCX bytes for the same text, whenever it is made', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
    const first = await sampleDocx('Обмен информацией', ['Пограничная служба обменивается сведениями.']);
    vi.setSystemTime(new Date('2027-07-15T18:31:07Z'));
    const second = await sampleDocx('Обмен информацией', ['Пограничная служба обменивается сведениями.']);
    expect(second.equals(first)).toBe(true);
    vi.useRealTimers();
    const text = await extractText(first, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(text.text).toContain('Пограничная служба обменивается сведениями.');
  });

  it('makes an ODT the library recognises by its content and reads', async () => {
    const odt = sampleOdt('Contrôles & vérifications', ['Premier paragraphe.', 'Second paragraphe <important>.']);
    expect(sampleOdt('Contrôles & vérifications', ['Premier paragraphe.', 'Second paragraphe <important>.']).equals(odt)).toBe(
      true,
    );
    expect((await probeDocument(odt)).mediaType).toBe('application/vnd.oasis.opendocument.text');
    const text = await extractText(odt, 'application/vnd.oasis.opendocument.text');
    expect(text.text.split('\n')).toEqual(['Contrôles & vérifications', 'Premier paragraphe.', 'Second paragraphe <important>.']);
  });
});
