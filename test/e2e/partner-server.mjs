// A partner's page as the e2e tests serve it: the cdn build as it was built (`npm run build` first) under the
// strictest policy the kit promises to work with, and the simulated platform's proxy on the same origin.
import { fileURLToPath } from 'node:url';
import { getResponse } from 'msw';
import { createHandlers, createSimulator } from 'hv-elements/mock';
import { serveStatic } from '../../scripts/lib/static-server.mjs';

export const strictPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

export const cdnDir = fileURLToPath(new URL('../../dist/cdn', import.meta.url));

/**
 * Serves `pages` with the cdn folder at `/cdn/` and the simulated proxy of `scenario` at `/hv-proxy`, under the
 * strict policy; `log` holds every request.
 */
export async function servePartner(pages, scenario) {
  const simulator = createSimulator({ scenario });
  const handlers = createHandlers(simulator, { proxyUrl: '/hv-proxy' });
  const log = [];
  const server = await serveStatic({
    pages,
    folders: { '/cdn/': cdnDir },
    headers: { 'Content-Security-Policy': strictPolicy },
    handle: (request) => getResponse(handlers, request),
    log,
  });
  return { ...server, simulator, log };
}

/** The cdn chunks a page requested, by file name without its hash (`connect-request-list`). */
export const chunksRequested = (log) =>
  log.map(({ path }) => /^\/cdn\/chunks\/(.+)-[\w-]{8}\.js$/.exec(path)?.[1]).filter((name) => name !== undefined);
