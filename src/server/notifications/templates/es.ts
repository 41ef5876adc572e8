import type { Texts } from '../catalogue.js';

export const es: Texts = {
  kinds: {
    'mission.booked': {
      subject: 'Forma parte del equipo de la misión {mission}',
      body: 'Ha sido incluido en el equipo de la misión {mission}.',
    },
    'mission.released': {
      subject: 'Ya no forma parte de la misión {mission}',
      body: 'Ha sido liberado del equipo de la misión {mission}.',
    },
    'mission.approved': {
      subject: 'La misión {mission} ha sido aprobada',
      body: 'La misión {mission} ha sido aprobada; ya se puede componer su equipo.',
    },
    'mission.consent_given': {
      subject: 'Consentimiento otorgado para la misión {mission}',
      body: 'El Estado anfitrión ha dado su consentimiento a la misión {mission}.',
    },
    'mission.deployed': { subject: 'La misión {mission} está desplegada', body: 'La misión {mission} ha sido desplegada.' },
    'report.submitted': {
      subject: 'Se ha presentado el informe de la misión {mission}',
      body: 'El informe de la misión {mission} se ha presentado para su revisión.',
    },
    'report.returned': {
      subject: 'Se ha devuelto el informe de la misión {mission}',
      body: 'El informe de la misión {mission} se ha devuelto al equipo con este comentario: {comment}',
    },
    'report.adopted': {
      subject: 'Se ha aprobado el informe de la misión {mission}',
      body: 'El informe de la misión {mission} ha sido aprobado.',
    },
    'follow_up.recommendation_late': {
      subject: 'Una recomendación de la misión {mission} está retrasada',
      body: 'Una recomendación de la misión {mission} cuyo seguimiento usted lleva ha superado su plazo.',
    },
    'warning.alert_raised': {
      subject: 'Alerta emitida para: {country}',
      body: 'Se ha emitido una alerta temprana para: {country}.',
    },
    'warning.feed_failed': {
      subject: 'Ha fallado un flujo de datos: {feed}',
      body: 'No se pudo importar el flujo de datos «{feed}»; no se ha modificado nada. Su último error figura en la página de tareas programadas.',
    },
    'warning.feed_stale': {
      subject: 'Un flujo de datos ha dejado de cambiar: {feed}',
      body: 'El flujo de datos «{feed}» no ha aportado nada nuevo en sus últimas {runs} ejecuciones. Compruebe que su fuente sigue publicándose.',
    },
    'incident.assigned': {
      subject: 'Se le ha asignado el informe de incidente {reference}',
      body: 'Se le ha asignado el informe de incidente {reference} para su revisión.',
    },
    'solidarity.pledge_recorded': {
      subject: 'Se ha registrado un compromiso para: {country}',
      body: 'Se ha registrado un compromiso de solidaridad para: {country}.',
    },
    'solidarity.relocation_recorded': {
      subject: 'Se ha registrado una reubicación para: {country}',
      body: 'Se ha registrado una reubicación para: {country}.',
    },
    'training.nominated': {
      subject: 'Candidatura para {session}',
      body: '{name} ha sido propuesto/a para la sesión de formación {session}.',
    },
    'training.selected': {
      subject: 'Seleccionado/a para {session}',
      body: '{name} ha sido seleccionado/a para la sesión de formación {session}.',
    },
    'training.waitlisted': {
      subject: 'Lista de espera para {session}',
      body: '{name} está en la lista de espera de la sesión de formación {session}.',
    },
    'training.declined': {
      subject: 'No seleccionado/a para {session}',
      body: '{name} no ha sido seleccionado/a para la sesión de formación {session}. Motivo: {reason}',
    },
    'network.notice': {
      subject: 'Aviso a la red: {title}',
      body: 'Se ha publicado un aviso en la red de puntos focales de fronteras: {title}',
    },
    'network.urgent_notice': {
      subject: 'Aviso urgente, confirme la recepción: {title}',
      body: 'Se ha publicado un aviso urgente en la red de puntos focales de fronteras: {title}. Ábralo y confirme su recepción.',
    },
    'network.notice_comment': {
      subject: 'Una respuesta bajo el aviso {title}',
      body: '{name} escribió bajo el aviso {title}.',
    },
    'network.request': {
      subject: '¿Quién tiene experiencia en esto? {title}',
      body: 'Un miembro de la red de puntos focales fronterizos pide ayuda: {title}',
    },
    'network.request_answered': {
      subject: 'Una respuesta a su solicitud: {title}',
      body: '{name} respondió a su solicitud de asistencia: {title}',
    },
    'conference.invited': {
      subject: 'Invitación: {event}',
      body: 'Su delegación está invitada a {event}, a partir del {date} en {venue}. Su carta de invitación y la inscripción están en la página del evento.',
    },
    'consensus.revision_issued': {
      subject: 'Nueva revisión: {symbol}',
      body: 'La Presidencia publicó {symbol}, {title}. Su delegación ya puede expresar sus posiciones al respecto.',
    },
    'consensus.silence_started': {
      subject: 'Procedimiento de silencio: {symbol}',
      body: '{symbol}, {title}, está sometido a procedimiento de silencio hasta el {deadline}. Salvo que un Estado participante rompa el silencio antes, queda adoptado.',
    },
    'consensus.silence_ending': {
      subject: 'El silencio termina pronto: {symbol}',
      body: 'El procedimiento de silencio sobre {symbol}, {title}, termina el {deadline}. Salvo que un Estado participante rompa el silencio antes, queda adoptado.',
    },
    'account.password_reset': {
      subject: 'Se ha restablecido su contraseña',
      body: 'Un coordinador ha restablecido la contraseña de su cuenta. Si usted no lo pidió, avísele de inmediato.',
    },
    'account.new_device': {
      subject: 'Inicio de sesión desde un dispositivo nuevo',
      body: 'Se inició sesión en su cuenta desde un dispositivo que no se había usado antes. Si no fue usted, cambie su contraseña de inmediato.',
    },
  },
  categories: {
    missions: 'Misiones',
    reports: 'Informes de misión',
    follow_up: 'Seguimiento de recomendaciones',
    alerts: 'Alertas tempranas',
    incidents: 'Informes de incidentes',
    solidarity: 'Compromisos de solidaridad y reubicaciones',
    training: 'Formación',
    network: 'Avisos a la red',
    conferences: 'Conferencias y reuniones',
    consensus: 'Redacción por consenso',
    security: 'Seguridad de la cuenta',
  },
  frame: {
    greeting: 'Hola, {name}:',
    open: 'Abrir en Crossroads',
    digestSubject: 'Su resumen diario: {count} notificaciones',
    digestIntro: 'Esto es lo que ha ocurrido desde su último resumen:',
    unsubscribe: 'Dejar de recibir estos correos ({category})',
    preferences: 'Elegir qué correos recibe',
    mandatory: 'Los correos sobre la seguridad de la cuenta se envían siempre.',
    signature: 'Crossroads',
  },
};
