import type { Texts } from '../catalogue.js';

export const it: Texts = {
  kinds: {
    'mission.booked': {
      subject: 'Fai parte della squadra della missione {mission}',
      body: 'Sei stato inserito nella squadra della missione {mission}.',
    },
    'mission.released': {
      subject: 'Non fai più parte della missione {mission}',
      body: 'Sei stato escluso dalla squadra della missione {mission}.',
    },
    'mission.approved': {
      subject: 'La missione {mission} è stata approvata',
      body: 'La missione {mission} è stata approvata; ora se ne può comporre la squadra.',
    },
    'mission.consent_given': {
      subject: 'Consenso dato per la missione {mission}',
      body: 'Lo Stato ospitante ha dato il suo consenso alla missione {mission}.',
    },
    'mission.deployed': { subject: 'La missione {mission} è dispiegata', body: 'La missione {mission} è stata dispiegata.' },
    'report.submitted': {
      subject: 'Il rapporto della missione {mission} è stato presentato',
      body: 'Il rapporto della missione {mission} è stato presentato per l’esame.',
    },
    'report.returned': {
      subject: 'Il rapporto della missione {mission} è stato rinviato',
      body: 'Il rapporto della missione {mission} è stato rinviato alla squadra con questo commento: {comment}',
    },
    'report.adopted': {
      subject: 'Il rapporto della missione {mission} è stato adottato',
      body: 'Il rapporto della missione {mission} è stato adottato.',
    },
    'follow_up.recommendation_late': {
      subject: 'Una raccomandazione della missione {mission} è in ritardo',
      body: 'Una raccomandazione della missione {mission} di cui segui l’attuazione ha superato la scadenza.',
    },
    'warning.alert_raised': {
      subject: 'Allerta lanciata per: {country}',
      body: 'È stata lanciata un’allerta precoce per: {country}.',
    },
    'warning.feed_failed': {
      subject: 'Un flusso di dati non è riuscito: {feed}',
      body: 'Il flusso di dati «{feed}» non è stato importato; nulla è stato modificato. L’ultimo errore è nella pagina delle attività pianificate.',
    },
    'warning.feed_stale': {
      subject: 'Un flusso di dati non cambia più: {feed}',
      body: 'Il flusso di dati «{feed}» non ha portato nulla di nuovo nelle ultime {runs} esecuzioni. Verificate che la sua fonte sia ancora pubblicata.',
    },
    'incident.assigned': {
      subject: 'La segnalazione {reference} ti è stata assegnata',
      body: 'La segnalazione di incidente {reference} ti è stata assegnata per l’esame.',
    },
    'solidarity.pledge_recorded': {
      subject: 'Un impegno è stato registrato per: {country}',
      body: 'È stato registrato un impegno di solidarietà per: {country}.',
    },
    'solidarity.relocation_recorded': {
      subject: 'Un ricollocamento è stato registrato per: {country}',
      body: 'È stato registrato un ricollocamento per: {country}.',
    },
    'training.nominated': {
      subject: 'Candidatura per {session}',
      body: '{name} è stato/a candidato/a alla sessione di formazione {session}.',
    },
    'training.selected': {
      subject: 'Selezionato/a per {session}',
      body: '{name} è stato/a selezionato/a per la sessione di formazione {session}.',
    },
    'training.waitlisted': {
      subject: "Lista d'attesa per {session}",
      body: "{name} è nella lista d'attesa della sessione di formazione {session}.",
    },
    'training.declined': {
      subject: 'Non selezionato/a per {session}',
      body: '{name} non è stato/a selezionato/a per la sessione di formazione {session}. Motivo: {reason}',
    },
    'network.notice': {
      subject: 'Avviso alla rete: {title}',
      body: 'È stato pubblicato un avviso nella rete dei punti focali per le frontiere: {title}',
    },
    'network.urgent_notice': {
      subject: 'Avviso urgente, si prega di confermare: {title}',
      body: 'È stato pubblicato un avviso urgente nella rete dei punti focali per le frontiere: {title}. Si prega di aprirlo e confermarne la ricezione.',
    },
    'network.notice_comment': {
      subject: 'Una risposta sotto l’avviso {title}',
      body: '{name} ha scritto sotto l’avviso {title}.',
    },
    'network.request': {
      subject: 'Chi ha esperienza in materia? {title}',
      body: 'Un membro della rete dei punti focali per le frontiere chiede assistenza: {title}',
    },
    'network.request_answered': {
      subject: 'Una risposta alla sua richiesta: {title}',
      body: '{name} ha risposto alla sua richiesta di assistenza: {title}',
    },
    'conference.invited': {
      subject: 'Invito: {event}',
      body: 'La vostra delegazione è invitata a {event}, dal {date} a {venue}. La lettera d’invito e l’iscrizione sono sulla pagina dell’evento.',
    },
    'consensus.revision_issued': {
      subject: 'Nuova revisione: {symbol}',
      body: 'La Presidenza ha pubblicato {symbol}, {title}. La vostra delegazione può ora esprimere le proprie posizioni.',
    },
    'consensus.silence_started': {
      subject: 'Procedura del silenzio: {symbol}',
      body: '{symbol}, {title}, è sottoposto a procedura del silenzio fino al {deadline}. Se nessuno Stato partecipante rompe il silenzio entro tale termine, il testo è adottato.',
    },
    'consensus.silence_ending': {
      subject: 'Il silenzio sta per scadere: {symbol}',
      body: 'La procedura del silenzio su {symbol}, {title}, scade il {deadline}. Se nessuno Stato partecipante rompe il silenzio entro tale termine, il testo è adottato.',
    },
    'account.password_reset': {
      subject: 'La tua password è stata reimpostata',
      body: 'La password del tuo account è stata reimpostata da un coordinatore. Se non l’hai chiesto tu, avvisalo subito.',
    },
    'account.new_device': {
      subject: 'Accesso da un nuovo dispositivo',
      body: 'È stato effettuato l’accesso al tuo account da un dispositivo mai usato prima. Se non sei stato tu, cambia subito la password.',
    },
  },
  categories: {
    missions: 'Missioni',
    reports: 'Rapporti di missione',
    follow_up: 'Seguito delle raccomandazioni',
    alerts: 'Allerte precoci',
    incidents: 'Segnalazioni di incidenti',
    solidarity: 'Impegni di solidarietà e ricollocamenti',
    training: 'Formazione',
    network: 'Avvisi alla rete',
    conferences: 'Conferenze e riunioni',
    consensus: 'Redazione per consenso',
    security: 'Sicurezza dell’account',
  },
  frame: {
    greeting: 'Buongiorno {name},',
    open: 'Apri in Crossroads',
    digestSubject: 'Il tuo riepilogo quotidiano: {count} notifiche',
    digestIntro: 'Ecco cosa è successo dal tuo ultimo riepilogo:',
    unsubscribe: 'Non ricevere più queste email ({category})',
    preferences: 'Scegli quali email ricevere',
    mandatory: 'Le email sulla sicurezza dell’account vengono sempre inviate.',
    signature: 'Crossroads',
  },
};
