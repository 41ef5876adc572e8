import type { Language } from '../../notifications/catalogue.js';

/** The words of an agenda as it leaves the platform (its PDF, the calendars), in the six languages. */
export interface AgendaWords {
  organisation: string;
  agenda: string;
  time: string;
  session: string;
  room: string;
  notPublished: string;
  moderation: string;
  speakers: string;
  /** A person the reader may not know by name: their role, and where they come from. */
  unnamed: Record<'moderator' | 'speaker', Record<'contact' | 'expert' | 'guest', string>>;
}

export const AGENDA_WORDS: Record<Language, AgendaWords> = {
  en: {
    organisation: 'Organization for Security and Co-operation in Europe',
    agenda: 'Agenda',
    time: 'Time',
    session: 'Session',
    room: 'Room',
    notPublished: 'The agenda is not yet published.',
    moderation: 'Moderation',
    speakers: 'Speakers',
    unnamed: {
      moderator: { contact: 'Moderator from the directory', expert: 'Moderator from the roster', guest: 'Moderator' },
      speaker: { contact: 'Speaker from the directory', expert: 'Speaker from the roster', guest: 'Speaker' },
    },
  },
  fr: {
    organisation: 'Organisation pour la sécurité et la coopération en Europe',
    agenda: 'Ordre du jour',
    time: 'Heure',
    session: 'Séance',
    room: 'Salle',
    notPublished: 'L’ordre du jour n’est pas encore publié.',
    moderation: 'Modération',
    speakers: 'Intervenants',
    unnamed: {
      moderator: {
        contact: 'Modérateur issu de l’annuaire',
        expert: 'Modérateur issu du fichier d’experts',
        guest: 'Modérateur',
      },
      speaker: {
        contact: 'Intervenant issu de l’annuaire',
        expert: 'Intervenant issu du fichier d’experts',
        guest: 'Intervenant',
      },
    },
  },
  de: {
    organisation: 'Organisation für Sicherheit und Zusammenarbeit in Europa',
    agenda: 'Tagesordnung',
    time: 'Zeit',
    session: 'Sitzung',
    room: 'Raum',
    notPublished: 'Die Tagesordnung ist noch nicht veröffentlicht.',
    moderation: 'Moderation',
    speakers: 'Vortragende',
    unnamed: {
      moderator: { contact: 'Moderation aus dem Verzeichnis', expert: 'Moderation aus dem Expertenpool', guest: 'Moderation' },
      speaker: { contact: 'Vortrag aus dem Verzeichnis', expert: 'Vortrag aus dem Expertenpool', guest: 'Vortrag' },
    },
  },
  it: {
    organisation: 'Organizzazione per la sicurezza e la cooperazione in Europa',
    agenda: 'Ordine del giorno',
    time: 'Ora',
    session: 'Sessione',
    room: 'Sala',
    notPublished: 'L’ordine del giorno non è ancora pubblicato.',
    moderation: 'Moderazione',
    speakers: 'Relatori',
    unnamed: {
      moderator: { contact: 'Moderatore dalla rubrica', expert: 'Moderatore dall’elenco degli esperti', guest: 'Moderatore' },
      speaker: { contact: 'Relatore dalla rubrica', expert: 'Relatore dall’elenco degli esperti', guest: 'Relatore' },
    },
  },
  ru: {
    organisation: 'Организация по безопасности и сотрудничеству в Европе',
    agenda: 'Повестка дня',
    time: 'Время',
    session: 'Заседание',
    room: 'Зал',
    notPublished: 'Повестка дня ещё не опубликована.',
    moderation: 'Модератор',
    speakers: 'Докладчики',
    unnamed: {
      moderator: { contact: 'Модератор из справочника', expert: 'Модератор из реестра экспертов', guest: 'Модератор' },
      speaker: { contact: 'Докладчик из справочника', expert: 'Докладчик из реестра экспертов', guest: 'Докладчик' },
    },
  },
  es: {
    organisation: 'Organización para la Seguridad y la Cooperación en Europa',
    agenda: 'Orden del día',
    time: 'Hora',
    session: 'Sesión',
    room: 'Sala',
    notPublished: 'El orden del día aún no se ha publicado.',
    moderation: 'Moderación',
    speakers: 'Ponentes',
    unnamed: {
      moderator: { contact: 'Moderador del directorio', expert: 'Moderador de la lista de expertos', guest: 'Moderador' },
      speaker: { contact: 'Ponente del directorio', expert: 'Ponente de la lista de expertos', guest: 'Ponente' },
    },
  },
};
