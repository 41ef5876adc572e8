import type { Content } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../files/pdf.js';
import type { Language } from '../../notifications/catalogue.js';
import { AGENDA_WORDS } from '../agenda/words.js';

export interface AgendaPdf {
  title: string;
  organiser: string;
  when: string;
  where: string;
  sessions: ReadonlyArray<{ time: string; title: string; room: string; people: readonly string[] }>;
}

/**
 * The agenda as a PDF in the reader's language: the event, then its sessions in order with their
 * times (in the event's zone), rooms, moderators and speakers.
 */
export function agendaPdf(a: AgendaPdf, language: Language = 'en'): Promise<Buffer> {
  const words = AGENDA_WORDS[language];
  const rows: Content[][] = [
    [
      { text: words.time, bold: true },
      { text: words.session, bold: true },
      { text: words.room, bold: true },
    ],
    ...a.sessions.map((s) => [
      { text: s.time },
      { stack: [{ text: s.title, bold: true }, ...s.people.map((line) => ({ text: line, style: 'small' }))] },
      { text: s.room },
    ]),
  ];
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    info: { title: `${words.agenda}: ${a.title}`, author: a.organiser, creator: 'Crossroads' },
    language,
    content: [
      { text: words.organisation, style: 'small' },
      { text: a.organiser, style: 'small', margin: [0, 0, 0, 16] },
      { text: a.title, style: 'title' },
      { text: a.when, margin: [0, 6, 0, 0] },
      { text: a.where, margin: [0, 0, 0, 16] },
      { text: words.agenda, style: 'heading' },
      a.sessions.length
        ? { table: { headerRows: 1, widths: [90, '*', 100], body: rows }, layout: 'lightHorizontalLines' }
        : { text: words.notPublished, italics: true },
    ],
    styles: {
      title: { fontSize: 20, bold: true },
      heading: { fontSize: 14, bold: true, margin: [0, 0, 0, 8] },
      small: { fontSize: 9, color: '#444444' },
    },
    defaultStyle: { font: 'Roboto', fontSize: 11 },
  });
}

export interface Badge {
  name: string;
  function: string;
  organisation: string;
  state: string;
  /** The QR code of the check-in address, as a PNG data URL. */
  qr: string;
}

/** Name badges, four to an A4 page (two by two), each with the QR code checked at the door. */
export function badgesPdf(event: { title: string; when: string }, badges: readonly Badge[]): Promise<Buffer> {
  const card = (b: Badge): Content => ({
    stack: [
      { text: event.title, style: 'small' },
      { text: event.when, style: 'small', margin: [0, 0, 0, 10] },
      { text: b.name, style: 'name' },
      { text: b.function, margin: [0, 4, 0, 0] },
      { text: b.organisation, bold: true },
      { text: b.state, margin: [0, 0, 0, 8] },
      { image: b.qr, fit: [110, 110] },
    ],
    margin: [10, 10, 10, 10],
  });
  const pairs: Content[][] = [];
  for (let i = 0; i < badges.length; i += 2) {
    const left = card(badges[i]!);
    const right = badges[i + 1] ? card(badges[i + 1]!) : { text: '' };
    pairs.push([left, right]);
  }
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [30, 30, 30, 30],
    info: { title: `Badges: ${event.title}`, creator: 'Crossroads' },
    content: pairs.length
      ? {
          table: { widths: ['*', '*'], heights: 370, dontBreakRows: true, body: pairs },
        }
      : { text: 'No participant is confirmed yet.', italics: true },
    styles: { name: { fontSize: 22, bold: true }, small: { fontSize: 9, color: '#444444' } },
    defaultStyle: { font: 'Roboto', fontSize: 12 },
  });
}
