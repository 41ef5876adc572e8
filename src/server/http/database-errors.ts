import { Problem } from './problems.js';

/** Human wording for the constraints a person can run into, by constraint name. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  warning_indicator_code_uq: 'An indicator with this code already exists.',
  warning_observation_country_fk: 'The country of this value does not exist.',
  warning_observation_value_ck: 'A value must be a finite number.',
  warning_observation_period_ck: 'A period starts on the first day of a month, quarter or year.',
  warning_rule_indicator_fk: 'The indicator of this rule does not exist.',
  warning_rule_country_fk: 'The country of this rule does not exist.',
  warning_rule_window_ck: 'A z-score rule, and only it, has a window of 3 to 120 periods.',
  warning_rule_threshold_ck: 'The threshold must be a number; for a z-score, a positive one.',
  warning_rule_name_ck: 'A rule needs a name of at most 200 characters.',
  warning_alert_condition_uq: 'This rule has already fired for this country and period.',
  warning_alert_decision_ck: 'An alert is open until someone acknowledges or dismisses it.',
  app_user_email_uq: 'An account with this email address already exists.',
  role_grant_uq: 'This role is already granted on this scope.',
  role_grant_organisation_fk: 'The organisation of this grant does not exist.',
  role_grant_country_fk: 'The country of this grant does not exist.',
  role_grant_scope_ck: 'A grant is either global, or for one organisation, or for one country.',
  organisation_code_uq: 'An organisation with this code already exists.',
  organisation_parent_fk: 'The parent organisation does not exist.',
  organisation_country_fk: 'The country does not exist.',
  country_subregion_ck: 'The sub-region does not fit the country’s OSCE status.',
  country_partner_group_ck: 'Only Partners for Co-operation have a partner group.',
  directory_contact_organisation_fk: 'The organisation of this contact does not exist.',
  directory_contact_country_fk: 'A country of this contact is not in the reference data.',
  directory_contact_language_fk: 'A language of this contact is not in the reference data.',
  directory_contact_key_area_fk: 'A key area of this contact is not one of the five key areas.',
  directory_contact_competence_fk: 'A competence of this contact is not in the reference data.',
  directory_contact_fallback_public_ck: 'The fallback contact must be public: anyone may be sent to them.',
  directory_contact_emails_ck: 'An email address of this contact is not valid.',
  directory_contact_phones_ck: 'A telephone number of this contact is not valid.',
  directory_activity_organisation_fk: 'The organisation of this activity does not exist.',
  directory_activity_contact_fk: 'The contact person of this activity does not exist.',
  directory_activity_dimension_fk: 'The dimension is not one of the three OSCE dimensions.',
  directory_activity_country_fk: 'A country of this activity is not in the reference data.',
  directory_activity_key_area_fk: 'A key area of this activity is not one of the five key areas.',
  directory_activity_dates_ck: 'An activity cannot end before it starts.',
  directory_activity_code_uq: 'Another activity already has this code.',
  directory_activity_title_uq: 'This organisation already has an activity with this title.',
  organisation_website_ck: 'The website must be an address starting with http:// or https://.',
  solidarity_pledge_country_fk: 'The State of this pledge does not exist.',
  solidarity_pledge_beneficiary_fk: 'The State this pledge is for does not exist.',
  solidarity_pledge_beneficiary_ck: 'A State does not pledge solidarity to itself.',
  solidarity_pledge_currency_ck: 'A pledge of money names its currency (three capital letters); other pledges have none.',
  solidarity_pledge_whole_ck: 'Places and experts are counted in whole numbers.',
  solidarity_pledge_due_ck: 'The due date cannot be before the pledge.',
  solidarity_pledge_quantity_ck: 'A pledge cannot be negative.',
  solidarity_relocation_country_fk: 'The receiving State does not exist.',
  solidarity_relocation_from_fk: 'The State of departure does not exist.',
  solidarity_relocation_from_ck: 'A relocation goes from one State to another.',
  solidarity_relocation_pledge_fk: 'A relocation can only count against a pledge of the State that received the persons.',
  solidarity_relocation_persons_ck: 'The number of persons cannot be negative.',
  solidarity_key_version_uq: 'Someone saved a version of this key at the same time. Reload it and try again.',
  expert_user_uq: 'This account already has a roster profile.',
  expert_organisation_fk: 'The expert’s structure does not exist.',
  expert_seconding_fk: 'The seconding State does not exist.',
  expert_nationality_country_fk: 'One of the nationalities is not a known country.',
  expert_competence_competence_fk: 'One of the competences is not in the reference list.',
  expert_language_language_fk: 'One of the languages is not in the reference list.',
  expert_period_dates_ck: 'A period cannot end before it starts.',
  expert_prerequisite_code_ck: 'A prerequisite code is lower-case letters, digits and underscores.',
  mission_code_uq: 'A mission with this code already exists.',
  mission_code_ck: 'A mission code is capital letters, digits and hyphens, e.g. RFFM-2027-01.',
  mission_consent_date_ck: 'Consent that was requested, given or refused needs its date.',
  mission_deployed_consent_ck: 'A mission cannot be deployed before the host State has given its consent.',
  mission_dates_ck: 'The mission cannot end before it starts.',
  mission_team_ck: 'The team size bounds are not valid: at least 1, and the largest not below the smallest.',
  mission_country_country_fk: 'One of the host countries is not a known country.',
  mission_competence_competence_fk: 'One of the required competences is not in the reference list.',
  mission_language_language_fk: 'One of the required languages is not in the reference list.',
  deployment_mission_expert_uq: 'This expert is already on the mission’s team.',
  mission_report_mission_uq: 'This mission already has a report.',
  mission_report_version_number_uq: 'Someone saved this report at the same moment; reload it and save again.',
  recommendation_country_fk: 'The State addressed by a recommendation is not in the reference data.',
  recommendation_organisation_fk: 'The structure addressed by a recommendation does not exist.',
  recommendation_addressee_ck: 'A recommendation is addressed to one State or one structure.',
  follow_up_project_organisation_fk: 'The implementing organisation does not exist.',
  follow_up_project_reason_ck: 'A project that was not implemented needs the reason.',
  follow_up_project_budget_ck: 'A budget is a positive amount with its currency (ISO 4217).',
  follow_up_project_dates_ck: 'A project cannot end before it starts.',
  incident_report_country_fk: 'The country of this report is not a known country.',
  incident_report_point_ck: 'A map point needs both a latitude and a longitude.',
  incident_report_place_ck: 'The place must be given, in at most 200 characters.',
  incident_report_duplicate_fk: 'The report this one duplicates does not exist.',
};

/**
 * The form field behind a constraint a person can run into, as a JSON pointer into the request
 * body, so that the page marks the field (the names are those of the create and update bodies).
 */
const CONSTRAINT_FIELDS: Record<string, string> = {
  organisation_code_uq: '/code',
  organisation_parent_fk: '/parentId',
  organisation_country_fk: '/countryIso2',
  organisation_website_ck: '/website',
  directory_contact_organisation_fk: '/organisationId',
  directory_contact_country_fk: '/countries',
  directory_contact_language_fk: '/languages',
  directory_contact_key_area_fk: '/keyAreas',
  directory_contact_competence_fk: '/competences',
  directory_contact_fallback_public_ck: '/visibility',
  directory_contact_emails_ck: '/emails',
  directory_contact_phones_ck: '/phones',
  mission_code_uq: '/code',
  mission_code_ck: '/code',
  mission_dates_ck: '/endsOn',
  mission_team_ck: '/teamMax',
  mission_country_country_fk: '/hostCountries',
  mission_competence_competence_fk: '/competences',
  mission_language_language_fk: '/languages',
  expert_seconding_fk: '/secondingIso2',
  expert_nationality_country_fk: '/nationalities',
  expert_competence_competence_fk: '/competences',
  expert_language_language_fk: '/languages',
  expert_period_dates_ck: '/periods',
  expert_prerequisite_code_ck: '/prerequisites',
  warning_indicator_code_uq: '/code',
};

/** The field error of a named constraint, when a form field is behind it. */
function fieldOf(constraint: string | undefined, message: string | undefined): { errors?: Problem['extras']['errors'] } {
  const pointer = constraint ? CONSTRAINT_FIELDS[constraint] : undefined;
  return pointer && message ? { errors: [{ pointer, message }] } : {};
}

interface PgLikeError {
  code?: string;
  constraint?: string;
  column?: string;
}

/**
 * Translates a PostgreSQL error into the matching Problem, in one place, or returns undefined
 * for errors that are faults of ours (they become a 500 that reveals nothing).
 */
export function problemFromDatabaseError(error: unknown): Problem | undefined {
  const e = error as PgLikeError;
  if (!e || typeof e.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) return undefined;
  const named = e.constraint ? CONSTRAINT_MESSAGES[e.constraint] : undefined;
  switch (e.code) {
    case '23505':
      return new Problem('duplicate', named, fieldOf(e.constraint, named));
    case '23503':
      // An insert or update naming a missing row, or a delete of a row still referenced.
      return named ? new Problem('unknown_reference', named, fieldOf(e.constraint, named)) : new Problem('still_referenced');
    case '23514':
    case '23502':
    case '23P01':
      return new Problem(
        'validation',
        named ?? (e.column ? `The field ${e.column} is missing or not allowed.` : undefined),
        fieldOf(e.constraint, named),
      );
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return new Problem('validation', 'A value has the wrong format or is out of range.');
    case '22021':
    case '22P05':
      // PostgreSQL text cannot hold a NUL character (nor characters its encoding lacks).
      return new Problem('validation', 'A value contains a character that cannot be stored, such as a NUL character.');
    case '40001':
    case '40P01':
      return new Problem('conflict', 'Another change was made at the same time. Please try again.');
    default:
      return undefined;
  }
}
