import { expect } from '@open-wc/testing';
import { HvError, type HvErrorCode } from '../../src/core/errors.js';
import { PlatformError } from '../../src/core/platform/platform-error.js';
import { FetchProxy, type FetchProxyOptions } from '../../src/transport/fetch-proxy.js';
import { parseXmlWithoutDom } from '../../src/transport/xml-reader.js';

const RECORD_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const INFO = '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.GetPersonInfo"/>';
const TOKEN = 'ASAAAJ8wcTokenSecret+/=';
/** The header that makes every request of the kit need a CORS preflight (no form can send it). */
const KIT_HEADER = { 'X-Requested-With': 'hv-elements' };
const OK_RESPONSE =
  '<response><status><code>0</code></status>' +
  '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.response.GetPersonInfo"><person-info/></wc:info></response>';

interface FetchCall {
  url: string;
  init: RequestInit;
}

/** A `fetch` that records its calls and answers with `answer`. */
function fakeFetch(answer: (call: FetchCall) => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    return answer(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const xmlAnswer =
  (body: string, init: ResponseInit = {}) =>
  () =>
    new Response(body, { headers: { 'Content-Type': 'application/xml' }, ...init });

/** A `fetch` that never answers (only the signal can end it). */
const silentFetch = () => fakeFetch(() => new Promise<Response>(() => {}));

function proxy(fetch: typeof globalThis.fetch, options: FetchProxyOptions = {}, baseUrl = '/hv') {
  return new FetchProxy(baseUrl, { fetch, ...options });
}

async function rejection(promise: Promise<unknown>): Promise<HvError> {
  try {
    await promise;
  } catch (error) {
    expect(error, 'rejects with an HvError').to.be.instanceOf(HvError);
    return error as HvError;
  }
  throw new Error('expected a rejection');
}

function constructionError(run: () => unknown): HvError {
  try {
    run();
  } catch (error) {
    return error as HvError;
  }
  throw new Error('expected an error');
}

describe('FetchProxy', () => {
  describe('call', () => {
    it("POSTs the info to {proxy-url}/{method} with same-origin credentials and returns the response's info", async () => {
      const { fetch, calls } = fakeFetch(xmlAnswer(OK_RESPONSE));
      const info = await proxy(fetch).call('GetPersonInfo', INFO);
      expect(info?.name).to.equal('info');
      expect(info?.children.map((c) => c.name)).to.deep.equal(['person-info']);
      expect(calls).to.have.length(1);
      const [{ url, init }] = calls as [FetchCall];
      expect(url).to.equal('/hv/GetPersonInfo');
      expect(init.method).to.equal('POST');
      expect(init.body).to.equal(INFO);
      expect(init.credentials).to.equal('same-origin');
      expect(init.headers).to.deep.equal({
        'Content-Type': 'application/xml',
        Accept: 'application/xml',
        ...KIT_HEADER,
      });
      expect(init.signal).to.be.instanceOf(AbortSignal);
    });

    it('sends the record id and the method version as headers', async () => {
      const { fetch, calls } = fakeFetch(xmlAnswer(OK_RESPONSE));
      await proxy(fetch, {}, 'https://proxy.example.org/api/hv/').call('QueryPermissions', INFO, {
        recordId: RECORD_ID,
        version: 2,
      });
      expect(calls[0]?.url).to.equal('https://proxy.example.org/api/hv/QueryPermissions');
      expect(calls[0]?.init.headers).to.include({ 'X-HV-Record-Id': RECORD_ID, 'X-HV-Method-Version': '2' });
    });

    it('resolves undefined for a response without info', async () => {
      const { fetch } = fakeFetch(xmlAnswer('<response><status><code>0</code></status></response>'));
      expect(await proxy(fetch).call('RemoveApplicationRecordAuthorization', '<wc:info xmlns:wc="urn:x"/>')).to.equal(
        undefined,
      );
    });

    it('uses the parser it is given', async () => {
      const { fetch } = fakeFetch(xmlAnswer(OK_RESPONSE));
      let parsed = '';
      const parseXml = (text: string) => {
        parsed = text;
        return parseXmlWithoutDom(text);
      };
      const info = await proxy(fetch, { parseXml }).call('GetPersonInfo', INFO);
      expect(parsed).to.equal(OK_RESPONSE);
      expect(info?.children[0]?.name).to.equal('person-info');
    });

    it('rejects a platform error (HTTP 200, status 11) with a PlatformError', async () => {
      const { fetch } = fakeFetch(
        xmlAnswer(
          '<response><status><code>11</code><error><message>Access is denied.</message></error></status></response>',
        ),
      );
      const error = (await rejection(proxy(fetch).call('GetPersonInfo', INFO))) as PlatformError;
      expect(error).to.be.instanceOf(PlatformError);
      expect(error.code).to.equal('platform');
      expect(error.status).to.equal(11);
      expect(error.statusName).to.equal('ACCESS_DENIED');
      expect(error.platformMessage).to.equal('Access is denied.');
      expect(error.retryable).to.equal(false);
    });

    it('rejects with network (retryable) when fetch itself fails', async () => {
      const cause = new TypeError('Failed to fetch');
      const { fetch } = fakeFetch(() => Promise.reject(cause));
      const error = await rejection(proxy(fetch).call('GetPersonInfo', INFO));
      expect([error.code, error.retryable, error.cause]).to.deep.equal(['network', true, cause]);
      expect(error.message).to.equal(
        'Could not reach the HealthVault proxy at /hv/GetPersonInfo for GetPersonInfo: Failed to fetch.',
      );
    });

    for (const [status, retryable, text] of [
      [500, true, 'HTTP 500 Internal Server Error.'],
      [503, true, 'HTTP 503'],
      [429, true, 'HTTP 429'],
      [408, true, 'HTTP 408'],
      [404, false, 'HTTP 404 Not Found. Check that proxy-url points at the proxy.'],
      [403, false, 'HTTP 403. The proxy refused the request'],
      [400, false, 'HTTP 400'],
    ] as const) {
      it(`rejects HTTP ${status} with http${retryable ? ' (retryable)' : ''}`, async () => {
        const statusText =
          { 500: 'Internal Server Error', 404: 'Not Found', 401: 'Unauthorized' }[status as number] ?? '';
        const { fetch } = fakeFetch(xmlAnswer(OK_RESPONSE, { status, statusText }));
        const error = await rejection(proxy(fetch).call('GetPersonInfo', INFO));
        expect([error.code, error.retryable]).to.deep.equal(['http', retryable]);
        expect(error.message).to.contain(
          `The HealthVault proxy at /hv/GetPersonInfo answered GetPersonInfo with ${text}`,
        );
      });
    }

    it('rejects HTTP 204 (no content), the proxy contract\'s "nobody is signed in", with signed-out', async () => {
      const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
      const error = await rejection(proxy(fetch).call('GetPersonInfo', INFO));
      expect([error.code, error.retryable]).to.deep.equal(['signed-out', false]);
      expect(error.message).to.equal(
        'The HealthVault proxy at /hv/GetPersonInfo holds no sign-in for GetPersonInfo (HTTP 204).',
      );
    });

    it('reads HTTP 401, a proxy of another make\'s "nobody is signed in", as signed-out too', async () => {
      const { fetch } = fakeFetch(xmlAnswer(OK_RESPONSE, { status: 401, statusText: 'Unauthorized' }));
      const error = await rejection(proxy(fetch).call('GetPersonInfo', INFO));
      expect([error.code, error.retryable]).to.deep.equal(['signed-out', false]);
      expect(error.message).to.equal(
        'The HealthVault proxy at /hv/GetPersonInfo holds no sign-in for GetPersonInfo (HTTP 401).',
      );
    });

    it('rejects a redirect (to a sign-in page) with http instead of following it', async () => {
      const { fetch, calls } = fakeFetch(() => Response.redirect('https://example.org/login', 302));
      const error = await rejection(proxy(fetch).call('GetPersonInfo', INFO));
      expect(error.code).to.equal('http');
      expect(error.message).to.contain('with a redirect');
      expect(calls[0]?.init.redirect).to.equal('manual');
    });

    it('rejects with timeout (retryable) when the proxy does not answer in time, and cancels the request', async () => {
      const { fetch, calls } = silentFetch();
      const error = await rejection(proxy(fetch, { timeoutMs: 30 }).call('GetPersonInfo', INFO));
      expect([error.code, error.retryable]).to.deep.equal(['timeout', true]);
      expect(error.message).to.equal(
        'The HealthVault proxy at /hv/GetPersonInfo did not answer GetPersonInfo within 0.03 s.',
      );
      expect(calls[0]?.init.signal?.aborted, 'the request is aborted').to.equal(true);
    });

    it('times out while the body is still arriving', async () => {
      const endless = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(new TextEncoder().encode('<resp')),
      });
      const { fetch } = fakeFetch(() => new Response(endless));
      const error = await rejection(proxy(fetch, { timeoutMs: 30 }).call('GetPersonInfo', INFO));
      expect(error.code).to.equal('timeout');
    });

    it('rejects with aborted when the caller aborts, and cancels the request', async () => {
      const { fetch, calls } = silentFetch();
      const controller = new AbortController();
      const pending = proxy(fetch).call('GetPersonInfo', INFO, { signal: controller.signal });
      controller.abort();
      const error = await rejection(pending);
      expect([error.code, error.retryable]).to.deep.equal(['aborted', false]);
      expect(error.message).to.equal(
        'The call for GetPersonInfo to the HealthVault proxy at /hv/GetPersonInfo was aborted.',
      );
      expect(calls[0]?.init.signal?.aborted).to.equal(true);
    });

    it('times out and aborts where AbortSignal.any is missing (older Safari and Firefox)', async () => {
      const descriptor = Object.getOwnPropertyDescriptor(AbortSignal, 'any')!;
      delete (AbortSignal as { any?: unknown }).any;
      try {
        const slow = silentFetch();
        const caller = new AbortController();
        const timedOut = await rejection(
          proxy(slow.fetch, { timeoutMs: 20 }).call('GetPersonInfo', INFO, { signal: caller.signal }),
        );
        expect(timedOut.code).to.equal('timeout');
        expect(slow.calls[0]?.init.signal?.aborted, 'the request is aborted').to.equal(true);
        const pending = proxy(slow.fetch).call('GetPersonInfo', INFO, { signal: caller.signal });
        caller.abort();
        expect((await rejection(pending)).code).to.equal('aborted');
        expect(slow.calls[1]?.init.signal?.aborted, 'the request is aborted').to.equal(true);
      } finally {
        Object.defineProperty(AbortSignal, 'any', descriptor);
      }
    });

    it('does not call the proxy at all with an already aborted signal', async () => {
      const { fetch, calls } = fakeFetch(xmlAnswer(OK_RESPONSE));
      const error = await rejection(proxy(fetch).call('GetPersonInfo', INFO, { signal: AbortSignal.abort() }));
      expect(error.code).to.equal('aborted');
      expect(calls).to.have.length(0);
    });

    const notXml = 'The text is not well-formed XML';
    const doctype = 'The XML has a DOCTYPE, which no HealthVault response has.';
    for (const [label, body, contentType, describes, why] of [
      ['plain text', 'Bad Gateway', 'text/plain', 'text that is not well-formed XML', notXml],
      [
        'an HTML page',
        '<!DOCTYPE html><html><body>Sign in<br></body></html>',
        'text/html; charset=utf-8',
        'an HTML page',
        doctype,
      ],
      [
        'an HTML page sent as XML',
        '<!doctype html><html><body><p>Hi</body></html>',
        'application/xml',
        'an HTML page',
        doctype,
      ],
      ['an empty body', '', 'application/xml', 'an empty body', notXml],
    ] as const) {
      it(`rejects ${label} with malformed-response`, async () => {
        const { fetch } = fakeFetch(() => new Response(body, { headers: { 'Content-Type': contentType } }));
        const error = await rejection(proxy(fetch).call('GetPersonInfo', INFO));
        expect(error.code).to.equal('malformed-response');
        expect(error.message).to.match(
          new RegExp(
            `^The HealthVault proxy at /hv/GetPersonInfo answered GetPersonInfo with ${describes} instead of a HealthVault response document \\(${why.replace('.', '\\.')}`,
          ),
        );
      });
    }

    it('rejects well-formed XML that is not a response document with malformed-response', async () => {
      const { fetch } = fakeFetch(xmlAnswer('<html xmlns="http://www.w3.org/1999/xhtml"><body>Sign in</body></html>'));
      const error = await rejection(proxy(fetch).call('GetPersonInfo', INFO));
      expect(error.code).to.equal('malformed-response');
      expect(error.message).to.contain('its root element is <html>, expected <response>');
    });

    it("passes on a parser's HvError of another code as it is (Trusted Types refusing the parser)", async () => {
      const { fetch } = fakeFetch(xmlAnswer(OK_RESPONSE));
      const refused = new HvError('invalid-config', 'Trusted Types refused the XML parser.');
      const parseXml = () => {
        throw refused;
      };
      expect(await rejection(proxy(fetch, { parseXml }).call('GetPersonInfo', INFO))).to.equal(refused);
    });

    it('wraps whatever a custom parser throws as malformed-response', async () => {
      const { fetch } = fakeFetch(xmlAnswer(OK_RESPONSE));
      const parseXml = () => {
        throw new SyntaxError('unexpected token');
      };
      const error = await rejection(proxy(fetch, { parseXml }).call('GetPersonInfo', INFO));
      expect(error.code).to.equal('malformed-response');
      expect(error.message).to.contain('(unexpected token)');
    });

    for (const [label, method, options, message] of [
      ['a method name with a path in it', '../admin', {}, '"../admin" is not a HealthVault method name.'],
      [
        'a record id that is not a GUID',
        'QueryPermissions',
        { recordId: 'self' },
        'QueryPermissions: record id "self" is not a GUID.',
      ],
      [
        'a version of 0',
        'GetApplicationInfo',
        { version: 0 },
        'GetApplicationInfo: method version 0 is not a positive integer.',
      ],
    ] as const) {
      it(`refuses ${label} without calling the proxy`, async () => {
        const { fetch, calls } = fakeFetch(xmlAnswer(OK_RESPONSE));
        const error = await rejection(proxy(fetch).call(method, INFO, options));
        expect([error.code, error.message]).to.deep.equal(['invalid-config', message]);
        expect(calls).to.have.length(0);
      });
    }
  });

  describe('signIn', () => {
    it('POSTs the token as JSON to {proxy-url}/session, with the header no form can send', async () => {
      const { fetch, calls } = fakeFetch(() => new Response(null, { status: 204 }));
      await proxy(fetch, {}, '/hv/').signIn({ wctoken: TOKEN, instanceId: '1' });
      const [{ url, init }] = calls as [FetchCall];
      expect(url).to.equal('/hv/session');
      expect(init.method).to.equal('POST');
      expect(init.credentials).to.equal('same-origin');
      expect(init.headers).to.deep.equal({ 'Content-Type': 'application/json', ...KIT_HEADER });
      expect(init.body).to.equal(JSON.stringify({ wctoken: TOKEN, instanceid: '1' }));
    });

    it('leaves instanceid out when the Shell sent none', async () => {
      const { fetch, calls } = fakeFetch(() => new Response(null, { status: 204 }));
      await proxy(fetch).signIn({ wctoken: TOKEN });
      expect(calls[0]?.init.body).to.equal(JSON.stringify({ wctoken: TOKEN }));
    });

    it('maps failures like call does', async () => {
      const refused = fakeFetch(() => new Response('nope', { status: 403, statusText: 'Forbidden' }));
      const http = await rejection(proxy(refused.fetch).signIn({ wctoken: TOKEN }));
      expect(http.code).to.equal('http');
      expect(http.message).to.contain('/hv/session answered the sign-in hand-off with HTTP 403');
      const unreachable = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
      expect((await rejection(proxy(unreachable.fetch).signIn({ wctoken: TOKEN }))).code).to.equal('network');
      const slow = silentFetch();
      expect((await rejection(proxy(slow.fetch, { timeoutMs: 20 }).signIn({ wctoken: TOKEN }))).code).to.equal(
        'timeout',
      );
      expect((await rejection(proxy(slow.fetch).signIn({ wctoken: TOKEN }, AbortSignal.abort()))).code).to.equal(
        'aborted',
      );
    });

    it('refuses an empty token', async () => {
      const { fetch, calls } = fakeFetch(() => new Response(null, { status: 204 }));
      expect((await rejection(proxy(fetch).signIn({ wctoken: '' }))).code).to.equal('invalid-shell-return');
      expect(calls).to.have.length(0);
    });

    it('never puts the token in the console, web storage or an error', async () => {
      const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
      const originals = methods.map((name) => [name, console[name]] as const);
      const printed: unknown[] = [];
      methods.forEach((name) => {
        console[name] = (...args: unknown[]) => printed.push(...args);
      });
      const errors: HvError[] = [];
      try {
        for (const answer of [
          () => new Response(null, { status: 204 }),
          () => new Response(`echo ${TOKEN}`, { status: 500 }),
          () => Promise.reject(new TypeError('Failed to fetch')),
          () => Response.redirect(`https://example.org/login?wctoken=${TOKEN}`, 302),
        ]) {
          await proxy(fakeFetch(answer).fetch)
            .signIn({ wctoken: TOKEN })
            .catch((error: HvError) => errors.push(error));
        }
      } finally {
        for (const [name, original] of originals) console[name] = original;
      }
      expect(errors.map((e) => e.code)).to.deep.equal(['http', 'network', 'http'] satisfies HvErrorCode[]);
      const seen = JSON.stringify([
        printed.map(String),
        errors.map((e) => e.message),
        { ...localStorage },
        { ...sessionStorage },
      ]);
      expect(seen).not.to.contain(TOKEN);
      expect(seen).not.to.contain(encodeURIComponent(TOKEN));
    });
  });

  it('sends credentials to its own origin only: a proxy on another origin gets no cookie', async () => {
    for (const baseUrl of ['/hv', `${location.origin}/hv`, 'https://proxy.example.org/hv']) {
      const { fetch, calls } = fakeFetch(xmlAnswer(OK_RESPONSE));
      await proxy(fetch, {}, baseUrl).call('GetPersonInfo', INFO);
      await proxy(fetch, {}, baseUrl).signIn({ wctoken: TOKEN });
      expect(
        calls.map((call) => call.init.credentials),
        baseUrl,
      ).to.deep.equal(['same-origin', 'same-origin']);
    }
  });

  describe('construction', () => {
    for (const baseUrl of [
      '/hv',
      '/hv/',
      '/',
      'https://proxy.example.org/hv',
      'http://localhost:8080/hv',
      `${location.origin}/api`,
    ]) {
      it(`accepts proxy-url ${baseUrl}`, () => {
        expect(new FetchProxy(baseUrl).baseUrl).to.equal(baseUrl.replace(/\/+$/, ''));
      });
    }

    it('calls the URL it checked, as the URL parser reads it', () => {
      expect(new FetchProxy('/api/../hv//').baseUrl).to.equal('/hv');
      expect(new FetchProxy('https://PROXY.example.org:443/hv').baseUrl).to.equal('https://proxy.example.org/hv');
    });

    for (const [baseUrl, problem] of [
      ['', 'proxy-url is empty'],
      ['  ', 'proxy-url is empty'],
      ['hv', 'is not a URL'],
      ['//evil.example.org/hv', 'is not a URL'],
      ['http://proxy.example.org/hv', 'must use https'],
      ['javascript:alert(1)', 'must use https'],
      ['https://user:secret@proxy.example.org/hv', 'must not contain a user name or password'],
      ['/hv?key=1', 'must not have a query or fragment'],
      ['/hv#x', 'must not have a query or fragment'],
      // The URL parser drops tabs and line feeds and reads "\" as "/": "/\t/evil.example" is fetched as "//evil.example".
      ['/\t/evil.example', 'must not contain whitespace, control characters or backslashes'],
      ['/\n/evil.example', 'must not contain whitespace, control characters or backslashes'],
      ['/\r/evil.example', 'must not contain whitespace, control characters or backslashes'],
      ['/hv\\evil.example', 'must not contain whitespace, control characters or backslashes'],
      ['https://proxy.example.org\t/hv', 'must not contain whitespace, control characters or backslashes'],
      // Resolved, "/.//evil.example" is "//evil.example", which reads as another origin.
      ['/.//evil.example', 'must not resolve to a path starting with "//"'],
    ] as const) {
      it(`refuses proxy-url ${JSON.stringify(baseUrl)}`, () => {
        const error = constructionError(() => new FetchProxy(baseUrl));
        expect(error.code).to.equal('invalid-config');
        expect(error.message).to.contain(problem);
      });
    }

    it('refuses a timeout that is not a positive number', () => {
      for (const timeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(constructionError(() => new FetchProxy('/hv', { timeoutMs })).code).to.equal('invalid-config');
      }
    });

    it('refuses a timeout setTimeout cannot wait for (above 2^31 - 1 ms it fires at once)', () => {
      const error = constructionError(() => new FetchProxy('/hv', { timeoutMs: 2 ** 31 }));
      expect([error.code, error.message]).to.deep.equal([
        'invalid-config',
        'FetchProxy timeoutMs must be a positive number of milliseconds up to 2147483647 (24.8 days), not 2147483648.',
      ]);
      expect(new FetchProxy('/hv', { timeoutMs: 2 ** 31 - 1 })).to.be.instanceOf(FetchProxy);
    });

    it('asks for a parser where there is no DOMParser', () => {
      const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'DOMParser')!;
      delete (globalThis as { DOMParser?: unknown }).DOMParser;
      try {
        const error = constructionError(() => new FetchProxy('/hv'));
        expect(error.code).to.equal('invalid-config');
        expect(error.message).to.contain('pass options.parseXml');
        expect(new FetchProxy('/hv', { parseXml: parseXmlWithoutDom })).to.be.instanceOf(FetchProxy);
      } finally {
        Object.defineProperty(globalThis, 'DOMParser', descriptor);
      }
    });

    it('calls the global fetch by default', async () => {
      const original = globalThis.fetch;
      const { fetch, calls } = fakeFetch(xmlAnswer(OK_RESPONSE));
      globalThis.fetch = fetch;
      try {
        await new FetchProxy('/hv').call('GetPersonInfo', INFO);
      } finally {
        globalThis.fetch = original;
      }
      expect(calls).to.have.length(1);
    });
  });
});
