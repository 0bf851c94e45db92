import { HvError } from '../../errors.js';
import type { MethodDescriptor } from '../method-descriptor.js';
import { Methods } from '../methods.js';
import { infoXml, xmlElement } from '../xml-write.js';
import type { XmlNode } from '../xml-node.js';
import { malformed, requiredInfo } from '../response.js';

export interface GetAuthorizedConnectRequestsOptions {
  /** Only the requests authorized since then; all of them (the last 90 days') when absent. */
  since?: Date;
}

/** A connect request the patient has authorized: who they are to the application, and the record they chose. */
export interface AuthorizedConnectRequest {
  personId: string;
  recordId: string;
  /** Stable across all authorizations of this record, unlike `recordId`. */
  appSpecificRecordId?: string;
  appId: string;
  /** The partner's id given to CreateConnectRequest, exactly as given. */
  externalId: string;
}

/** The years an `xs:dateTime` the platform reads can have (.NET's DateTime); others are INVALID_DATETIME. */
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

/** The `<info>` of GetAuthorizedConnectRequests. */
export function getAuthorizedConnectRequestsRequest(options: GetAuthorizedConnectRequestsOptions = {}): string {
  const method = Methods.GetAuthorizedConnectRequests;
  const { since } = options;
  if (since === undefined) return infoXml(method);
  const year = since.getUTCFullYear();
  if (Number.isNaN(year)) throw new HvError('invalid-config', `${method}: "since" is not a valid date.`);
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new HvError(
      'invalid-config',
      `${method}: "since" is in the year ${year}; HealthVault takes years ${FIRST_YEAR} to ${LAST_YEAR}.`,
    );
  }
  // toISOString writes UTC, which the schema asks for.
  return infoXml(method, [xmlElement('authorized-connect-requests-since', since.toISOString())]);
}

/**
 * The text of `field`, the required child `name` of the `position`th (from 1) `<connect-request>`; the place is only
 * spelled out for an error, so that a long list decodes without a string per entry. `trim` is false for the
 * partner's own id.
 */
function entryText(field: XmlNode | undefined, name: string, position: number, trim = true): string {
  const text = trim ? field?.text.trim() : field?.text;
  if (!text) {
    throw malformed(`connect-request[${position}]`, text === undefined ? `has no <${name}>` : `has an empty <${name}>`);
  }
  return text;
}

/**
 * The authorized connect requests of a GetAuthorizedConnectRequests response, in document order. An application
 * polling since its first request may get thousands: one pass over the entries and one over each entry's children,
 * no intermediate arrays or strings. The schema's `resume-key` is ignored (documented as not implemented).
 */
export function decodeAuthorizedConnectRequests(info: XmlNode | undefined): AuthorizedConnectRequest[] {
  const requests: AuthorizedConnectRequest[] = [];
  for (const entry of requiredInfo(Methods.GetAuthorizedConnectRequests, info).children) {
    if (entry.name !== 'connect-request') continue;
    // The first child of each name, as `child` would find it.
    let personId: XmlNode | undefined;
    let recordId: XmlNode | undefined;
    let appId: XmlNode | undefined;
    let externalId: XmlNode | undefined;
    for (const field of entry.children) {
      if (field.name === 'person-id') personId ??= field;
      else if (field.name === 'record-id') recordId ??= field;
      else if (field.name === 'app-id') appId ??= field;
      else if (field.name === 'external-id') externalId ??= field;
    }
    const position = requests.length + 1;
    const request: AuthorizedConnectRequest = {
      personId: entryText(personId, 'person-id', position),
      recordId: entryText(recordId, 'record-id', position),
      appId: entryText(appId, 'app-id', position),
      externalId: entryText(externalId, 'external-id', position, false),
    };
    // Set only when present, as every decoder leaves out what the response did not say.
    const appSpecificRecordId = recordId!.attributes['app-specific-record-id'];
    if (appSpecificRecordId !== undefined) request.appSpecificRecordId = appSpecificRecordId;
    requests.push(request);
  }
  return requests;
}

/** The connect requests patients have authorized (since a moment, or all the platform still keeps). */
export const getAuthorizedConnectRequests: MethodDescriptor<
  GetAuthorizedConnectRequestsOptions | undefined,
  AuthorizedConnectRequest[]
> = {
  name: Methods.GetAuthorizedConnectRequests,
  version: 1,
  readOnly: true,
  buildInfo: (options) => getAuthorizedConnectRequestsRequest(options),
  decode: decodeAuthorizedConnectRequests,
};
