/**
 * Reading a request envelope as the platform receives it (../shared/healthvault/wire-format.md §1, §3), from the
 * raw text: the exact `<header>` and `<info>` substrings (what the HMAC and the info hash cover, never a
 * re-serialization), and the header's fields checked in request.xsd's order. request.xsd is not among the official
 * schemas we have, so its structure is checked here in code; the `<info>` is checked against its method schema by
 * the simulator (and by the method-*.xsd files themselves when the server is given them).
 */
import type { XmlNode } from '../core/platform/xml-node.js';
import { parseXmlWithoutDom } from '../transport/xml-reader.js';

export const REQUEST_NAMESPACE = 'urn:com.microsoft.wc.request';

/** Who the request says it acts as. */
export type EnvelopeAuth =
  | { kind: 'app'; appId: string }
  | { kind: 'session'; authToken: string; userAuthToken?: string; offlinePersonId?: string };

export interface Envelope {
  method: string;
  methodVersion: number;
  recordId?: string;
  auth: EnvelopeAuth;
  /** `msg-time`, ms since the epoch. */
  msgTime: number;
  /** `msg-ttl`, seconds. */
  msgTtl: number;
  /** base64 SHA-256 the header claims for the `<info>`; absent when the header has no `<info-hash>`. */
  infoHash?: string;
  /** base64 HMAC-SHA256 of the header, from `<auth>`; absent without `<auth>`. */
  hmac?: string;
  /** The `<header>…</header>` element exactly as received. */
  headerXml: string;
  /** The `<info>…</info>` element exactly as received. */
  infoXml: string;
  /** The parameters inside `<info>`, exactly as received ('' for `<info />`). */
  infoContent: string;
}

export type EnvelopeReading = { ok: true; envelope: Envelope } | { ok: false; problem: string };

const ENVELOPE =
  /^(?:<\?xml[^?]*\?>)?[ \t\r\n]*<([A-Za-z_][\w.-]*):request[ \t\r\n]+xmlns:\1="([^"]*)"[ \t\r\n]*>[ \t\r\n]*(?:<auth>([\s\S]*?)<\/auth>[ \t\r\n]*)?(<header>[\s\S]*?<\/header>)[ \t\r\n]*(<info[ \t\r\n]*\/>|<info>([\s\S]*)<\/info>)[ \t\r\n]*<\/\1:request>[ \t\r\n]*$/;
const HMAC = /^<hmac-data algName="([^"]*)">([A-Za-z0-9+/=]+)<\/hmac-data>$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** One element of request.xsd's Header sequence (a choice lists several names). */
interface Particle {
  names: readonly string[];
  optional: boolean;
}

const HEADER_SEQUENCE: readonly Particle[] = [
  { names: ['method'], optional: false },
  { names: ['method-version'], optional: false },
  { names: ['target-person-id'], optional: true },
  { names: ['record-id'], optional: true },
  { names: ['app-id', 'auth-session'], optional: false },
  { names: ['language'], optional: true },
  { names: ['country'], optional: true },
  // Newer clients (PHP's generated classes) place culture-code here; the old request.xsd has none.
  { names: ['culture-code'], optional: true },
  { names: ['final-xsl'], optional: true },
  { names: ['msg-time'], optional: false },
  { names: ['msg-ttl'], optional: false },
  { names: ['version'], optional: false },
  { names: ['info-hash'], optional: true },
];

class Invalid extends Error {}

/** The children of `node` matched against `sequence`, in order; a missing, repeated or unknown element throws. */
function sequenceOf(node: XmlNode, sequence: readonly Particle[], where: string): Map<string, XmlNode> {
  const found = new Map<string, XmlNode>();
  let position = 0;
  for (const child of node.children) {
    while (position < sequence.length && !sequence[position]!.names.includes(child.name)) {
      if (!sequence[position]!.optional) {
        throw new Invalid(`<${where}> needs <${sequence[position]!.names.join('> or <')}> before <${child.name}>.`);
      }
      position++;
    }
    if (position === sequence.length) {
      throw new Invalid(`<${child.name}> is not allowed there in <${where}> (request.xsd's order).`);
    }
    found.set(child.name, child);
    position++;
  }
  const missing = sequence.slice(position).find((particle) => !particle.optional);
  if (missing) throw new Invalid(`<${where}> has no <${missing.names.join('> or <')}>.`);
  return found;
}

/** The text of a leaf element: no child elements. */
function leaf(node: XmlNode): string {
  if (node.children.length > 0) throw new Invalid(`<${node.name}> must hold text only.`);
  return node.text;
}

function guid(node: XmlNode): string {
  const value = leaf(node);
  if (!GUID.test(value)) throw new Invalid(`<${node.name}> must be a GUID.`);
  return value;
}

function authOf(node: XmlNode): EnvelopeAuth {
  if (node.name === 'app-id') return { kind: 'app', appId: guid(node) };
  const [token, person, ...rest] = node.children;
  if (token?.name !== 'auth-token' || rest.length > 0) {
    throw new Invalid('<auth-session> holds <auth-token>, then at most <user-auth-token> or <offline-person-info>.');
  }
  const authToken = leaf(token);
  if (!person) return { kind: 'session', authToken };
  if (person.name === 'user-auth-token') return { kind: 'session', authToken, userAuthToken: leaf(person) };
  const [id, ...others] = person.children;
  if (person.name === 'offline-person-info' && id?.name === 'offline-person-id' && others.length === 0) {
    return { kind: 'session', authToken, offlinePersonId: guid(id) };
  }
  throw new Invalid('<auth-session> holds <auth-token>, then at most <user-auth-token> or <offline-person-info>.');
}

function infoHashOf(node: XmlNode): string {
  const [data, ...rest] = node.children;
  if (data?.name !== 'hash-data' || rest.length > 0) throw new Invalid('<info-hash> holds one <hash-data>.');
  if (data.attributes['algName'] !== 'SHA256') throw new Invalid('<hash-data algName> must be SHA256.');
  const value = leaf(data);
  if (!BASE64.test(value)) throw new Invalid('<hash-data> must be base64.');
  return value;
}

/**
 * Reads a request body. Anything that is not a well-formed `<wc-request:request>` with `<auth>?`, `<header>` and
 * `<info>` (unqualified), a header in request.xsd's order and fields of the right types, is a problem the platform
 * answers INVALID_XML.
 */
export function readEnvelope(body: string): EnvelopeReading {
  if (/<!DOCTYPE/i.test(body)) return { ok: false, problem: 'A document type declaration is not allowed.' };
  let root: XmlNode;
  try {
    root = parseXmlWithoutDom(body);
  } catch {
    return { ok: false, problem: 'The request is not well-formed XML.' };
  }
  const match = ENVELOPE.exec(body);
  if (!match || root.name !== 'request' || match[2] !== REQUEST_NAMESPACE) {
    return {
      ok: false,
      problem: `The request must be <wc-request:request xmlns:wc-request="${REQUEST_NAMESPACE}"> holding <auth>?, <header> and <info>.`,
    };
  }
  const [, , , authXml, headerXml, infoXml, infoContent = ''] = match as unknown as [
    string,
    string,
    string,
    string | undefined,
    string,
    string,
    string | undefined,
  ];
  // The header's elements are unqualified: no prefix, no default namespace anywhere inside it.
  if (
    /<\/?[\w.-]+:|\sxmlns[:=]/.test(headerXml) ||
    (authXml !== undefined && /<\/?[\w.-]+:|\sxmlns[:=]/.test(authXml))
  ) {
    return { ok: false, problem: 'The elements of <auth> and <header> are unqualified (no namespace).' };
  }
  try {
    let hmac: string | undefined;
    if (authXml !== undefined) {
      const auth = HMAC.exec(authXml);
      if (!auth) throw new Invalid('<auth> holds one <hmac-data algName="HMACSHA256">.');
      if (auth[1] !== 'HMACSHA256') throw new Invalid('<hmac-data algName> must be HMACSHA256.');
      hmac = auth[2];
    }
    const header = root.children.find((node) => node.name === 'header')!;
    const fields = sequenceOf(header, HEADER_SEQUENCE, 'header');
    const method = leaf(fields.get('method')!);
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(method)) throw new Invalid('<method> must be a method name.');
    const version = leaf(fields.get('method-version')!);
    if (!/^[0-9]{1,9}$/.test(version)) throw new Invalid('<method-version> must be a number.');
    const time = leaf(fields.get('msg-time')!);
    const msgTime = DATE_TIME.test(time) ? Date.parse(time) : NaN;
    if (Number.isNaN(msgTime)) throw new Invalid('<msg-time> must be an xsd:dateTime with its time zone.');
    const ttl = leaf(fields.get('msg-ttl')!);
    if (!/^[0-9]{1,9}$/.test(ttl) || Number(ttl) === 0) throw new Invalid('<msg-ttl> must be a positive number.');
    leaf(fields.get('version')!);
    const recordId = fields.get('record-id');
    const infoHash = fields.get('info-hash');
    const envelope: Envelope = {
      method,
      methodVersion: Number(version),
      auth: authOf(fields.get('app-id') ?? fields.get('auth-session')!),
      msgTime,
      msgTtl: Number(ttl),
      headerXml,
      infoXml,
      infoContent,
      ...(recordId ? { recordId: guid(recordId) } : {}),
      ...(infoHash ? { infoHash: infoHashOf(infoHash) } : {}),
      ...(hmac === undefined ? {} : { hmac }),
    };
    return { ok: true, envelope };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, problem: error.message };
    throw error;
  }
}
