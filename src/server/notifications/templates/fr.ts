import type { Texts } from '../catalogue.js';

export const fr: Texts = {
  kinds: {
    'mission.booked': {
      subject: 'Vous faites partie de l’équipe de la mission {mission}',
      body: 'Vous avez été retenu·e dans l’équipe de la mission {mission}.',
    },
    'mission.released': {
      subject: 'Vous ne faites plus partie de la mission {mission}',
      body: 'Vous avez été libéré·e de l’équipe de la mission {mission}.',
    },
    'mission.approved': {
      subject: 'La mission {mission} a été approuvée',
      body: 'La mission {mission} a été approuvée ; son équipe peut maintenant être composée.',
    },
    'mission.consent_given': {
      subject: 'Consentement donné pour la mission {mission}',
      body: 'L’État hôte a donné son consentement à la mission {mission}.',
    },
    'mission.deployed': { subject: 'La mission {mission} est déployée', body: 'La mission {mission} a été déployée.' },
    'report.submitted': {
      subject: 'Le rapport de la mission {mission} a été soumis',
      body: 'Le rapport de la mission {mission} a été soumis pour examen.',
    },
    'report.returned': {
      subject: 'Le rapport de la mission {mission} a été renvoyé',
      body: 'Le rapport de la mission {mission} a été renvoyé à l’équipe avec ce commentaire : {comment}',
    },
    'report.adopted': {
      subject: 'Le rapport de la mission {mission} a été adopté',
      body: 'Le rapport de la mission {mission} a été adopté.',
    },
    'follow_up.recommendation_late': {
      subject: 'Une recommandation de la mission {mission} est en retard',
      body: 'Une recommandation de la mission {mission} dont vous assurez le suivi a dépassé son échéance.',
    },
    'warning.alert_raised': {
      subject: 'Alerte déclenchée pour : {country}',
      body: 'Une alerte précoce a été déclenchée pour : {country}.',
    },
    'warning.feed_failed': {
      subject: 'Échec d’un flux de données : {feed}',
      body: 'Le flux de données « {feed} » n’a pas pu être importé ; rien n’a été modifié. Sa dernière erreur figure sur la page des tâches planifiées.',
    },
    'warning.feed_stale': {
      subject: 'Un flux de données ne change plus : {feed}',
      body: 'Le flux de données « {feed} » n’a rien apporté de nouveau lors de ses {runs} dernières exécutions. Vérifiez que sa source est toujours publiée.',
    },
    'incident.assigned': {
      subject: 'Le signalement {reference} vous a été attribué',
      body: 'Le signalement d’incident {reference} vous a été attribué pour examen.',
    },
    'solidarity.pledge_recorded': {
      subject: 'Un engagement a été enregistré pour : {country}',
      body: 'Un engagement de solidarité a été enregistré pour : {country}.',
    },
    'solidarity.relocation_recorded': {
      subject: 'Une relocalisation a été enregistrée pour : {country}',
      body: 'Une relocalisation a été enregistrée pour : {country}.',
    },
    'training.nominated': {
      subject: 'Candidature pour {session}',
      body: '{name} a été proposé(e) pour la session de formation {session}.',
    },
    'training.selected': {
      subject: 'Sélection pour {session}',
      body: '{name} a été sélectionné(e) pour la session de formation {session}.',
    },
    'training.waitlisted': {
      subject: "Liste d'attente pour {session}",
      body: "{name} est sur la liste d'attente de la session de formation {session}.",
    },
    'training.declined': {
      subject: 'Non retenu(e) pour {session}',
      body: "{name} n'a pas été retenu(e) pour la session de formation {session}. Motif : {reason}",
    },
    'network.notice': {
      subject: 'Avis au réseau : {title}',
      body: 'Un avis a été publié sur le réseau des points focaux frontières : {title}',
    },
    'network.urgent_notice': {
      subject: 'Avis urgent, veuillez en accuser réception : {title}',
      body: 'Un avis urgent a été publié sur le réseau des points focaux frontières : {title}. Veuillez l’ouvrir et en accuser réception.',
    },
    'network.notice_comment': {
      subject: 'Une réponse sous l’avis {title}',
      body: '{name} a écrit sous l’avis {title}.',
    },
    'network.request': {
      subject: 'Qui a de l’expérience en la matière ? {title}',
      body: 'Un membre du réseau des points focaux frontières demande de l’aide : {title}',
    },
    'network.request_answered': {
      subject: 'Une réponse à votre demande : {title}',
      body: '{name} a répondu à votre demande d’assistance : {title}',
    },
    'conference.invited': {
      subject: 'Invitation : {event}',
      body: 'Votre délégation est invitée à {event}, à partir du {date} à {venue}. Votre lettre d’invitation et l’inscription se trouvent sur la page de l’événement.',
    },
    'consensus.revision_issued': {
      subject: 'Nouvelle révision : {symbol}',
      body: 'La présidence a publié {symbol}, {title}. Votre délégation peut désormais y exprimer ses positions.',
    },
    'consensus.silence_started': {
      subject: 'Procédure d’approbation tacite : {symbol}',
      body: '{symbol}, {title}, est soumis à la procédure d’approbation tacite jusqu’au {deadline}. Sauf si un État participant rompt le silence d’ici là, le texte est adopté.',
    },
    'consensus.silence_ending': {
      subject: 'Fin prochaine du silence : {symbol}',
      body: 'La procédure d’approbation tacite sur {symbol}, {title}, prend fin le {deadline}. Sauf si un État participant rompt le silence d’ici là, le texte est adopté.',
    },
    'account.password_reset': {
      subject: 'Votre mot de passe a été réinitialisé',
      body: 'Le mot de passe de votre compte a été réinitialisé par un·e coordinateur·rice. Si vous ne l’avez pas demandé, prévenez-le·la immédiatement.',
    },
    'account.new_device': {
      subject: 'Connexion depuis un nouvel appareil',
      body: 'Quelqu’un s’est connecté à votre compte depuis un appareil jamais utilisé auparavant. Si ce n’était pas vous, changez immédiatement votre mot de passe.',
    },
  },
  categories: {
    missions: 'Missions',
    reports: 'Rapports de mission',
    follow_up: 'Suivi des recommandations',
    alerts: 'Alertes précoces',
    incidents: 'Signalements d’incidents',
    solidarity: 'Engagements de solidarité et relocalisations',
    training: 'Formation',
    network: 'Avis au réseau',
    conferences: 'Conférences et réunions',
    consensus: 'Rédaction par consensus',
    security: 'Sécurité du compte',
  },
  frame: {
    greeting: 'Bonjour {name},',
    open: 'Ouvrir dans Crossroads',
    digestSubject: 'Votre résumé quotidien : {count} notifications',
    digestIntro: 'Voici ce qui s’est passé depuis votre dernier résumé :',
    unsubscribe: 'Ne plus recevoir ces courriels ({category})',
    preferences: 'Choisir les courriels que vous recevez',
    mandatory: 'Les courriels relatifs à la sécurité du compte sont toujours envoyés.',
    signature: 'Crossroads',
  },
};
