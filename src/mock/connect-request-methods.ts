import { Methods } from '../core/platform/methods.js';
import { StatusCode } from '../core/platform/status-codes.js';
import { groupIdentityCode } from '../core/shell/identity-code.js';
import {
  authorizedConnectRequests,
  createConnectRequest,
  deletePendingConnectRequest,
  updateExternalId,
} from './connect-requests.js';
import { readXsdDateTime } from './info-schema.js';
import type { SimMethodDefinition } from './platform-methods.js';
import { appPersonId, appRecordId } from './pseudonyms.js';
import type { RequestInfo } from './xml.js';

/**
 * The Patient Connect methods (reference §6.1): application-level calls of the application's own session, which
 * act for no signed-in person. Their `<info>` as the method schemas declare it; the rules in connect-requests.ts.
 */

/** A parameter the schema requires once, already checked. */
const one = (info: RequestInfo, name: string) => info.get(name)![0]!;

const createConnectRequestMethod: SimMethodDefinition = {
  versions: [1],
  infoSchema: [
    { name: 'friendly-name', type: 'stringnz', min: 1, max: 1 },
    { name: 'question', type: 'stringnz', min: 1, max: 1 },
    { name: 'answer', type: 'stringnz', min: 1, max: 1 },
    { name: 'external-id', type: 'stringnz', min: 1, max: 1 },
    { name: 'call-back-url', type: 'stringnz', min: 0, max: 1 }, // ignored: "Currently not supported" (XSD)
  ],
  needsUser: false,
  run({ state, app, now }, info) {
    const created = createConnectRequest(
      state,
      app.id,
      {
        friendlyName: one(info, 'friendly-name'),
        question: one(info, 'question'),
        answer: one(info, 'answer'),
        externalId: one(info, 'external-id'),
      },
      now,
    );
    if ('message' in created) return created;
    // Stored as 20 letters; given out in groups of four, as every documented code is written (reference §6.2).
    return { code: 0, info: { 'identity-code': groupIdentityCode(created.identityCode) } };
  },
};

/** The largest and smallest years a platform date holds (.NET `DateTime`); the schema's dateTime allows others. */
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

const getAuthorizedConnectRequestsMethod: SimMethodDefinition = {
  versions: [1],
  infoSchema: [{ name: 'authorized-connect-requests-since', type: 'dateTime', min: 0, max: 1 }],
  needsUser: false,
  run({ state, app, now }, info) {
    const sinceText = info.get('authorized-connect-requests-since')?.[0];
    let since = -Infinity; // absent: "DateTime.Min is assumed" (XSD)
    if (sinceText !== undefined) {
      const read = readXsdDateTime(sinceText)!;
      if (read.year < FIRST_YEAR || read.year > LAST_YEAR) {
        return {
          code: StatusCode.INVALID_DATETIME,
          message: `authorized-connect-requests-since must lie between the years ${FIRST_YEAR} and ${LAST_YEAR}.`,
        };
      }
      since = read.ms;
    }
    const listed = authorizedConnectRequests(state, app.id, since, now).map(({ externalId, personId, recordId }) => ({
      'person-id': appPersonId(state, app.id, personId),
      'record-id': {
        '@_app-specific-record-id': state.records[recordId]!.appSpecificRecordId,
        '#text': appRecordId(state, app.id, recordId),
      },
      'app-id': app.id,
      'external-id': externalId,
    }));
    return { code: 0, info: { 'connect-request': listed } };
  },
};

const deletePendingConnectRequestMethod: SimMethodDefinition = {
  versions: [1],
  infoSchema: [{ name: 'external-id', type: 'stringnz', min: 1, max: 1 }],
  needsUser: false,
  run({ state, app }, info) {
    deletePendingConnectRequest(state, app.id, one(info, 'external-id'));
    return { code: 0 };
  },
};

const updateExternalIdMethod: SimMethodDefinition = {
  versions: [1],
  infoSchema: [
    {
      choice: [
        { name: 'identity-code', type: 'stringnz', min: 1, max: 1 },
        { name: 'old-external-id', type: 'stringnz', min: 1, max: 1 },
      ],
    },
    { name: 'new-external-id', type: 'stringnz', min: 1, max: 1 },
  ],
  needsUser: false,
  run({ state, app, now }, info) {
    const identityCode = info.get('identity-code')?.[0];
    const owner = identityCode !== undefined ? { identityCode } : { oldExternalId: one(info, 'old-external-id') };
    return updateExternalId(state, app.id, owner, one(info, 'new-external-id'), now) ?? { code: 0 };
  },
};

export const CONNECT_REQUEST_METHODS = {
  [Methods.CreateConnectRequest]: createConnectRequestMethod,
  [Methods.GetAuthorizedConnectRequests]: getAuthorizedConnectRequestsMethod,
  [Methods.DeletePendingConnectRequest]: deletePendingConnectRequestMethod,
  [Methods.UpdateExternalId]: updateExternalIdMethod,
} as const;
