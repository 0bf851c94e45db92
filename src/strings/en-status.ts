import type { PermissionWords } from './en-access.js';

/**
 * The words of `<hv-auth-status>` in English: what each state is called, and why where the name alone does not say
 * what to do. Apart from `en.ts` so that a page without the badge does not download them.
 */
export const statusWords = {
  'status.checking': 'Checking HealthVault…',
  'status.not-connected': 'Not connected to HealthVault',
  'status.connected': 'Connected to HealthVault',
  'status.read-only': 'Connected, read only',
  'status.reauth-required': 'Needs your approval again',
  'status.authorization-required': 'Needs your authorization',
  'status.reauth-not-possible': 'Cannot be authorized again',
  'status.location-not-supported': 'Not available for this record',
  'status.suspended': 'Record suspended',
  'status.deleted': 'Record deleted',
  'status.revoked': 'Access revoked',
  'status.expired': 'HealthVault sign-in expired',
  'status.unreachable': 'HealthVault cannot be reached',
  'why.reauth-required': 'This app now asks for more access. Until you approve, it keeps what you allowed before.',
  'why.reauth-not-possible': 'You cannot grant the access this app now needs on this record, or no longer manage it.',
  'why.location-not-supported': 'This app cannot use records kept where this one is.',
  'why.suspended': 'HealthVault has suspended this record: the app cannot use it.',
  'why.revoked': 'You have withdrawn this app’s access to your records.',
  'why.unreachable': 'Showing what was last known.',
  accessUntil: (date: string) => `Access until ${date}`,
  offlineAccess: (until?: string) => `Also while you are away${until ? `, until ${until}` : ''}`,
  reauthorize: 'Review access',
  signInAgain: 'Sign in again',
  retry: 'Try again',
  details: 'What this app can use',
};

/** The words of the badge's details (English: in `auth-details.ts`, which loads when they are first opened). */
export interface DetailsWords {
  online: string;
  offline: string;
  none: string;
  why: string;
  loading: string;
  failed: string;
  permissions: PermissionWords;
}
