// A tiny HTTP server for pages that load the built bundles the way a partner site would: fixed pages plus the files
// of one folder, every response with the same headers (e.g. a Content-Security-Policy). Used by e2e tests and the bench.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const contentTypes = {
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * @param {object} options
 * @param {Record<string, string>} options.pages   path → body of a fixed page (HTML when the path has no extension)
 * @param {Record<string, string>} [options.folders] URL prefix (ending in '/') → folder served under it
 * @param {Record<string, string>} [options.headers] sent with every response
 * @param {(request: Request) => Promise<Response | undefined>} [options.handle] answers what it can (an API, a
 *   simulated proxy) before the pages and folders are looked at; undefined passes the request on
 * @param {Array<{ method: string, path: string, headers: Record<string, string | string[] | undefined> }>} [options.log]
 *   every request received is appended here
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>} listening on 127.0.0.1, a free port
 */
export async function serveStatic({ pages, folders = {}, headers = {}, handle, log }) {
  let origin = '';
  const server = createServer(async (request, response) => {
    const { pathname: path, search } = new URL(request.url ?? '/', 'http://localhost');
    log?.push({ method: request.method ?? 'GET', path, headers: request.headers });
    const answer = handle && (await handle(await toFetchRequest(request, origin)));
    if (answer) {
      response.writeHead(answer.status, { ...headers, ...Object.fromEntries(answer.headers) });
      response.end(Buffer.from(await answer.arrayBuffer()));
      return;
    }
    if (path === '/favicon.ico') {
      response.writeHead(204, headers).end(); // Chromium asks for it; a 404 would be a console error
      return;
    }
    const found = pages[path] ?? (await readFromFolders(folders, path));
    if (found === FOLDER) {
      // As static hosts do: a folder's address without its slash is sent to the one with it, query kept.
      response.writeHead(301, { ...headers, Location: `${path}/${search}` }).end();
      return;
    }
    const body = found;
    if (body === undefined) {
      response.writeHead(404, headers).end();
      return;
    }
    response.writeHead(200, {
      ...headers,
      'Content-Type':
        contentTypes[path.endsWith('/') ? '.html' : extname(path) || '.html'] ?? 'application/octet-stream',
    });
    response.end(body);
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    close: () =>
      new Promise((closed) => {
        server.close(() => closed());
        server.closeAllConnections(); // the browser keeps connections alive; don't wait for them
      }),
  };
}

/** What readFromFolders finds at a folder's address without its trailing slash. */
const FOLDER = Symbol('folder');

/** The file at `path` in the folders (a folder's index.html at its address with a slash), or FOLDER, or undefined. */
async function readFromFolders(folders, path) {
  for (const [prefix, folder] of Object.entries(folders)) {
    if (!path.startsWith(prefix)) continue;
    const root = resolve(folder);
    const file = resolve(root, decodeURIComponent(path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) return undefined; // no escaping the folder with ../
    const isFolder = (await stat(file).catch(() => undefined))?.isDirectory();
    if (isFolder && !path.endsWith('/')) return FOLDER;
    return readFile(isFolder ? resolve(file, 'index.html') : file).catch(() => undefined);
  }
  return undefined;
}

/** The Node request as a fetch `Request`, headers and body included, for handlers written against the Fetch API. */
async function toFetchRequest(request, origin) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const item of [value].flat()) if (item !== undefined) headers.append(name, item);
  }
  return new Request(new URL(request.url ?? '/', origin), { method: request.method, headers, body });
}
