import { HvError } from '../errors.js';
import { successInfo } from './response.js';
import { StatusCode, statusMessage, statusName } from './status-codes.js';
import { child, childText, type XmlNode } from './xml-node.js';

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
 * `PlatformError`, anything that is not a response document an `HvError` of code `malformed-response`. (Beside the
 * error, not in `response.ts`: a bundle that only reads answers keeps the status code names and these words out
 * until an error comes back.)
 */
export function decodeResponse(method: string, root: XmlNode): XmlNode | undefined {
  const info = successInfo(root);
  if (info !== false) return info;
  const notAResponse = (problem: string) =>
    new HvError('malformed-response', `The answer to ${method} is not a HealthVault response document: ${problem}.`);
  if (root.name !== 'response') throw notAResponse(`its root element is <${root.name}>, expected <response>`);
  const status = child(root, 'status');
  if (!status) throw notAResponse('it has no <status>');
  const code = childText(status, 'code');
  if (code === undefined) throw notAResponse('its <status> has no <code>');
  if (!/^-?\d+$/.test(code)) throw notAResponse(`its status code "${code}" is not a number`);
  throw new PlatformError(method, Number(code), childText(child(status, 'error'), 'message'));
}
