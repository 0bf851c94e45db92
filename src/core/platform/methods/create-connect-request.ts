import type { MethodDescriptor } from '../method-descriptor.js';
import { Methods } from '../methods.js';
import { infoXml } from '../xml-write.js';
import type { XmlNode } from '../xml-node.js';
import { requiredInfo, requiredText } from '../response.js';
import { textElement } from './text-element.js';

/** A Patient Connect request to create (reference §6): what the patient will be asked, and the partner's own id. */
export interface NewConnectRequest {
  /** Shown to the patient once they answer, to tell this request from others (a child's name, say). */
  friendlyName: string;
  /** The challenge question the patient answers after typing the identity code. */
  question: string;
  /** The expected answer: compared without regard to case, but whitespace counts. A single word is best. */
  answer: string;
  /** The partner's id for the patient; the application may have one pending request per external id. */
  externalId: string;
}

/** The answer to CreateConnectRequest. */
export interface CreatedConnectRequest {
  /** The code the patient types at HealthVault to find the request; a secret, to hand to the patient alone. */
  identityCode: string;
}

/**
 * The `<info>` of CreateConnectRequest. Refuses what the platform would: empty parameters, and a question or an
 * answer of whitespace alone (INVALID_VERIFICATION_QUESTION, INVALID_VERIFICATION_ANSWER). The schema's
 * `call-back-url` is left out: the platform documents it as not supported.
 */
export function createConnectRequestRequest(request: NewConnectRequest): string {
  const method = Methods.CreateConnectRequest;
  return infoXml(method, [
    textElement(method, 'friendly-name', 'friendly name', request.friendlyName),
    textElement(method, 'question', 'question', request.question, true),
    textElement(method, 'answer', 'answer', request.answer, true),
    textElement(method, 'external-id', 'external id', request.externalId),
  ]);
}

/** Reads the identity code of a CreateConnectRequest response. */
export function decodeCreatedConnectRequest(info: XmlNode | undefined): CreatedConnectRequest {
  const method = Methods.CreateConnectRequest;
  return { identityCode: requiredText(requiredInfo(method, info), 'identity-code', `the ${method} <info>`) };
}

/** Creates a pending connect request; its identity code lets the patient authorize it at HealthVault. */
export const createConnectRequest: MethodDescriptor<NewConnectRequest, CreatedConnectRequest> = {
  name: Methods.CreateConnectRequest,
  version: 1,
  readOnly: false,
  buildInfo: createConnectRequestRequest,
  decode: decodeCreatedConnectRequest,
};
