import type { HvErrorCode } from '../core/errors.js';
import type { pickupWords } from './en-pickup.js';
import type { pickupProblemWords } from './en-pickup-problems.js';
import type { promptWords } from './en-prompt.js';
import type { staffWords } from './en-staff.js';
import type { recordWords } from './en-records.js';
import type { detailsWords } from './en-details.js';
import type { statusWords } from './en-status.js';

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
};

/**
 * Words for each kind of failure a person may meet; the developer's details stay in the `hv-error` event. A
 * configuration the page got wrong (`invalid-config`, `invalid-shell-request`) is said by `setupError`.
 */
export type HvErrorWords = Record<Exclude<HvErrorCode, 'invalid-config' | 'invalid-shell-request'>, string>;

/**
 * The strings of one language: every English part (this table and the `en-*.ts` ones loaded with the code that
 * shows them), flat, so that each language's table must have every key and a host may override any one of them.
 */
export type HvStrings = typeof en &
  typeof statusWords &
  typeof recordWords &
  typeof detailsWords &
  typeof promptWords &
  typeof pickupWords &
  typeof pickupProblemWords &
  typeof staffWords & {
    promptSignIn: string;
    errors: HvErrorWords;
  };
