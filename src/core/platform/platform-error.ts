import { HvError } from '../errors.js';
import { readResponse } from './response.js';
import { StatusCode, statusMessage, statusName } from './status-codes.js';
import type { XmlNode } from './xml-node.js';

/** Codes that describe a passing condition on the platform's side, where the same request can succeed later. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([
  StatusCode.REQUEST_TIMED_OUT,
  StatusCode.MAINTENANCE_MODE_ACCESS_DENIED,
]);

/**
 * HealthVault answered a method with a non-zero status code. `status` and `statusName` identify the refusal
 * (`11`, `ACCESS_DENIED`); `platformMessage` is the platform's own `<error><message>`, kept as plain data for
 * logs and support: it is never part of `message` and must only ever be rendered as text.
 */
export class PlatformError extends HvError {
  override readonly name: string = 'PlatformError';
  readonly method: string;
  readonly status: number;
  readonly statusName: string;
  readonly platformMessage?: string;

  constructor(method: string, status: number, platformMessage?: string) {
    const name = statusName(status);
    super('platform', `HealthVault refused ${method}: ${name} (${status}) — ${statusMessage(status)}`, {
      retryable: RETRYABLE_STATUSES.has(status),
    });
    this.method = method;
    this.status = status;
    this.statusName = name;
    if (platformMessage !== undefined && platformMessage !== '') this.platformMessage = platformMessage;
  }
}

/**
 * Reads a platform response document and resolves it to its `<info>` element; a non-zero status code becomes a
 * `PlatformError`. (Beside the error, not in `response.ts`: a bundle that only reads answers keeps the status
 * code names out until an error comes back.)
 */
export function decodeResponse(method: string, root: XmlNode): XmlNode | undefined {
  const { status, info, errorMessage } = readResponse(method, root);
  if (status !== 0) throw new PlatformError(method, status, errorMessage);
  return info;
}
