/**
 * The platform's wire layer in front of the simulator: what wildcat.ashx does with a request before any method
 * runs (../shared/healthvault/wire-format.md): the envelope, the info hash, msg-time and msg-ttl, the application's
 * credential (CreateAuthenticatedSessionToken v2, appserver2: RSA-SHA1 over the exact `<content>`, by the
 * registered public key), app sessions and their lifetime (65 once over), the header's HMAC with the session's
 * shared secret. The methods themselves are the simulator's ({@link Simulator.call}), answered with its documents.
 */
import {
  createHash,
  createHmac,
  createPublicKey,
  createVerify,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { requestNamespace } from '../core/platform/methods.js';
import { StatusCode } from '../core/platform/status-codes.js';
import type { Simulator } from '../mock/simulator.js';
import { errorResponse, successResponse } from '../mock/xml.js';
import { readEnvelope, type Envelope } from './envelope.js';

/** An application's certificate as the platform knows it: its public key and thumbprint. */
export interface RegisteredCredential {
  appId: string;
  /** The public key (PEM, or a KeyObject) of the certificate the application signs with. */
  publicKey: string | KeyObject;
  /** SHA-1 of the certificate, 40 hex digits (compared without regard to case, as the platform accepted). */
  thumbprint: string;
}

/**
 * Validates a document against an official schema (`method-getpersoninfo.xsd`, `response-…`); resolves with the
 * validator's complaints, none when it is valid.
 */
export type SchemaCheck = (schema: string, xml: string) => Promise<string[]>;

export interface WirePlatformOptions {
  simulator: Simulator;
  credentials: readonly RegisteredCredential[];
  /** How long an app session lasts (4 hours, as the SDKs assume, when absent); then 65. */
  appSessionLifetimeMs?: number;
  /** How far a msg-time may lie ahead of the platform's clock (5 minutes when absent). */
  clockSkewMs?: number;
  /**
   * Validates every request `<info>` against its method-*.xsd (INVALID_XML when it breaks it) and every answered
   * `<wc:info>` against its response-*.xsd (a broken answer is the simulator's bug: it goes to `problems`).
   */
  schemas?: SchemaCheck;
  log?: (line: string) => void;
}

export interface WirePlatform {
  /** Answers a request body (already gunzipped) with a response document: HTTP 200 whatever the status code. */
  answer(body: string): Promise<string>;
  /** Answers that broke their response schema: the simulator's bugs, which tests assert never happen. */
  readonly problems: string[];
  /** How many app sessions were created. */
  readonly sessionsCreated: number;
  /** Ends every app session now: the next call with one is answered 65 (AUTHENTICATED_SESSION_TOKEN_EXPIRED). */
  expireAppSessions(): void;
  /** Registers (or replaces) an application's credential. */
  register(credential: RegisteredCredential): void;
}

/** Codes of the platform's list (reference §11) the kit never acts on, so not in its StatusCode. */
const BAD_CERT = 70;
const UNSUPPORTED_SIGNATURE_METHOD = 110;
const FOUR_HOURS_MS = 4 * 60 * 60 * 1000;
const CAST = 'CreateAuthenticatedSessionToken';
/** The `<info>` of CreateAuthenticatedSessionToken v2 with the appserver2 credential (method-createauthenticatedsessiontoken2.xsd). */
const CAST_INFO =
  /^<auth-info><app-id(?: is-multi-record-app="(?:true|false|1|0)")?>([^<]*)<\/app-id><credential><appserver2><sig digestMethod="([^"]*)" sigMethod="([^"]*)" thumbprint="([^"]*)">([A-Za-z0-9+/=]+)<\/sig>(<content><app-id>([^<]*)<\/app-id><hmac>([^<]*)<\/hmac><signing-time>[^<]*<\/signing-time><\/content>)<\/appserver2><\/credential><\/auth-info>$/;

interface AppSessionHeld {
  appId: string;
  sharedSecret: Buffer;
  expiresAt: number;
}

const sha256Base64 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The `<wc:info>` element of a response document, if it has one. */
function responseInfo(document: string): string | undefined {
  return /<wc:info[\s\S]*<\/wc:info>/.exec(document)?.[0];
}

export function createWirePlatform(options: WirePlatformOptions): WirePlatform {
  const { simulator } = options;
  const lifetime = options.appSessionLifetimeMs ?? FOUR_HOURS_MS;
  const skew = options.clockSkewMs ?? 5 * 60 * 1000;
  const log = options.log ?? (() => {});
  const credentials = new Map<string, { publicKey: KeyObject; thumbprint: string }>();
  const appSessions = new Map<string, AppSessionHeld>();
  const problems: string[] = [];
  let sessionsCreated = 0;

  function register(credential: RegisteredCredential): void {
    const publicKey =
      typeof credential.publicKey === 'string' ? createPublicKey(credential.publicKey) : credential.publicKey;
    credentials.set(credential.appId.toLowerCase(), { publicKey, thumbprint: credential.thumbprint.toLowerCase() });
  }
  options.credentials.forEach(register);

  const fail = (code: number, message: string) => errorResponse(code, message);

  async function schemaProblems(schema: string, xml: string): Promise<string[]> {
    return options.schemas ? options.schemas(schema, xml) : [];
  }

  /** Holds an answer's `<wc:info>` to its response schema: a broken one is the simulator's bug, kept in `problems`. */
  async function checkAnswer(schemaName: string, answer: string): Promise<void> {
    const info = responseInfo(answer);
    if (info === undefined) return;
    const broken = await schemaProblems(`response-${schemaName.toLowerCase()}.xsd`, info);
    if (broken.length > 0) {
      problems.push(`${schemaName}: ${broken.join('; ')}`);
      log(`hv-sim: BUG: the answer to ${schemaName} breaks its schema: ${broken[0]}`);
    }
  }

  /** CreateAuthenticatedSessionToken v2: the appserver2 credential, verified with the registered public key. */
  async function createAppSession(envelope: Envelope): Promise<string> {
    if (envelope.auth.kind !== 'app')
      return fail(StatusCode.INVALID_XML, `${CAST} is anonymous: the header names <app-id>.`);
    if (envelope.hmac !== undefined) return fail(StatusCode.INVALID_XML, `${CAST} is anonymous: no <auth>.`);
    if (envelope.methodVersion !== 2)
      return fail(StatusCode.BAD_METHOD, `The simulated platform takes ${CAST} version 2 only.`);
    const schemaIssues = await schemaProblems(
      'method-createauthenticatedsessiontoken2.xsd',
      wrappedInfo(`${CAST}2`, envelope.infoContent),
    );
    if (schemaIssues.length > 0)
      return fail(StatusCode.INVALID_XML, `The <info> breaks its schema: ${schemaIssues[0]}`);
    const credential = CAST_INFO.exec(envelope.infoContent);
    if (!credential) {
      return fail(StatusCode.INVALID_XML, 'The <info> must hold <auth-info> with an appserver2 credential.');
    }
    const [, appId, digestMethod, sigMethod, thumbprint, signature, content, contentAppId, hmacAlgorithm] =
      credential as unknown as string[];
    const headerAppId = envelope.auth.appId.toLowerCase();
    if (appId!.toLowerCase() !== headerAppId || contentAppId!.toLowerCase() !== headerAppId) {
      return fail(
        StatusCode.INVALID_APP,
        'The application ids of the header, the auth-info and the signed content differ.',
      );
    }
    const known = Object.keys(simulator.snapshot().applications).find((id) => id.toLowerCase() === headerAppId);
    if (known === undefined)
      return fail(StatusCode.INVALID_APP, `HealthVault does not know application ${envelope.auth.appId}.`);
    const registered = credentials.get(headerAppId);
    if (!registered)
      return fail(StatusCode.INVALID_APP, `Application ${envelope.auth.appId} has no certificate registered.`);
    if (digestMethod !== 'SHA1' || sigMethod !== 'RSA-SHA1') {
      return fail(UNSUPPORTED_SIGNATURE_METHOD, 'The appserver2 signature must be RSA-SHA1 over SHA1.');
    }
    if (hmacAlgorithm !== 'HMACSHA256') {
      return fail(UNSUPPORTED_SIGNATURE_METHOD, 'The simulated platform hands out HMACSHA256 sessions only.');
    }
    if (thumbprint!.toLowerCase() !== registered.thumbprint) {
      return fail(BAD_CERT, 'No certificate with that thumbprint is registered for the application.');
    }
    const verified = createVerify('RSA-SHA1')
      .update(content!, 'utf8')
      .verify(registered.publicKey, signature!, 'base64');
    if (!verified) return fail(StatusCode.BAD_SIG, 'The appserver2 signature does not verify with the registered key.');
    const token = randomBytes(48).toString('base64');
    const sharedSecret = randomBytes(64);
    appSessions.set(token, {
      appId: known,
      sharedSecret,
      expiresAt: simulator.clock.now() + lifetime,
    });
    sessionsCreated++;
    log(`hv-sim: new app session for ${headerAppId}`);
    const answer = successResponse(`${CAST}2`, {
      token: { '@_app-id': headerAppId, '@_app-record-auth-action': 'NoActionRequired', '#text': token },
      'shared-secret': sharedSecret.toString('base64'),
    });
    await checkAnswer(`${CAST}2`, answer);
    return answer;
  }

  /** A method the simulator plays, in an app session (and for a person when the header names one). */
  async function sessionCall(envelope: Envelope): Promise<string> {
    const { auth } = envelope;
    if (auth.kind !== 'session') {
      return fail(StatusCode.ACCESS_DENIED, `${envelope.method} needs an authenticated session (<auth-session>).`);
    }
    const held = appSessions.get(auth.authToken);
    if (!held) return fail(StatusCode.INVALID_TOKEN, 'The authenticated session token is not one the platform issued.');
    if (envelope.hmac === undefined)
      return fail(StatusCode.BAD_SIG, 'A request in a session needs <auth> with the HMAC.');
    const hmac = createHmac('sha256', held.sharedSecret).update(envelope.headerXml, 'utf8').digest('base64');
    if (!sameText(hmac, envelope.hmac)) return fail(StatusCode.BAD_SIG, 'The header HMAC does not verify.');
    if (held.expiresAt <= simulator.clock.now()) {
      return fail(StatusCode.AUTHENTICATED_SESSION_TOKEN_EXPIRED, 'The authenticated session token has expired.');
    }
    const request = wrappedInfo(envelope.method, envelope.infoContent);
    const schemaIssues = await schemaProblems(`method-${envelope.method.toLowerCase()}.xsd`, request);
    if (schemaIssues.length > 0)
      return fail(StatusCode.INVALID_XML, `The <info> breaks its schema: ${schemaIssues[0]}`);
    const answer = simulator.call({
      appId: held.appId,
      method: envelope.method,
      body: request,
      version: envelope.methodVersion,
      ...(envelope.recordId ? { recordId: envelope.recordId } : {}),
      ...(auth.offlinePersonId === undefined
        ? { userTokenHash: auth.userAuthToken === undefined ? null : sha256Hex(auth.userAuthToken) }
        : { offlinePersonId: auth.offlinePersonId }),
    });
    await checkAnswer(envelope.method, answer);
    return answer;
  }

  async function answer(body: string): Promise<string> {
    const reading = readEnvelope(body);
    if (!reading.ok) return fail(StatusCode.INVALID_XML, reading.problem);
    const { envelope } = reading;
    // The info hash binds the <info> to the header (and through the HMAC to the session); a session's request
    // must carry it, an anonymous one may (the .NET SDK always sends it).
    if (envelope.infoHash === undefined) {
      if (envelope.auth.kind === 'session') return fail(StatusCode.BAD_SIG, 'The header has no <info-hash>.');
    } else if (!sameText(envelope.infoHash, sha256Base64(envelope.infoXml))) {
      return fail(StatusCode.BAD_SIG, 'The info hash does not match the <info> sent.');
    }
    const now = simulator.clock.now();
    if (envelope.msgTime + envelope.msgTtl * 1000 < now) {
      return fail(StatusCode.REQUEST_TIMED_OUT, 'The request is older than its msg-ttl.');
    }
    if (envelope.msgTime > now + skew) return fail(StatusCode.REQUEST_TIMED_OUT, 'The msg-time lies in the future.');
    if (envelope.method === CAST) return createAppSession(envelope);
    return sessionCall(envelope);
  }

  return {
    answer,
    problems,
    get sessionsCreated() {
      return sessionsCreated;
    },
    expireAppSessions() {
      for (const held of appSessions.values()) held.expiresAt = Math.min(held.expiresAt, simulator.clock.now());
    },
    register,
  };
}

/** The wire's unqualified `<info>` as the method's `<wc:info>` document, which the simulator and the schemas read. */
function wrappedInfo(method: string, content: string): string {
  return `<wc:info xmlns:wc="${requestNamespace(method)}">${content}</wc:info>`;
}
