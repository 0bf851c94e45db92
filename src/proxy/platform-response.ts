/** Reading what the platform answers: its status code, and the app session a CreateAuthenticatedSessionToken gives. */
import { child, childText, type XmlNode } from '../core/platform/xml-node.js';
import { parseXmlWithoutDom } from '../transport/xml-reader.js';

/** The platform answered something that is not a response document, or not the one the call needs. */
export class UnreadableResponse extends Error {
  override readonly name = 'UnreadableResponse';
}

function responseRoot(text: string): XmlNode {
  let root: XmlNode;
  try {
    root = parseXmlWithoutDom(text);
  } catch {
    throw new UnreadableResponse('The platform answered with a document that is not well-formed XML.');
  }
  if (root.name !== 'response') throw new UnreadableResponse('The platform answered without a <response>.');
  return root;
}

/** The `status/code` of a response document. */
export function responseStatus(text: string): number {
  const code = childText(child(responseRoot(text), 'status'), 'code');
  if (code === undefined || !/^\d+$/.test(code)) throw new UnreadableResponse('The response has no status code.');
  return Number(code);
}

export interface AppSession {
  token: string;
  /** base64; the key of every later request's HMAC. */
  sharedSecret: string;
}

/** The token and shared secret of a successful CreateAuthenticatedSessionToken v2 response. */
export function appSessionFromResponse(text: string): AppSession {
  const info = child(responseRoot(text), 'info');
  const token = childText(info, 'token');
  const sharedSecret = childText(info, 'shared-secret');
  if (!token || !sharedSecret) {
    throw new UnreadableResponse('CreateAuthenticatedSessionToken answered without a token and shared secret.');
  }
  return { token, sharedSecret };
}
