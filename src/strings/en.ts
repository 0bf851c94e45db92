import type { HvErrorCode } from '../core/errors.js';

/**
 * Every string a person sees, in English: the table each language follows and the fallback for any string a
 * language lacks. Hosts override any of them through an element's `strings` property. The words for failures
 * are in `en-errors.ts`, loaded when one first happens.
 */
export const en = {
  connect: 'Connect to HealthVault',
  opening: 'Opening HealthVault…',
  connecting: 'Connecting to HealthVault…',
  connectedAs: (name: string) => `Connected to HealthVault as ${name}`,
  declined: 'HealthVault access was not granted.',
  popupClosed: 'HealthVault was closed before you finished.',
  /** Said of a configuration the element cannot work with; the developer's details are in `hv-error`. */
  setupError: 'HealthVault is not set up correctly on this page.',
  // <hv-auth-status>: what each state is called, and why where the name alone does not say what to do.
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
  reauthorize: 'Review access',
  signInAgain: 'Sign in again',
  retry: 'Try again',
};

/** Words for each kind of failure a person may meet; the developer's details stay in the `hv-error` event. */
export type HvErrorWords = Record<HvErrorCode, string>;

/** The strings of one language (each language's table has every key); hosts may override any subset. */
export type HvStrings = typeof en & { errors: HvErrorWords };
