// FetchProxy's words for an answer it cannot use, loaded with the first such answer (a page that is answered as
// expected, signed in or not, never downloads them).
import { HvError } from '../core/errors.js';

function describeBody(text: string, contentType: string | null): string {
  if (text.trim() === '') return 'an empty body';
  if (/html/i.test(contentType ?? '') || /^\s*<(!doctype\s+html|html)/i.test(text)) return 'an HTML page';
  return 'text that is not well-formed XML';
}

/** A response other than 2xx or 401, or a redirect: `what` was being done at `url`. */
export function httpFailure(url: string, what: string, response: Response): HvError {
  const { status, statusText } = response;
  if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
    return new HvError(
      'http',
      `The HealthVault proxy at ${url} answered ${what} with a redirect (often to a sign-in page) instead of answering it.`,
    );
  }
  const hint =
    status === 404
      ? ' Check that proxy-url points at the proxy.'
      : status === 403
        ? ' The proxy refused the request (a cross-site or malformed request, or an ended host session).'
        : '';
  return new HvError(
    'http',
    `The HealthVault proxy at ${url} answered ${what} with HTTP ${status}${statusText ? ` ${statusText}` : ''}.${hint}`,
    { retryable: status >= 500 || status === 408 || status === 429 },
  );
}

/** The parser refused the proxy's answer to `method` (`text`, sent as `contentType`) with `cause`. */
export function unreadableAnswer(
  url: string,
  method: string,
  text: string,
  contentType: string | null,
  cause: unknown,
): HvError {
  const detail = cause instanceof Error ? ` (${cause.message})` : '';
  return new HvError(
    'malformed-response',
    `The HealthVault proxy at ${url} answered ${method} with ${describeBody(text, contentType)} ` +
      `instead of a HealthVault response document${detail}.`,
    { cause },
  );
}
