import { type NumberedParagraph, printedNumber } from '../text.js';

/** What every export prints: one revision of a document, or the adopted decision with its statements. */
export interface TextSource {
  symbol: string;
  /** A stable work identifier, lower case: mc-dd-7-16. */
  work: string;
  title: string;
  kind: 'decision' | 'declaration';
  council: 'MC' | 'PC';
  date: string;
  language: string;
  adopted: boolean;
  paragraphs: NumberedParagraph[];
  statements: Array<{ number: number; country: string; countryName: string; joinerNames: string[]; text: string }>;
}

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'ENGLISH',
  fr: 'FRENCH',
  de: 'GERMAN',
  it: 'ITALIAN',
  ru: 'RUSSIAN',
  es: 'SPANISH',
};

/** "Original: ENGLISH", as the OSCE prints it under the symbol. */
export function originalLine(language: string): string {
  return `Original: ${LANGUAGE_NAMES[language] ?? language.toUpperCase()}`;
}

/** The council's name as the heading of the text. */
export function councilName(council: 'MC' | 'PC'): string {
  return council === 'MC' ? 'Ministerial Council' : 'Permanent Council';
}

/** The paragraph's number as printed, with its words. */
export function printed(p: NumberedParagraph): { number: string; text: string; sub: boolean } {
  return { number: printedNumber(p.number), text: p.text, sub: p.parentId !== null };
}
