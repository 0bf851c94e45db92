import type { HvErrorCode } from '../core/errors.js';

/**
 * Every string a person sees, in English: the table each language follows and the fallback for any string a
 * language lacks. Hosts override any of them through an element's `strings` property.
 */
export const en = {
  connect: 'Connect to HealthVault',
  opening: 'Opening HealthVault…',
  connecting: 'Connecting to HealthVault…',
  connectedAs: (name: string) => `Connected to HealthVault as ${name}`,
  declined: 'HealthVault access was not granted.',
  popupClosed: 'HealthVault was closed before you finished.',
  /** Words for each kind of failure; the developer's details stay in the `hv-error` event. */
  errors: {
    'invalid-config': 'HealthVault is not set up correctly on this page.',
    'invalid-shell-request': 'HealthVault is not set up correctly on this page.',
    'invalid-shell-return': 'HealthVault sent back something this page cannot use. Please try again.',
    'invalid-state': 'This sign-in was not started on this page, or has expired. Please connect again.',
    'signed-out': 'You are not signed in to HealthVault.',
    network: 'HealthVault cannot be reached right now. Check your connection and try again.',
    http: 'HealthVault cannot be reached right now. Please try again later.',
    timeout: 'HealthVault is taking too long to answer. Please try again.',
    aborted: 'The request was cancelled.',
    'malformed-response': 'HealthVault sent an answer this page cannot read. Please try again later.',
    platform: 'HealthVault could not complete the request.',
  } satisfies Record<HvErrorCode, string>,
};

/** The strings of one language (each language's table has every key); hosts may override any subset. */
export type HvStrings = typeof en;
