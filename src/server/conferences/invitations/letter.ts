import type { Context } from '../../context.js';
import { renderPdf } from '../../files/pdf.js';
import { type Language, languageOf } from '../../notifications/catalogue.js';
import type { EventRow } from '../events/queries.js';
import { ownDelegations } from '../present.js';
import { evaluateInvitation } from './expression.js';
import * as q from './queries.js';
import type { LetterLink } from './schemas.js';

interface LetterTexts {
  heading: string;
  delegation: string;
  body: string;
  dates: string;
  venue: string;
  online: string;
  registration: string;
  closing: string;
  /** The closing of a letter to a person invited by name, who registers themself. */
  personal: string;
}

/** The letter's sentences in the six languages; {placeholders} are filled with names, never sentences. */
const TEXTS: Record<Language, LetterTexts> = {
  en: {
    heading: 'Invitation',
    delegation: 'Delegation of {state}',
    body: '{organiser} has the honour to invite you to “{event}”.',
    dates: 'Dates',
    venue: 'Venue',
    online: 'Online',
    registration: 'Registration',
    closing: 'Please register the members of your delegation at the address above. We look forward to welcoming you.',
    personal: 'Please register at the address above. We look forward to welcoming you.',
  },
  fr: {
    heading: 'Invitation',
    delegation: 'Délégation : {state}',
    body: '{organiser} a l’honneur de vous inviter à « {event} ».',
    dates: 'Dates',
    venue: 'Lieu',
    online: 'En ligne',
    registration: 'Inscription',
    closing: 'Veuillez inscrire les membres de votre délégation à l’adresse ci-dessus. Nous nous réjouissons de vous accueillir.',
    personal: 'Veuillez vous inscrire à l’adresse ci-dessus. Nous nous réjouissons de vous accueillir.',
  },
  de: {
    heading: 'Einladung',
    delegation: 'Delegation: {state}',
    body: '{organiser} beehrt sich, Sie zu „{event}“ einzuladen.',
    dates: 'Termin',
    venue: 'Ort',
    online: 'Online',
    registration: 'Anmeldung',
    closing: 'Bitte melden Sie die Mitglieder Ihrer Delegation unter der obigen Adresse an. Wir freuen uns auf Ihr Kommen.',
    personal: 'Bitte melden Sie sich unter der obigen Adresse an. Wir freuen uns auf Ihr Kommen.',
  },
  it: {
    heading: 'Invito',
    delegation: 'Delegazione: {state}',
    body: '{organiser} ha l’onore di invitarvi a «{event}».',
    dates: 'Date',
    venue: 'Luogo',
    online: 'Online',
    registration: 'Iscrizione',
    closing:
      'Vi preghiamo di iscrivere i membri della vostra delegazione all’indirizzo indicato sopra. Saremo lieti di accogliervi.',
    personal: 'La preghiamo di iscriversi all’indirizzo indicato sopra. Saremo lieti di accoglierla.',
  },
  ru: {
    heading: 'Приглашение',
    delegation: 'Делегация: {state}',
    body: '{organiser} имеет честь пригласить вас на мероприятие «{event}».',
    dates: 'Даты',
    venue: 'Место',
    online: 'Онлайн',
    registration: 'Регистрация',
    closing: 'Просим зарегистрировать членов вашей делегации по указанному выше адресу. Будем рады вас видеть.',
    personal: 'Просим вас зарегистрироваться по указанному выше адресу. Будем рады вас видеть.',
  },
  es: {
    heading: 'Invitación',
    delegation: 'Delegación: {state}',
    body: '{organiser} tiene el honor de invitarles a «{event}».',
    dates: 'Fechas',
    venue: 'Lugar',
    online: 'En línea',
    registration: 'Inscripción',
    closing:
      'Les rogamos que inscriban a los miembros de su delegación en la dirección indicada arriba. Esperamos darles la bienvenida.',
    personal: 'Le rogamos que se inscriba en la dirección indicada arriba. Esperamos darle la bienvenida.',
  },
};

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/**
 * The language of an invitee's letter: the one most of its accounts chose (the delegates of a
 * State, the members of an organisation), English when none of them chose one of the six.
 */
export function letterLanguage(chosen: readonly string[]): Language {
  return languageOf(chosen.find((language) => languageOf(language) === language));
}

export interface Letter {
  language: Language;
  /** A State's ISO code, an organisation's name, or a person invited by name with their organisation. */
  invitee: { state: string } | { organisation: string } | { person: string; organisation: string | null };
  organiser: string;
  event: { title: string; startsAt: Date; endsAt: Date; timeZone: string; venue: string; onlineUrl: string | null };
  registrationUrl: string;
}

/** The State's name in the letter's language. */
function stateName(iso2: string, language: Language): string {
  return new Intl.DisplayNames([language], { type: 'region' }).of(iso2) ?? iso2;
}

/** The invitation letter as a PDF, all of it in the invitee's language, its dates in that language's format and the event's zone. */
export function letterPdf(l: Letter): Promise<Buffer> {
  const t = TEXTS[l.language];
  const format = new Intl.DateTimeFormat(l.language, { dateStyle: 'long', timeStyle: 'short', timeZone: l.event.timeZone });
  const addressee =
    'state' in l.invitee
      ? fill(t.delegation, { state: stateName(l.invitee.state, l.language) })
      : 'person' in l.invitee
        ? [l.invitee.person, l.invitee.organisation].filter(Boolean).join(', ')
        : l.invitee.organisation;
  const where =
    [l.event.venue, l.event.onlineUrl ? `${t.online}: ${l.event.onlineUrl}` : ''].filter(Boolean).join(' · ') || t.online;
  const line = (label: string, value: string) => ({ text: [{ text: `${label}: `, bold: true }, value], margin: [0, 2, 0, 2] });
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [60, 60, 60, 60],
    language: l.language,
    info: { title: `${t.heading}: ${l.event.title}`, author: l.organiser, creator: 'Crossroads' },
    content: [
      { text: 'Organization for Security and Co-operation in Europe', style: 'small' },
      { text: l.organiser, style: 'small', margin: [0, 0, 0, 30] },
      { text: addressee, bold: true, margin: [0, 0, 0, 24] },
      { text: t.heading, style: 'title', margin: [0, 0, 0, 16] },
      { text: fill(t.body, { organiser: l.organiser, event: l.event.title }), margin: [0, 0, 0, 12] },
      line(t.dates, `${format.format(l.event.startsAt)} – ${format.format(l.event.endsAt)} (${l.event.timeZone})`),
      line(t.venue, where),
      line(t.registration, l.registrationUrl),
      { text: 'person' in l.invitee ? t.personal : t.closing, margin: [0, 16, 0, 0] },
    ],
    styles: { title: { fontSize: 18, bold: true }, small: { fontSize: 9, color: '#444444' } },
    defaultStyle: { font: 'Roboto', fontSize: 11 },
  } as Parameters<typeof renderPdf>[0]);
}

const letterUrl = (eventId: string, invitee: { state: string } | { organisationId: string } | { personId: string }) =>
  `/api/conferences/events/${eventId}/invitation/letter.pdf?${new URLSearchParams(invitee)}`;

/** The States and organisations an event's sent invitation list invites. */
export async function invitees(ctx: Context, event: EventRow): Promise<{ states: Set<string>; organisations: Set<string> }> {
  if (!event.invited_at) return { states: new Set(), organisations: new Set() };
  return {
    states: evaluateInvitation(event.invitation.terms, await q.selectCountryFacts(ctx.db)),
    organisations: new Set(event.invitation.organisations),
  };
}

/**
 * The invitation letters the reader may download for an event: their own State's delegation's and
 * their own organisation's, once the list inviting them is sent (the organiser finds every letter on
 * the invitation page).
 */
export async function ownLetters(ctx: Context, event: EventRow): Promise<LetterLink[]> {
  const own = ownDelegations(ctx.actor);
  const personal = ctx.actor ? await personalLetters(ctx, event.id, ctx.actor.userId) : [];
  if (!event.invited_at || (own.countries.size === 0 && own.organisations.size === 0)) return personal;
  const invited = await invitees(ctx, event);
  const states = [...own.countries].filter((s) => invited.states.has(s)).sort();
  const organisations = await q.selectOrganisations(
    ctx.db,
    [...own.organisations].filter((o) => invited.organisations.has(o)),
  );
  return [
    ...states.map((state) => ({ invitee: state, state, url: letterUrl(event.id, { state }) })),
    ...organisations.map((o) => ({ invitee: o.name_en, state: null, url: letterUrl(event.id, { organisationId: o.id }) })),
    ...personal,
  ];
}

/** The letters of the reader's own invitations by name: as an account, or as a contact with the account's address. */
async function personalLetters(ctx: Context, eventId: string, userId: string): Promise<LetterLink[]> {
  const mine = new Set(await q.ownInvitations(ctx.db, eventId, userId));
  if (mine.size === 0) return [];
  const people = await q.selectInvitedPeople(ctx.db, eventId, languageOf(ctx.actor?.language));
  return people
    .filter((p) => mine.has(p.id))
    .map((p) => ({ invitee: p.name, state: null, url: letterUrl(eventId, { personId: p.id }) }));
}
