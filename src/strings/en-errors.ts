import type { HvStrings } from './en.js';

/**
 * English words for each kind of failure, loaded when one first happens (the first page load needs none): a table
 * of their own, loaded as another language's is.
 */
export const strings: Pick<HvStrings, 'errors'> = {
  errors: {
    'invalid-shell-return': 'HealthVault sent back something this page cannot use. Please try again.',
    'invalid-state': 'This sign-in was not started on this page, or has expired. Please connect again.',
    'signed-out': 'You are not signed in to HealthVault.',
    network: 'HealthVault cannot be reached right now. Check your connection and try again.',
    http: 'HealthVault cannot be reached right now. Please try again later.',
    timeout: 'HealthVault is taking too long to answer. Please try again.',
    aborted: 'The request was cancelled.',
    'malformed-response': 'HealthVault sent an answer this page cannot read. Please try again later.',
    platform: 'HealthVault could not complete the request.',
    'invalid-input': 'Please check what you typed.',
  },
};
