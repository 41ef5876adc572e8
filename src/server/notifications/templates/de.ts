import type { Texts } from '../catalogue.js';

export const de: Texts = {
  kinds: {
    'mission.booked': {
      subject: 'Sie sind im Team der Mission {mission}',
      body: 'Sie wurden in das Team der Mission {mission} aufgenommen.',
    },
    'mission.released': {
      subject: 'Sie sind nicht mehr Teil der Mission {mission}',
      body: 'Sie wurden aus dem Team der Mission {mission} entlassen.',
    },
    'mission.approved': {
      subject: 'Die Mission {mission} wurde genehmigt',
      body: 'Die Mission {mission} wurde genehmigt; ihr Team kann nun zusammengestellt werden.',
    },
    'mission.consent_given': {
      subject: 'Zustimmung zur Mission {mission} erteilt',
      body: 'Der Gaststaat hat der Mission {mission} zugestimmt.',
    },
    'mission.deployed': { subject: 'Die Mission {mission} ist entsandt', body: 'Die Mission {mission} wurde entsandt.' },
    'report.submitted': {
      subject: 'Der Bericht der Mission {mission} wurde eingereicht',
      body: 'Der Bericht der Mission {mission} wurde zur Prüfung eingereicht.',
    },
    'report.returned': {
      subject: 'Der Bericht der Mission {mission} wurde zurückgegeben',
      body: 'Der Bericht der Mission {mission} wurde mit folgendem Kommentar an das Team zurückgegeben: {comment}',
    },
    'report.adopted': {
      subject: 'Der Bericht der Mission {mission} wurde angenommen',
      body: 'Der Bericht der Mission {mission} wurde angenommen.',
    },
    'follow_up.recommendation_late': {
      subject: 'Eine Empfehlung der Mission {mission} ist überfällig',
      body: 'Eine Empfehlung der Mission {mission}, deren Umsetzung Sie verfolgen, hat ihre Frist überschritten.',
    },
    'warning.alert_raised': {
      subject: 'Warnung ausgelöst für: {country}',
      body: 'Für {country} wurde eine Frühwarnung ausgelöst.',
    },
    'warning.feed_failed': {
      subject: 'Ein Datenfeed ist fehlgeschlagen: {feed}',
      body: 'Der Datenfeed „{feed}“ konnte nicht importiert werden; nichts wurde geändert. Sein letzter Fehler steht auf der Seite der geplanten Aufgaben.',
    },
    'warning.feed_stale': {
      subject: 'Ein Datenfeed ändert sich nicht mehr: {feed}',
      body: 'Der Datenfeed „{feed}“ hat in seinen letzten {runs} Läufen nichts Neues gebracht. Prüfen Sie, ob seine Quelle noch veröffentlicht wird.',
    },
    'incident.assigned': {
      subject: 'Vorfallsmeldung {reference} wurde Ihnen zugewiesen',
      body: 'Die Vorfallsmeldung {reference} wurde Ihnen zur Prüfung zugewiesen.',
    },
    'solidarity.pledge_recorded': {
      subject: 'Eine Zusage wurde erfasst für: {country}',
      body: 'Für {country} wurde eine Solidaritätszusage erfasst.',
    },
    'solidarity.relocation_recorded': {
      subject: 'Eine Umsiedlung wurde erfasst für: {country}',
      body: 'Für {country} wurde eine Umsiedlung erfasst.',
    },
    'training.nominated': {
      subject: 'Nominierung für {session}',
      body: '{name} wurde für die Fortbildung {session} nominiert.',
    },
    'training.selected': {
      subject: 'Ausgewählt für {session}',
      body: '{name} wurde für die Fortbildung {session} ausgewählt.',
    },
    'training.waitlisted': {
      subject: 'Warteliste für {session}',
      body: '{name} steht auf der Warteliste der Fortbildung {session}.',
    },
    'training.declined': {
      subject: 'Nicht ausgewählt für {session}',
      body: '{name} wurde für die Fortbildung {session} nicht ausgewählt. Grund: {reason}',
    },
    'network.notice': {
      subject: 'Mitteilung an das Netzwerk: {title}',
      body: 'Im Netzwerk der Grenz-Kontaktstellen wurde eine Mitteilung veröffentlicht: {title}',
    },
    'network.urgent_notice': {
      subject: 'Dringende Mitteilung, bitte bestätigen: {title}',
      body: 'Im Netzwerk der Grenz-Kontaktstellen wurde eine dringende Mitteilung veröffentlicht: {title}. Bitte öffnen und den Empfang bestätigen.',
    },
    'network.notice_comment': {
      subject: 'Eine Antwort zur Mitteilung {title}',
      body: '{name} hat zur Mitteilung {title} geschrieben.',
    },
    'network.request': {
      subject: 'Wer hat Erfahrung damit? {title}',
      body: 'Ein Mitglied des Netzwerks der Grenz-Kontaktstellen bittet um Unterstützung: {title}',
    },
    'network.request_answered': {
      subject: 'Eine Antwort auf Ihre Anfrage: {title}',
      body: '{name} hat Ihre Bitte um Unterstützung beantwortet: {title}',
    },
    'conference.invited': {
      subject: 'Einladung: {event}',
      body: 'Ihre Delegation ist zu {event} eingeladen, ab {date} in {venue}. Ihr Einladungsschreiben und die Anmeldung finden Sie auf der Seite der Veranstaltung.',
    },
    'consensus.revision_issued': {
      subject: 'Neue Revision: {symbol}',
      body: 'Der Vorsitz hat {symbol}, {title}, herausgegeben. Ihre Delegation kann nun ihre Positionen dazu angeben.',
    },
    'consensus.silence_started': {
      subject: 'Schweigeverfahren: {symbol}',
      body: '{symbol}, {title}, befindet sich bis {deadline} im Schweigeverfahren. Bricht bis dahin kein Teilnehmerstaat das Schweigen, ist der Text angenommen.',
    },
    'consensus.silence_ending': {
      subject: 'Schweigeverfahren endet bald: {symbol}',
      body: 'Das Schweigeverfahren zu {symbol}, {title}, endet am {deadline}. Bricht bis dahin kein Teilnehmerstaat das Schweigen, ist der Text angenommen.',
    },
    'account.password_reset': {
      subject: 'Ihr Passwort wurde zurückgesetzt',
      body: 'Das Passwort Ihres Kontos wurde von einer Koordinatorin oder einem Koordinator zurückgesetzt. Wenn Sie das nicht veranlasst haben, melden Sie es sofort.',
    },
    'account.new_device': {
      subject: 'Anmeldung von einem neuen Gerät',
      body: 'An Ihrem Konto wurde sich von einem Gerät angemeldet, das bisher nicht verwendet wurde. Wenn Sie das nicht waren, ändern Sie sofort Ihr Passwort.',
    },
  },
  categories: {
    missions: 'Missionen',
    reports: 'Missionsberichte',
    follow_up: 'Umsetzung von Empfehlungen',
    alerts: 'Frühwarnungen',
    incidents: 'Vorfallsmeldungen',
    solidarity: 'Solidaritätszusagen und Umsiedlungen',
    training: 'Fortbildung',
    network: 'Mitteilungen an das Netzwerk',
    conferences: 'Konferenzen und Sitzungen',
    consensus: 'Konsensfindung',
    security: 'Kontosicherheit',
  },
  frame: {
    greeting: 'Guten Tag {name},',
    open: 'In Crossroads öffnen',
    digestSubject: 'Ihre tägliche Übersicht: {count} Benachrichtigungen',
    digestIntro: 'Das ist seit Ihrer letzten Übersicht geschehen:',
    unsubscribe: 'Diese E-Mails abbestellen ({category})',
    preferences: 'Wählen, welche E-Mails Sie erhalten',
    mandatory: 'E-Mails zur Kontosicherheit werden immer gesendet.',
    signature: 'Crossroads',
  },
};
