import type { HvError } from '../../core/errors.js';
import { PlatformError } from '../../core/platform/platform-error.js';
import { StatusCode } from '../../core/platform/status-codes.js';
import { staffWords } from '../../strings/en-staff.js';
import type { LocalizeController } from './localize-controller.js';

type StaffWordKey = keyof typeof staffWords;
/** The words that are plain text (the others take a value). */
type StaffTextKey = { [K in StaffWordKey]: (typeof staffWords)[K] extends string ? K : never }[StaffWordKey];

/** Each Patient Connect refusal's own words (reference §6, §11). */
const REFUSALS: Partial<Record<number, StaffTextKey>> = {
  [StatusCode.ACCESS_DENIED]: 'staff.error.denied',
  [StatusCode.INVALID_VERIFICATION_QUESTION]: 'staff.error.question',
  [StatusCode.INVALID_VERIFICATION_ANSWER]: 'staff.error.answer',
  [StatusCode.INVALID_IDENTITY_CODE]: 'staff.error.unknownCode',
  [StatusCode.RETRY_LIMIT_EXCEEDED]: 'staff.error.locked',
  [StatusCode.DUPLICATE_CONNECT_REQUEST_FOUND]: 'staff.error.duplicate',
  [StatusCode.CONNECT_REQUEST_ALREADY_AUTHORIZED]: 'staff.error.authorized',
};

/** The staff elements' words, in the element's language (English where a language lacks one). */
export function staffWord<K extends StaffWordKey>(localize: LocalizeController, key: K): (typeof staffWords)[K] {
  return localize.term(key) ?? staffWords[key];
}

/** What staff read for a failure: a Patient Connect refusal's own words, else the kit's words for its kind. */
export function staffErrorText(localize: LocalizeController, error: HvError): string {
  const refusal = error instanceof PlatformError ? REFUSALS[error.status] : undefined;
  if (refusal) return staffWord(localize, refusal);
  return localize.errorText(error) ?? staffWord(localize, 'staff.error.other');
}
