// The proxies that put an element in a state for a preview, through the elements' documented `proxy` property: a
// simulated HealthVault of the preview's own (in memory, never the page's), in a scenario, answering in the page
// itself. The `proxy-unresponsive` scenario never answers, so its element stays checking.
import { getResponse } from 'msw';
import { FetchProxy, type HvProxy } from '../../src/index.js';
import { createHandlers, createSimulator, type ScenarioName, type Simulator } from '../../src/mock/index.js';

/** The proxy URL a preview's simulated proxy answers (it is never fetched: the answers come from the page). */
const PREVIEW_PROXY_URL = '/preview-proxy';
/** A preview shows one state for as long as it is open: no timeout ends a wait. */
const NEVER_TIMES_OUT_MS = 2 ** 31 - 1;

/** A proxy in front of a fresh simulated platform playing `scenario`; `prepare` may change it first. */
export function previewProxy(scenario: ScenarioName, prepare?: (simulator: Simulator) => void): HvProxy {
  const simulator = createSimulator({ scenario });
  prepare?.(simulator);
  const handlers = createHandlers(simulator, { proxyUrl: PREVIEW_PROXY_URL });
  return new FetchProxy(PREVIEW_PROXY_URL, {
    timeoutMs: NEVER_TIMES_OUT_MS,
    fetch: async (input, init) => {
      const request = new Request(new URL(String(input), location.href), init);
      return (await getResponse(handlers, request)) ?? new Response('No such preview route.', { status: 404 });
    },
  });
}
