import type { Texts } from '../catalogue.js';

export const en: Texts = {
  kinds: {
    'mission.booked': {
      subject: 'You are on the team of mission {mission}',
      body: 'You have been booked on the team of mission {mission}.',
    },
    'mission.released': {
      subject: 'You are no longer on mission {mission}',
      body: 'You have been released from the team of mission {mission}.',
    },
    'mission.approved': {
      subject: 'Mission {mission} has been approved',
      body: 'Mission {mission} has been approved; its team can now be composed.',
    },
    'mission.consent_given': {
      subject: 'Consent given for mission {mission}',
      body: 'The host State has given its consent to mission {mission}.',
    },
    'mission.deployed': { subject: 'Mission {mission} is deployed', body: 'Mission {mission} has been deployed.' },
    'report.submitted': {
      subject: 'The report of mission {mission} was submitted',
      body: 'The report of mission {mission} has been submitted for review.',
    },
    'report.returned': {
      subject: 'The report of mission {mission} was returned',
      body: 'The report of mission {mission} has been returned to the team with this comment: {comment}',
    },
    'report.adopted': {
      subject: 'The report of mission {mission} was adopted',
      body: 'The report of mission {mission} has been adopted.',
    },
    'follow_up.recommendation_late': {
      subject: 'A recommendation of mission {mission} is late',
      body: 'A recommendation you follow up from mission {mission} has passed its due date.',
    },
    'warning.alert_raised': {
      subject: 'Alert raised for {country}',
      body: 'An early-warning alert has been raised for {country}.',
    },
    'warning.feed_failed': {
      subject: 'A data feed failed: {feed}',
      body: 'The data feed “{feed}” could not be imported; nothing was changed. Its last error is on the scheduled jobs page.',
    },
    'warning.feed_stale': {
      subject: 'A data feed stopped changing: {feed}',
      body: 'The data feed “{feed}” brought nothing new in its last {runs} runs. Check that its source is still published.',
    },
    'incident.assigned': {
      subject: 'Incident report {reference} assigned to you',
      body: 'The incident report {reference} has been assigned to you for review.',
    },
    'solidarity.pledge_recorded': {
      subject: 'A pledge was recorded for {country}',
      body: 'A solidarity pledge has been recorded for {country}.',
    },
    'solidarity.relocation_recorded': {
      subject: 'A relocation was recorded for {country}',
      body: 'A relocation has been recorded for {country}.',
    },
    'training.nominated': {
      subject: 'Nomination for {session}',
      body: '{name} has been nominated for the training session {session}.',
    },
    'training.selected': {
      subject: 'Selected for {session}',
      body: '{name} has been selected for the training session {session}.',
    },
    'training.waitlisted': {
      subject: 'Waiting list for {session}',
      body: '{name} is on the waiting list of the training session {session}.',
    },
    'training.declined': {
      subject: 'Not selected for {session}',
      body: '{name} has not been selected for the training session {session}. Reason: {reason}',
    },
    'network.notice': {
      subject: 'Notice to the network: {title}',
      body: 'A notice was posted to the border focal-point network: {title}',
    },
    'network.urgent_notice': {
      subject: 'Urgent notice, please acknowledge: {title}',
      body: 'An urgent notice was posted to the border focal-point network: {title}. Please open it and acknowledge it.',
    },
    'network.notice_comment': {
      subject: 'A reply under the notice {title}',
      body: '{name} wrote under the notice {title}.',
    },
    'network.request': {
      subject: 'Who has experience with this? {title}',
      body: 'A member of the border focal-point network asks for assistance: {title}',
    },
    'network.request_answered': {
      subject: 'An answer to your request: {title}',
      body: '{name} answered your request for assistance: {title}',
    },
    'conference.invited': {
      subject: 'You are invited: {event}',
      body: 'Your delegation is invited to {event}, from {date} in {venue}. Your invitation letter and the registration are on the event page.',
    },
    'consensus.revision_issued': {
      subject: 'New revision: {symbol}',
      body: 'The chair issued {symbol}, {title}. Your delegation may now state its positions on it.',
    },
    'consensus.silence_started': {
      subject: 'Silence procedure: {symbol}',
      body: '{symbol}, {title}, is under silence procedure until {deadline}. Unless a participating State breaks silence before then, it is adopted.',
    },
    'consensus.silence_ending': {
      subject: 'Silence ends soon: {symbol}',
      body: 'Silence on {symbol}, {title}, ends at {deadline}. Unless a participating State breaks silence before then, it is adopted.',
    },
    'account.password_reset': {
      subject: 'Your password was reset',
      body: 'The password of your account was reset by a co-ordinator. If you did not ask for this, tell your co-ordinator at once.',
    },
    'account.new_device': {
      subject: 'Sign-in from a new device',
      body: 'Your account was signed in to from a device it had not been used on before. If this was not you, change your password at once.',
    },
  },
  categories: {
    missions: 'Missions',
    reports: 'Mission reports',
    follow_up: 'Follow-up of recommendations',
    alerts: 'Early-warning alerts',
    incidents: 'Incident reports',
    solidarity: 'Solidarity pledges and relocations',
    training: 'Training',
    network: 'Network notices',
    conferences: 'Conferences and meetings',
    consensus: 'Consensus drafting',
    security: 'Account security',
  },
  frame: {
    greeting: 'Hello {name},',
    open: 'Open in Crossroads',
    digestSubject: 'Your daily summary: {count} notifications',
    digestIntro: 'Here is what happened since your last summary:',
    unsubscribe: 'Stop these emails ({category})',
    preferences: 'Choose which emails you receive',
    mandatory: 'Emails about account security are always sent.',
    signature: 'Crossroads',
  },
};
