import { StatusCode } from '../core/platform/status-codes.js';
import { IDENTITY_CODE_LENGTH } from '../core/shell/identity-code.js';
import { randomGuid, randomIdentityCode } from './ids.js';
import type { SimConnectRequest, SimPackage, SimulatorState, SimThing } from './state.js';

/**
 * Patient Connect requests and drop-off packages (reference §6, §7; seeds 003 and 004) over the plain JSON state:
 * the rules the platform keeps, without XML (connect-request-methods.ts speaks the methods) and without DOM (the
 * Shell flow asks the question). Identity codes are secrets: nothing here puts one in a message.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** A pending connect request, or a package, can be picked up for four weeks; then it expires (PCON, DOPU). */
export const PICKUP_PERIOD_MS = 28 * DAY_MS;

/** A validated connect request is kept for 90 days after each pick-up, then deleted (PCON, XSD). */
export const VALIDATED_RETENTION_MS = 90 * DAY_MS;

/** The third wrong answer locks the code (PCON, DOPU). */
export const ANSWER_ATTEMPTS = 3;

/** Why the platform refuses a call, as a status code and a message. */
export interface Refusal {
  code: number;
  message: string;
}

/** An identity code as applications and people write it, in any case and with or without dashes. */
export function normalizeIdentityCode(code: string): string {
  return code.replace(/-/g, '').toUpperCase();
}

/** "Empty or blank (made up of only whitespace)" (XSD response-createconnectrequest). */
function isBlank(text: string): boolean {
  return text.trim() === '';
}

function lastValidatedAt(request: SimConnectRequest): number {
  return Math.max(...request.pickups.map((pickup) => pickup.validatedAt));
}

/**
 * The connect requests still kept: those validated more than 90 days after their last pick-up are deleted
 * ("after that the request is deleted from HealthVault", PCON), which frees their external id and their code.
 */
export function keptConnectRequests(state: SimulatorState, now: number): SimConnectRequest[] {
  state.connectRequests = state.connectRequests.filter(
    (request) => request.pickups.length === 0 || lastValidatedAt(request) + VALIDATED_RETENTION_MS > now,
  );
  return state.connectRequests;
}

/** A code no connect request or package holds now (a code may be reused after deletion, reference §6.2). */
function newIdentityCode(state: SimulatorState): string {
  const taken = new Set([...state.connectRequests, ...state.packages].map((held) => held.identityCode));
  let code: string;
  do code = randomIdentityCode(IDENTITY_CODE_LENGTH);
  while (taken.has(code));
  return code;
}

export interface NewConnectRequest {
  friendlyName: string;
  question: string;
  answer: string;
  externalId: string;
}

/**
 * CreateConnectRequest: a pending request of application `appId`, and its new identity code. A blank question or
 * answer is refused, and so is a second request for the same external id ("only one connect request is allowed per
 * external ID per app", PCON), pending, expired, locked or validated: the application deletes it first.
 */
export function createConnectRequest(
  state: SimulatorState,
  appId: string,
  fields: NewConnectRequest,
  now: number,
): { identityCode: string } | Refusal {
  if (isBlank(fields.question)) {
    return { code: StatusCode.INVALID_VERIFICATION_QUESTION, message: 'The question is blank.' };
  }
  if (isBlank(fields.answer)) return { code: StatusCode.INVALID_VERIFICATION_ANSWER, message: 'The answer is blank.' };
  if (
    keptConnectRequests(state, now).some(
      (request) => request.appId === appId && request.externalId === fields.externalId,
    )
  ) {
    return {
      code: StatusCode.DUPLICATE_CONNECT_REQUEST_FOUND,
      message: `This application already has a connect request for external id "${fields.externalId}"; delete it first.`,
    };
  }
  const identityCode = newIdentityCode(state);
  state.connectRequests.push({ ...fields, appId, identityCode, createdAt: now, wrongAnswers: 0, pickups: [] });
  return { identityCode };
}

/** One record of a validated connect request, as GetAuthorizedConnectRequests lists it. */
export interface AuthorizedConnectRequest {
  externalId: string;
  personId: string;
  recordId: string;
  validatedAt: number;
}

/**
 * GetAuthorizedConnectRequests: each record picked up for `appId`'s kept requests since `since` (inclusive), oldest
 * first. A record picked up again is listed again with its new time, under the same person and record.
 */
export function authorizedConnectRequests(
  state: SimulatorState,
  appId: string,
  since: number,
  now: number,
): AuthorizedConnectRequest[] {
  return keptConnectRequests(state, now)
    .filter((request) => request.appId === appId)
    .flatMap((request) =>
      request.pickups
        .filter((pickup) => pickup.validatedAt >= since)
        .map((pickup) => ({ externalId: request.externalId, ...pickup })),
    )
    .sort((a, b) => a.validatedAt - b.validatedAt);
}

/**
 * DeletePendingConnectRequest: removes `appId`'s request for `externalId` if nobody picked it up yet ("will be
 * deleted only if it has not been authorized", XSD), expired and locked ones included. Deleting nothing is no error:
 * the schema names none.
 */
export function deletePendingConnectRequest(state: SimulatorState, appId: string, externalId: string): void {
  state.connectRequests = state.connectRequests.filter(
    (request) => !(request.appId === appId && request.externalId === externalId && request.pickups.length === 0),
  );
}

/** Which request UpdateExternalId renames: by its code (a connect request or a package), or by its external id. */
export type ExternalIdOwner = { identityCode: string } | { oldExternalId: string };

/**
 * UpdateExternalId: gives `appId`'s connect request (by code or old external id) or package (by code) a new external
 * id. An unknown code is INVALID_IDENTITY_CODE; an unknown old external id renames nothing, without an error (the
 * schema names none). A connect request may not take another request's external id (one per external id, PCON).
 */
export function updateExternalId(
  state: SimulatorState,
  appId: string,
  owner: ExternalIdOwner,
  newExternalId: string,
  now: number,
): Refusal | undefined {
  const requests = keptConnectRequests(state, now).filter((request) => request.appId === appId);
  if ('oldExternalId' in owner) {
    const request = requests.find(({ externalId }) => externalId === owner.oldExternalId);
    return request && renameRequest(requests, request, newExternalId);
  }
  const code = normalizeIdentityCode(owner.identityCode);
  const request = requests.find((held) => held.identityCode === code);
  if (request) return renameRequest(requests, request, newExternalId);
  const dropped = state.packages.find((held) => held.appId === appId && held.identityCode === code);
  if (!dropped) {
    return {
      code: StatusCode.INVALID_IDENTITY_CODE,
      message: 'This application has no connect request or package with that identity code.',
    };
  }
  // Packages may share an external id ("multiple packages are allowed for a given external ID", DOPU).
  dropped.externalId = newExternalId;
  return undefined;
}

function renameRequest(
  requests: readonly SimConnectRequest[],
  request: SimConnectRequest,
  newExternalId: string,
): Refusal | undefined {
  if (requests.some((other) => other !== request && other.externalId === newExternalId)) {
    return {
      code: StatusCode.DUPLICATE_CONNECT_REQUEST_FOUND,
      message: `This application already has a connect request for external id "${newExternalId}".`,
    };
  }
  request.externalId = newExternalId;
  return undefined;
}

/** Why the Shell cannot go on with a code: none matches, or its request or package cannot be used any more. */
export type CodeProblem = 'unknown' | 'expired' | 'locked' | 'picked-up';

export interface CodeRefusal {
  ok: false;
  problem: CodeProblem;
  /** INVALID_IDENTITY_CODE (unknown, expired, picked up) or RETRY_LIMIT_EXCEEDED (locked) (reference §11). */
  code: number;
  /** The application that created the request or package; absent for an unknown code. */
  appId?: string;
  /** When it expired, for `expired`. */
  expiredAt?: number;
}

/** What holds a code: a connect request or a package that can still be used. */
export type FoundCode =
  { ok: true; kind: 'connect-request'; held: SimConnectRequest } | { ok: true; kind: 'package'; held: SimPackage };

/** A wrong answer that left tries. */
export interface WrongAnswer {
  ok: false;
  problem: 'wrong-answer';
  appId: string;
  triesLeft: number;
}

/**
 * The connect request or package behind `identityCode`, if it can still be used: not picked up (a package, once),
 * not expired (four weeks while pending), not locked (three wrong answers).
 */
export function findByCode(state: SimulatorState, identityCode: string, now: number): FoundCode | CodeRefusal {
  const code = normalizeIdentityCode(identityCode);
  const request = keptConnectRequests(state, now).find((held) => held.identityCode === code);
  const dropped = state.packages.find((held) => held.identityCode === code);
  let found: FoundCode;
  if (request) found = { ok: true, kind: 'connect-request', held: request };
  else if (dropped) found = { ok: true, kind: 'package', held: dropped };
  else return { ok: false, problem: 'unknown', code: StatusCode.INVALID_IDENTITY_CODE };
  const { held } = found;
  const refuse = (problem: CodeProblem, code: number, extra: Partial<CodeRefusal> = {}): CodeRefusal => ({
    ok: false,
    problem,
    code,
    appId: held.appId,
    ...extra,
  });
  if (found.kind === 'package' && found.held.pickedUpAt !== undefined) {
    return refuse('picked-up', StatusCode.INVALID_IDENTITY_CODE);
  }
  const pending = found.kind === 'package' || found.held.pickups.length === 0;
  const expiresAt = held.createdAt + PICKUP_PERIOD_MS;
  if (pending && now >= expiresAt) return refuse('expired', StatusCode.INVALID_IDENTITY_CODE, { expiredAt: expiresAt });
  if (held.wrongAnswers >= ANSWER_ATTEMPTS) return refuse('locked', StatusCode.RETRY_LIMIT_EXCEEDED);
  return found;
}

/**
 * Checks `answer` to the question of the code's request or package: case-insensitive but whitespace-sensitive
 * (XSD method-createconnectrequest). A wrong answer counts; the third locks the code (RETRY_LIMIT_EXCEEDED). A right
 * one clears the count.
 */
export function checkAnswer(
  state: SimulatorState,
  identityCode: string,
  answer: string,
  now: number,
): FoundCode | CodeRefusal | WrongAnswer {
  const found = findByCode(state, identityCode, now);
  if (!found.ok) return found;
  const { held } = found;
  if (answer.toLowerCase() === held.answer.toLowerCase()) {
    held.wrongAnswers = 0;
    return found;
  }
  held.wrongAnswers += 1;
  const triesLeft = ANSWER_ATTEMPTS - held.wrongAnswers;
  if (triesLeft === 0) {
    return { ok: false, problem: 'locked', code: StatusCode.RETRY_LIMIT_EXCEEDED, appId: held.appId };
  }
  return { ok: false, problem: 'wrong-answer', appId: held.appId, triesLeft };
}

/**
 * Records that `personId` picked up `request` for `recordId`: a record picked up before keeps its place (the
 * application keeps its person and record ids) with a new validation time, another record is added (PCON).
 */
export function recordPickup(request: SimConnectRequest, personId: string, recordId: string, now: number): void {
  const earlier = request.pickups.find((pickup) => pickup.personId === personId && pickup.recordId === recordId);
  if (earlier) earlier.validatedAt = now;
  else request.pickups.push({ personId, recordId, validatedAt: now });
}

/** Puts the package's items into record `recordId` as things of the application that dropped it off; once (DOPU). */
export function deliverPackage(state: SimulatorState, held: SimPackage, recordId: string, now: number): void {
  const record = state.records[recordId]!;
  record.things.push(
    ...held.items.map((item): SimThing => ({ id: randomGuid(), ...item, appId: held.appId, createdAt: now })),
  );
  record.updatedAt = now;
  held.pickedUpAt = now;
}

/** Where a connect request stands, for the simulator's own listing (demos and tests), as {@link findByCode} sees it. */
export type SimConnectRequestStatus = 'pending' | 'expired' | 'locked' | 'validated';

/** Where a package stands, for the simulator's own listing (demos and tests), as {@link findByCode} sees it. */
export type SimPackageStatus = 'waiting' | 'expired' | 'locked' | 'picked-up';

export function connectRequestStatus(request: SimConnectRequest, now: number): SimConnectRequestStatus {
  const pending = request.pickups.length === 0;
  if (pending && now >= request.createdAt + PICKUP_PERIOD_MS) return 'expired';
  if (request.wrongAnswers >= ANSWER_ATTEMPTS) return 'locked';
  return pending ? 'pending' : 'validated';
}

export function packageStatus(held: SimPackage, now: number): SimPackageStatus {
  if (held.pickedUpAt !== undefined) return 'picked-up';
  if (now >= held.createdAt + PICKUP_PERIOD_MS) return 'expired';
  return held.wrongAnswers >= ANSWER_ATTEMPTS ? 'locked' : 'waiting';
}
