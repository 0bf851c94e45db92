import { getResponse } from 'msw';
import { createHandlers } from '../../src/mock/handlers.js';
import type { Simulator } from '../../src/mock/simulator.js';
import { FetchProxy } from '../../src/transport/fetch-proxy.js';

/**
 * The kit's own FetchProxy talking to the simulated platform's proxy handlers, without a network or a service
 * worker: the element tests run the whole chain (request, proxy contract, platform, XML answer) in every engine.
 */
export function simulatedProxy(simulator: Simulator, proxyUrl = '/hv-proxy'): FetchProxy {
  const handlers = createHandlers(simulator, { proxyUrl });
  return new FetchProxy(proxyUrl, {
    fetch: async (input, init) => {
      const request = new Request(new URL(String(input), location.href), init);
      return (await getResponse(handlers, request)) ?? new Response('No simulated route', { status: 404 });
    },
  });
}
