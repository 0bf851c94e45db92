import { http, HttpResponse, type HttpHandler } from 'msw';
import { StatusCode } from '../core/platform/status-codes.js';
import { DEMO_APP_ID } from './scenarios.js';
import type { Simulator } from './simulator.js';
import { errorResponse } from './xml.js';

export interface HandlerOptions {
  /** Where the kit sends platform calls (`{proxyUrl}/{MethodName}`) and the Shell's token (`{proxyUrl}/session`). */
  proxyUrl: string;
  /** The application this simulated backend holds the credentials of; {@link DEMO_APP_ID} when absent. */
  appId?: string;
}

/** The request body as text, unpacked when the sender compressed it with gzip (as the .NET SDK does). */
async function bodyText(request: Request): Promise<string | Response> {
  const encoding = request.headers.get('Content-Encoding')?.trim().toLowerCase();
  if (!encoding || encoding === 'identity') return request.text();
  if (encoding !== 'gzip')
    return new HttpResponse(`Content-Encoding "${encoding}" is not supported; send identity or gzip.`, { status: 415 });
  try {
    return await new Response(request.body!.pipeThrough(new DecompressionStream('gzip'))).text();
  } catch {
    return HttpResponse.xml(errorResponse(StatusCode.INVALID_XML, 'The request body is not valid gzip data.'));
  }
}

/**
 * MSW handlers that play the partner's backend proxy in front of the simulated platform, for `setupWorker`
 * (browser) or `setupServer` (Node). The proxy contract (README):
 * - `POST {proxyUrl}/session`, form body `wctoken=…&instanceid=…`: the backend keeps the Shell's user token as
 *   this application's sign-in (one per application per browser, replacing any earlier one) → 204. The token is not
 *   checked here: one the platform never issued makes every later call answer INVALID_TOKEN (8). No `wctoken` → 400.
 * - `DELETE {proxyUrl}/session`: sign-out; the backend forgets the token and the token is dead → 204.
 * - `POST {proxyUrl}/{MethodName}`, body the request's `<info>` (gzip allowed), headers `X-HV-Method-Version` and
 *   `X-HV-Record-Id` → 200 `text/xml` with the platform's response document, errors included.
 */
export function createHandlers(simulator: Simulator, options: HandlerOptions): HttpHandler[] {
  const appId = options.appId ?? DEMO_APP_ID;
  const base = options.proxyUrl.replace(/\/+$/, '');
  // MSW resolves a relative path against the page's location; Node has none, so match the path on any origin there.
  const root = base.startsWith('/') && typeof location === 'undefined' ? `*${base}` : base;

  return [
    http.post(`${root}/session`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const wctoken = form.get('wctoken');
      if (!wctoken) return new HttpResponse('The form field wctoken is missing.', { status: 400 });
      await simulator.openProxySession(appId, wctoken, form.get('instanceid') ?? '1');
      return new HttpResponse(null, { status: 204 });
    }),
    http.delete(`${root}/session`, () => {
      simulator.closeProxySession(appId);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${root}/:method`, async ({ request, params }) => {
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
