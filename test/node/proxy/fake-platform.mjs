// A minimal stand-in for HealthVault's wildcat.ashx, for the proxy's tests. It checks what the real platform
// checks of a request's integrity, from the raw bytes it received (never by re-serializing): the info hash, the
// header's HMAC with the app session's shared secret, and the appserver2 signature with the application's public
// key. Any failure is answered BAD_SIG (4) and kept in `failures`, so a test can assert there were none.
import { createHash, createHmac, createVerify, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';

const ENVELOPE =
  /^<wc-request:request xmlns:wc-request="urn:com\.microsoft\.wc\.request">(?:<auth><hmac-data algName="HMACSHA256">([^<]+)<\/hmac-data><\/auth>)?(<header>[\s\S]*?<\/header>)(<info>[\s\S]*<\/info>|<info \/>)<\/wc-request:request>$/;

const field = (xml, name) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('base64');

const response = (code, info = '') => `<response><status><code>${code}</code></status>${info}</response>`;
const failure = (code, message) =>
  `<response><status><code>${code}</code><error><message>${message}</message></error></status></response>`;

/**
 * @param {{ appId: string, publicKey: import('node:crypto').KeyObject, thumbprint: string }} app
 */
export async function startFakePlatform(app) {
  const platform = {
    /** Every authenticated call that passed the checks: what the platform understood of it. */
    calls: [],
    /** Every CreateAuthenticatedSessionToken that passed. */
    sessionsCreated: 0,
    /** Every app session issued: token → shared secret. */
    sessions: new Map(),
    failures: [],
    gzippedAnswers: 0,
    /** The next authenticated call finds its app session expired (65), and the session stays dead. */
    expireNextSession: false,
    /** Requests arrive and are never answered. */
    hang: false,
    url: '',
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
  const expired = new Set();

  function answer(body) {
    const envelope = ENVELOPE.exec(body);
    if (!envelope) return fail(3, 'not a request envelope');
    const [, hmac, header, info] = envelope;
    const hashed = /<info-hash><hash-data algName="SHA256">([^<]+)<\/hash-data><\/info-hash><\/header>$/.exec(header);
    if (!hashed || hashed[1] !== sha256(info)) return fail(4, 'info-hash');
    const method = field(header, 'method');
    if (method === 'CreateAuthenticatedSessionToken') return createSession(header, info, hmac);
    const token = field(header, 'auth-token');
    const secret = platform.sessions.get(token);
    if (!secret || !hmac) return fail(8, 'unknown app session');
    const expected = createHmac('sha256', Buffer.from(secret, 'base64')).update(header, 'utf8').digest('base64');
    if (hmac !== expected) return fail(4, 'hmac');
    if (platform.expireNextSession) {
      platform.expireNextSession = false;
      expired.add(token);
    }
    if (expired.has(token)) return failure(65, 'The authenticated session token has expired.');
    platform.calls.push({
      method,
      version: Number(field(header, 'method-version')),
      recordId: field(header, 'record-id'),
      appToken: token,
      userAuthToken: field(header, 'user-auth-token'),
      offlinePersonId: field(header, 'offline-person-id'),
      info,
    });
    return response(0);
  }

  function createSession(header, info, hmac) {
    if (hmac) return fail(4, 'an anonymous method with <auth>');
    if (field(header, 'method-version') !== '2' || field(header, 'app-id') !== app.appId) return fail(6, 'app-id');
    const credential =
      /^<info><auth-info><app-id>([^<]+)<\/app-id><credential><appserver2><sig digestMethod="SHA1" sigMethod="RSA-SHA1" thumbprint="([^"]+)">([^<]+)<\/sig>(<content>[\s\S]*<\/content>)<\/appserver2><\/credential><\/auth-info><\/info>$/.exec(
        info,
      );
    if (!credential) return fail(3, 'credential');
    const [, appId, thumbprint, signature, content] = credential;
    if (appId !== app.appId || field(content, 'app-id') !== app.appId) return fail(6, 'content app-id');
    if (thumbprint.toLowerCase() !== app.thumbprint.toLowerCase()) return fail(70, 'thumbprint');
    if (field(content, 'hmac') !== 'HMACSHA256') return fail(3, 'hmac algorithm');
    const verified = createVerify('RSA-SHA1').update(content, 'utf8').verify(app.publicKey, signature, 'base64');
    if (!verified) return fail(4, 'appserver2 signature');
    const token = randomBytes(48).toString('base64');
    const secret = randomBytes(64).toString('base64');
    platform.sessions.set(token, secret);
    platform.sessionsCreated++;
    const ns = 'urn:com.microsoft.wc.methods.response.CreateAuthenticatedSessionToken2';
    return response(
      0,
      `<wc:info xmlns:wc="${ns}"><token app-id="${app.appId}" app-record-auth-action="NoActionRequired">${token}</token><shared-secret>${secret}</shared-secret></wc:info>`,
    );
  }

  function fail(code, what) {
    platform.failures.push(what);
    return failure(code, `Rejected: ${what}.`);
  }

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      if (platform.hang) return;
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      const xml = answer(body.toString('utf8'));
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      if (gzip) platform.gzippedAnswers++;
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', ...(gzip && { 'Content-Encoding': 'gzip' }) });
      res.end(gzip ? gzipSync(xml) : xml);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  platform.url = `http://127.0.0.1:${server.address().port}/platform/`;
  return platform;
}
