import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { StatusCode } from '../core/platform/status-codes.js';
import { PLATFORM_METHODS } from './platform-methods.js';
import { KIT_REQUEST_HEADER } from '../transport/proxy.js';
import { DEMO_APP_ID } from './scenarios.js';
import type { Simulator } from './simulator.js';
import { errorResponse } from './xml.js';

export interface HandlerOptions {
  /** Where the kit sends platform calls (`{proxyUrl}/{MethodName}`) and the Shell's token (`{proxyUrl}/session`). */
  proxyUrl: string;
  /** The application this simulated backend holds the credentials of; {@link DEMO_APP_ID} when absent. */
  appId?: string;
}

/** The body of a token hand-off, as any client may have sent it. */
interface HandOff {
  wctoken?: unknown;
  instanceid?: unknown;
}

/** The request body as text, unpacked when the sender compressed it with gzip (as the .NET SDK does). */
async function bodyText(request: Request): Promise<string | Response> {
  const encoding = request.headers.get('Content-Encoding')?.trim().toLowerCase();
  if (!encoding || encoding === 'identity') return request.text();
  if (encoding !== 'gzip')
    return new HttpResponse(`Content-Encoding "${encoding}" is not supported; send identity or gzip.`, { status: 415 });
  try {
    // Through a Blob: Firefox has no Request.body stream.
    const compressed = new Blob([await request.arrayBuffer()]).stream();
    return await new Response(compressed.pipeThrough(new DecompressionStream('gzip'))).text();
  } catch {
    return HttpResponse.xml(errorResponse(StatusCode.INVALID_XML, 'The request body is not valid gzip data.'));
  }
}

/** Whether the request's Content-Type is `mediaType`, alone or with `charset=utf-8`. */
function hasMediaType(request: Request, mediaType: string): boolean {
  const [type, ...parameters] = (request.headers.get('Content-Type') ?? '')
    .split(';')
    .map((part) => part.trim().toLowerCase());
  return type === mediaType && parameters.every((parameter) => parameter === 'charset=utf-8');
}

/**
 * What the proxy's condition does to a request before the proxy looks at it (a load balancer in front of a dead
 * backend answers 503; a hung one never answers); undefined when the proxy goes on, after any slowness.
 */
async function outage(simulator: Simulator): Promise<Response | undefined> {
  const condition = simulator.proxyCondition;
  if (condition.kind === 'down') {
    return new HttpResponse('The HealthVault proxy is down (simulated).', {
      status: 503,
      statusText: 'Service Unavailable',
      headers: { 'Retry-After': '5' },
    });
  }
  if (condition.kind === 'unresponsive') await delay('infinite');
  if (condition.kind === 'slow') await delay(condition.delayMs);
  return undefined;
}

const forbidden = (why: string) => new HttpResponse(why, { status: 403 });

/**
 * The answer refusing a request another site could have sent (login CSRF), by the rules README asks of every
 * proxy; undefined when the request may go on. A service worker never sees `Sec-Fetch-Site` or `Origin` (the
 * browser adds them below it), so those two checks bite only when the handlers run in a server.
 */
function refusal(request: Request, mediaType?: string): Response | undefined {
  const site = request.headers.get('Sec-Fetch-Site');
  if (site !== null && site !== 'same-origin') return forbidden('Refused: Sec-Fetch-Site is not same-origin.');
  const origin = request.headers.get('Origin');
  if (origin !== null && origin !== new URL(request.url).origin) {
    return forbidden("Refused: the Origin is not this proxy's origin.");
  }
  const { name, value } = KIT_REQUEST_HEADER;
  if (request.headers.get(name) !== value) return forbidden(`Refused: the header ${name}: ${value} is missing.`);
  if (mediaType && !hasMediaType(request, mediaType)) {
    return new HttpResponse(`Refused: the Content-Type must be ${mediaType}.`, { status: 415 });
  }
  return undefined;
}

/**
 * MSW handlers that play the partner's backend proxy in front of the simulated platform, for `setupWorker`
 * (browser) or `setupServer` (Node), or behind any server through msw's `getResponse`. The proxy contract (README):
 * - Every request carries `X-Requested-With: hv-elements` ({@link KIT_REQUEST_HEADER}), and none comes from
 *   another site (`Sec-Fetch-Site` other than `same-origin`, or an `Origin` other than the proxy's) → else 403.
 * - `POST {proxyUrl}/session`, `Content-Type: application/json` (else 415), body `{"wctoken": …, "instanceid": …}`:
 *   the backend keeps the Shell's user token as this application's sign-in in a new session (one per application
 *   per browser; the one before ends, its token signed out) → 204. The token is not checked here: one the platform
 *   never issued makes every later call answer INVALID_TOKEN (8). No `wctoken` → 400.
 * - `DELETE {proxyUrl}/session`: sign-out; the backend forgets the token and the token is dead → 204.
 * - A method call while the backend holds no sign-in for this browser → 204, no content (nobody is signed in).
 * - `POST {proxyUrl}/{MethodName}`, `Content-Type: application/xml` (else 415), body the request's `<info>` (gzip
 *   allowed), headers `X-HV-Method-Version` and `X-HV-Record-Id` → 200 `text/xml` with the platform's response
 *   document, errors included.
 * - Whatever the request, the proxy's own condition ({@link Simulator.proxyCondition}, set by the `proxy-*`
 *   scenarios or `setProxyCondition`) comes first: down → 503, unresponsive → no answer, slow → the answer later.
 */
export function createHandlers(simulator: Simulator, options: HandlerOptions): HttpHandler[] {
  const appId = options.appId ?? DEMO_APP_ID;
  const base = options.proxyUrl.replace(/\/+$/, '');
  // MSW resolves a relative path against the page's location; Node has none, so match the path on any origin there.
  const root = base.startsWith('/') && typeof location === 'undefined' ? `*${base}` : base;

  return [
    http.post(`${root}/session`, async ({ request }) => {
      const down = await outage(simulator);
      if (down) return down;
      const refused = refusal(request, 'application/json');
      if (refused) return refused;
      const handOff = (await request.json().catch(() => undefined)) as HandOff | null | undefined;
      if (typeof handOff?.wctoken !== 'string' || !handOff.wctoken) {
        return new HttpResponse('The body must be JSON with a wctoken.', { status: 400 });
      }
      const instanceId = typeof handOff.instanceid === 'string' ? handOff.instanceid : '1';
      await simulator.openProxySession(appId, handOff.wctoken, instanceId);
      return new HttpResponse(null, { status: 204 });
    }),
    http.delete(`${root}/session`, async ({ request }) => {
      const down = await outage(simulator);
      if (down) return down;
      const refused = refusal(request);
      if (refused) return refused;
      simulator.closeProxySession(appId);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${root}/:method`, async ({ request, params }) => {
      const down = await outage(simulator);
      if (down) return down;
      const refused = refusal(request, 'application/xml');
      if (refused) return refused;
      // A method that acts for the person, and no token in this session to call it with: the contract's "nobody
      // is signed in". (The platform's own CREDENTIAL_TOKEN_EXPIRED is for a token it held that has expired.)
      const method = PLATFORM_METHODS[String(params['method']) as keyof typeof PLATFORM_METHODS];
      if (method?.needsUser && !simulator.snapshot().proxySessions[appId]) {
        return new HttpResponse(null, { status: 204 });
      }
      const body = await bodyText(request);
      if (typeof body !== 'string') return body;
      const versionHeader = request.headers.get('X-HV-Method-Version');
      const xml = simulator.call({
        appId,
        method: String(params['method']),
        body,
        version: versionHeader === null ? undefined : Number(versionHeader),
        recordId: request.headers.get('X-HV-Record-Id') ?? undefined,
      });
      return HttpResponse.xml(xml);
    }),
  ];
}
