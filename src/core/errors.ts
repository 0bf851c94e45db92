/**
 * Every failure the kit reports is an `HvError`: `code` says which kind (stable, for programs), `message` says
 * what went wrong in words a partner developer can act on, and `retryable` says whether trying again can help.
 * Elements put the same object in the `detail` of their `hv-error` event.
 */
export type HvErrorCode =
  /** The element's configuration (app id, shell, proxy, attributes) is missing or invalid. */
  | 'invalid-config'
  /** A Shell URL could not be built from the given parameters. */
  | 'invalid-shell-request'
  /** What the Shell sent back to the action URL cannot be used (unknown target, missing token). */
  | 'invalid-shell-return'
  /** The round-trip state in `actionqs` is missing, unknown to this tab, already used or expired. */
  | 'invalid-state'
  /** The proxy (or a lazily loaded part of the kit) could not be reached at all. */
  | 'network'
  /** The proxy holds no HealthVault sign-in for this browser (it answered HTTP 204 or 401): nobody is signed in. */
  | 'signed-out'
  /** The proxy answered with an HTTP error status. */
  | 'http'
  /** The proxy did not answer in time. */
  | 'timeout'
  /** The caller aborted the request. */
  | 'aborted'
  /** The proxy answered, but not with a HealthVault response document. */
  | 'malformed-response'
  /** The platform answered with a non-zero status code. */
  | 'platform'
  /** What a person typed cannot be used; the element says why next to the field (the message never repeats it). */
  | 'invalid-input';

export interface HvErrorOptions {
  retryable?: boolean;
  cause?: unknown;
}

export class HvError extends Error {
  override readonly name: string = 'HvError';
  readonly code: HvErrorCode;
  readonly retryable: boolean;

  constructor(code: HvErrorCode, message: string, options: HvErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}

/** The waits before each retry of a retryable failure, in ms: a proxy still down after some 7 s waits for a person. */
export const RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000];

/** The failure to load a lazily loaded part of the kit (offline, or a deployment replaced under the page). */
export function codeLoadFailure(cause: unknown): HvError {
  return new HvError('network', 'A part of the HealthVault kit could not be loaded; reload the page.', {
    retryable: true,
    cause,
  });
}
