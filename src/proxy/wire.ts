/**
 * The platform's request envelope, byte for byte as the official SDKs build it (../shared/healthvault/
 * wire-format.md §1, §3): what is hashed and signed is exactly what is sent, so every part is one string built
 * once, without whitespace or an XML declaration. Pure apart from node:crypto.
 */
import { createHash, createHmac, createSign, X509Certificate, type KeyLike } from 'node:crypto';
import { escapeXmlAttribute, escapeXmlText } from '../core/platform/xml-write.js';

export const REQUEST_NAMESPACE = 'urn:com.microsoft.wc.request';
export const HASH_ALGORITHM = 'SHA256';
export const HMAC_ALGORITHM = 'HMACSHA256';
/** What a `<sig>` of the appserver2 credential says it is: PKCS#1 v1.5 over SHA-1, as `RSACryptoServiceProvider`. */
export const SIGNATURE_DIGEST = 'SHA1';
export const SIGNATURE_METHOD = 'RSA-SHA1';
/** The SDKs' default `msg-ttl`, in seconds. */
export const DEFAULT_MESSAGE_TTL = 1800;

/** Who a request acts as: the application alone (anonymous methods), its session, or its session for a person. */
export type RequestAuth =
  { appId: string } | { authToken: string; userAuthToken?: string } | { authToken: string; offlinePersonId: string };

export interface RequestHeader {
  method: string;
  methodVersion: number;
  recordId?: string;
  auth: RequestAuth;
  /** xsd:dateTime, UTC. */
  msgTime: string;
  msgTtl: number;
  version: string;
  /** base64 SHA-256 of the exact `<info>` bytes ({@link infoHash}). */
  infoHash: string;
}

const text = (name: string, value: string | number) => `<${name}>${escapeXmlText(String(value))}</${name}>`;

/** base64(SHA-256) of the UTF-8 bytes of `info`, the whole `<info>…</info>` element as sent. */
export function infoHash(info: string): string {
  return createHash('sha256').update(info, 'utf8').digest('base64');
}

/** base64(HMAC-SHA256) of the UTF-8 bytes of `header`, keyed with the base64-decoded session shared secret. */
export function headerHmac(header: string, sharedSecret: string): string {
  return createHmac('sha256', Buffer.from(sharedSecret, 'base64')).update(header, 'utf8').digest('base64');
}

/** `<info>` (unqualified) around already serialized parameters; `<info />` when there are none, as the SDKs send. */
export function requestInfo(parameters: string): string {
  return parameters === '' ? '<info />' : `<info>${parameters}</info>`;
}

function authSession(auth: RequestAuth): string {
  if ('appId' in auth) return text('app-id', auth.appId);
  let person = '';
  if ('offlinePersonId' in auth) {
    person = `<offline-person-info>${text('offline-person-id', auth.offlinePersonId)}</offline-person-info>`;
  } else if (auth.userAuthToken !== undefined) {
    person = text('user-auth-token', auth.userAuthToken);
  }
  return `<auth-session>${text('auth-token', auth.authToken)}${person}</auth-session>`;
}

/** The `<header>` element, its children in the order of request.xsd's Header sequence. */
export function requestHeader(header: RequestHeader): string {
  return (
    '<header>' +
    text('method', header.method) +
    text('method-version', header.methodVersion) +
    (header.recordId === undefined ? '' : text('record-id', header.recordId)) +
    authSession(header.auth) +
    text('msg-time', header.msgTime) +
    text('msg-ttl', header.msgTtl) +
    text('version', header.version) +
    `<info-hash><hash-data algName="${HASH_ALGORITHM}">${header.infoHash}</hash-data></info-hash>` +
    '</header>'
  );
}

/**
 * The whole `<wc-request:request>`: `<auth>` (the header's HMAC, only with a session's `sharedSecret`), `<header>`,
 * `<info>`. `info` is the complete `<info>` element ({@link requestInfo}); its hash goes into the header here.
 */
export function requestEnvelope(header: Omit<RequestHeader, 'infoHash'>, info: string, sharedSecret?: string): string {
  const headerXml = requestHeader({ ...header, infoHash: infoHash(info) });
  const auth =
    sharedSecret === undefined
      ? ''
      : `<auth><hmac-data algName="${HMAC_ALGORITHM}">${headerHmac(headerXml, sharedSecret)}</hmac-data></auth>`;
  return `<wc-request:request xmlns:wc-request="${REQUEST_NAMESPACE}">${auth}${headerXml}${info}</wc-request:request>`;
}

export interface AppCredential {
  appId: string;
  /** The application certificate's private key (PEM or a KeyObject). */
  privateKey: KeyLike;
  /** SHA-1 of the certificate's DER bytes, in hex ({@link certificateThumbprint}). */
  thumbprint: string;
}

/** The signed `<content>` of the appserver2 credential. */
export function credentialContent(appId: string, signingTime: string): string {
  return `<content>${text('app-id', appId)}${text('hmac', HMAC_ALGORITHM)}${text('signing-time', signingTime)}</content>`;
}

/** base64 RSA-SHA1 (PKCS#1 v1.5) signature of the UTF-8 bytes of `content`. */
export function signContent(content: string, privateKey: KeyLike): string {
  return createSign('RSA-SHA1').update(content, 'utf8').sign(privateKey, 'base64');
}

/**
 * The `<info>` of CreateAuthenticatedSessionToken v2 with the appserver2 credential: proof that the caller holds
 * the application's private key. The server answers with the app session's token and shared secret.
 */
export function sessionTokenInfo(credential: AppCredential, signingTime: string): string {
  const content = credentialContent(credential.appId, signingTime);
  const sig =
    `<sig digestMethod="${SIGNATURE_DIGEST}" sigMethod="${SIGNATURE_METHOD}" ` +
    `thumbprint="${escapeXmlAttribute(credential.thumbprint)}">${signContent(content, credential.privateKey)}</sig>`;
  return requestInfo(
    `<auth-info>${text('app-id', credential.appId)}<credential><appserver2>${sig}${content}</appserver2></credential></auth-info>`,
  );
}

/** The thumbprint HealthVault knows a certificate by: SHA-1 of its DER bytes, 40 hex digits without separators. */
export function certificateThumbprint(certificatePem: string): string {
  return new X509Certificate(certificatePem).fingerprint.replaceAll(':', '');
}
