/**
 * The words of `<hv-auth-status>` in English: what each state is called, and why where the name alone does not say
 * what to do. Apart from `en.ts` so that a page without the badge does not download them; what only a signed-in
 * person's records need is in `en-records.ts`.
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
  'why.revoked': 'You have withdrawn this app’s access to your records.',
  'why.unreachable': 'Showing what was last known.',
  signInAgain: 'Sign in again',
  retry: 'Try again',
};
