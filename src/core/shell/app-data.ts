import { HvError } from '../errors.js';
import { APP_DATA_PARAM } from './round-trip-params.js';

/** `action=<appData>` as `actionqs` carries the app's own data (URLSearchParams encoding, so any data survives). */
export function appDataParam(appData: string): string {
  // URLSearchParams would quietly turn a lone surrogate into U+FFFD, and the app get other data back.
  if (/\p{Cs}/u.test(appData)) throw new HvError('invalid-shell-request', 'action has a lone surrogate');
  return new URLSearchParams({ [APP_DATA_PARAM]: appData }).toString();
}
