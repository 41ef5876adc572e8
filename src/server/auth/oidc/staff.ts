import type { Config } from '../../config.js';

/**
 * Whether an email address belongs to the staff, who must sign in through the organisation's
 * provider (OIDC_STAFF_DOMAINS): its domain, or a subdomain of it, is listed. Staff are known by
 * the address rather than by their roles, because the provider holds exactly the organisation's
 * own addresses, and because an account with no role yet is staff all the same. External people
 * (delegations, civil society) have addresses elsewhere and keep their passwords.
 */
export function mustUseSingleSignOn(config: Config, email: string): boolean {
  const domains = config.sso?.staffDomains ?? [];
  if (domains.length === 0) return false;
  const at = email.lastIndexOf('@');
  if (at < 0) return false;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
  return domains.some((staff) => domain === staff || domain.endsWith(`.${staff}`));
}
