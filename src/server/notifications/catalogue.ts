/**
 * What the platform tells people about, by category (what a person may choose to receive
 * immediately, in a daily digest or not at all) and kind (the event). A domain that adds an event
 * adds its kind here, with its texts in the six languages (templates/), and calls `notify`.
 */
export const CATEGORIES = [
  'missions',
  'reports',
  'follow_up',
  'alerts',
  'incidents',
  'solidarity',
  'training',
  'network',
  'conferences',
  'consensus',
  'security',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories that cannot be turned off or held for a digest: a person must learn of them at once. */
export const MANDATORY: readonly Category[] = ['security'];

export const KINDS = {
  'mission.booked': 'missions',
  'mission.released': 'missions',
  'mission.approved': 'missions',
  'mission.consent_given': 'missions',
  'mission.deployed': 'missions',
  'report.submitted': 'reports',
  'report.returned': 'reports',
  'report.adopted': 'reports',
  'follow_up.recommendation_late': 'follow_up',
  'warning.alert_raised': 'alerts',
  'warning.feed_failed': 'alerts',
  'warning.feed_stale': 'alerts',
  'incident.assigned': 'incidents',
  'solidarity.pledge_recorded': 'solidarity',
  'solidarity.relocation_recorded': 'solidarity',
  'training.nominated': 'training',
  'training.selected': 'training',
  'training.waitlisted': 'training',
  'training.declined': 'training',
  'network.notice': 'network',
  'network.urgent_notice': 'network',
  'network.notice_comment': 'network',
  'network.request': 'network',
  'network.request_answered': 'network',
  'conference.invited': 'conferences',
  'consensus.revision_issued': 'consensus',
  'consensus.silence_started': 'consensus',
  'consensus.silence_ending': 'consensus',
  'account.password_reset': 'security',
  'account.new_device': 'security',
} as const satisfies Record<string, Category>;
export type Kind = keyof typeof KINDS;

export const LANGUAGES = ['en', 'fr', 'de', 'it', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export function languageOf(value: string | null | undefined): Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'en';
}

/** The texts of one language: each kind's subject and body, with `{name}` placeholders, and the email's frame. */
export interface Texts {
  kinds: Record<Kind, { subject: string; body: string }>;
  categories: Record<Category, string>;
  frame: {
    greeting: string;
    open: string;
    digestSubject: string;
    digestIntro: string;
    unsubscribe: string;
    preferences: string;
    mandatory: string;
    signature: string;
  };
}
