import { StatusCode } from '../core/platform/status-codes.js';
import { groupIdentityCode } from '../core/shell/identity-code.js';
import {
  authAction,
  grantFor,
  grantedOptionalRules,
  isExpired,
  supportsRecordLocation,
  type SimAppRecordAuthAction,
} from './authorization.js';
import { createClock, type Clock } from './clock.js';
import {
  ANSWER_ATTEMPTS,
  checkAnswer,
  connectRequestStatus,
  deliverPackage,
  findByCode,
  keptConnectRequests,
  packageStatus,
  recordPickup,
  type CodeRefusal,
  type FoundCode,
  type SimConnectRequestStatus,
  type SimPackageStatus,
  type WrongAnswer,
} from './connect-requests.js';
import { randomUserToken, sha256Hex } from './ids.js';
import { infoSchemaViolation, parameterNames } from './info-schema.js';
import { PLATFORM_METHODS, type CallContext } from './platform-methods.js';
import { internalRecordId } from './pseudonyms.js';
import { buildScenario, type ScenarioName } from './scenarios.js';
import {
  memoryStore,
  STATE_VERSION,
  type SimAuthRule,
  type SimRecordState,
  type SimPerson,
  type SimProxyCondition,
  type SimulatorState,
  type SimStateStore,
  type UserSession,
} from './state.js';
import { errorResponse, parseRequestInfo, successResponse } from './xml.js';

/** How long a user token from the Shell lasts by default (the real lifetime is undocumented). */
export const DEFAULT_USER_TOKEN_LIFETIME_MS = 20 * 60 * 1000;

export interface SimulatorOptions {
  /** Where the state lives between operations; an in-memory store when absent. */
  store?: SimStateStore;
  /** The initial state of a new in-memory store (copied). Ignored when `store` is given. */
  state?: SimulatorState;
  /** The scenario to start from when the store holds no state yet; `new-user` when absent. */
  scenario?: ScenarioName;
  clock?: Clock;
  /** The demo application's registered action URL in scenarios built from now on. */
  demoActionUrl?: string;
  userTokenLifetimeMs?: number;
}

/** One platform call as the proxy forwards it. */
export interface SimPlatformCall {
  /** The application whose backend (proxy) makes the call. */
  appId: string;
  method: string;
  /** The request's `<info>` document. */
  body: string;
  /** `method-version`; 1 when absent. */
  version?: number;
  /** The record the call acts on, as the application knows it (`X-HV-Record-Id`). */
  recordId?: string;
  /**
   * Who the call acts for, when the platform is reached over the wire (hv-elements-sim): the lower-case hex
   * SHA-256 of the request's `<user-auth-token>`, or null when the request carries none. Absent: the user token the
   * simulated proxy holds for the application ({@link Simulator.openProxySession}), as with the MSW handlers.
   */
  userTokenHash?: string | null;
  /**
   * Over the wire: the call acts for a person who is not signed in (`<offline-person-info>`), by the id the
   * application knows them by. Allowed while the person's authorization of the application grants an offline rule.
   */
  offlinePersonId?: string;
}

export interface PersonSummary {
  id: string;
  name: string;
}

export interface ApplicationSummary {
  id: string;
  name: string;
  description: string;
  actionUrl: string;
  rules: SimAuthRule[];
}

/** A record a person can open, as the Shell shows it for one application. */
export interface RecordChoice {
  /** The Shell's own record id (never shown to applications). */
  id: string;
  name: string;
  relType: number;
  relName: string;
  custodian: boolean;
  state: SimRecordState;
  authAction: SimAppRecordAuthAction;
  /** The optional rules the current authorization grants. */
  grantedOptionalRules: string[];
  /**
   * Whether the person may authorize the application for this record: custodian of an active (or read-only) record
   * in a location the application supports.
   */
  canAuthorize: boolean;
  /** Whether the person may add a drop-off package's items to this record: custodian of an active record. */
  canReceive: boolean;
}

export interface AuthorizeRequest {
  personId: string;
  appId: string;
  /** Shell record ids; the first becomes the selected record. */
  recordIds: readonly string[];
  /** Optional rules offered on the page: true grants, false withdraws. Rules not named keep their earlier state. */
  optionalRules?: Readonly<Record<string, boolean>>;
}

/** What the Shell shows once it found the request or package of an identity code (reference §6.2, GetQuestion). */
export interface SimCodeQuestion {
  ok: true;
  kind: 'connect-request' | 'package';
  /** The application that created it. */
  appId: string;
  question: string;
  triesLeft: number;
}

/** What the Shell shows once the person answered right. */
export interface SimAnsweredCode extends SimCodeQuestion {
  /** The name the application gave the request or package, shown only after the right answer (PCON). */
  friendlyName: string;
  /** What a package adds to the record it is picked up into; empty for a connect request. */
  contents: string[];
}

export type SimCodeCheck = SimCodeQuestion | CodeRefusal;
export type SimAnswerCheck = SimAnsweredCode | CodeRefusal | WrongAnswer;

/** A person accepting a connect request: the answer again (each completion checks it), the record and the rules. */
export interface AcceptConnectRequest {
  identityCode: string;
  answer: string;
  personId: string;
  /** The Shell record the person chose. */
  recordId: string;
  /** Optional rules offered on the page: true grants, false withdraws. */
  optionalRules?: Readonly<Record<string, boolean>>;
}

/** A person picking up a package into one of their records. */
export interface PickUpPackage {
  identityCode: string;
  answer: string;
  personId: string;
  recordId: string;
}

/** A connect request as the simulator lists it for demos and tests (the platform never lists identity codes). */
export interface SimConnectRequestSummary {
  appId: string;
  externalId: string;
  friendlyName: string;
  question: string;
  /** In groups of four, as the application prints it for the patient. */
  identityCode: string;
  status: SimConnectRequestStatus;
  createdAt: number;
  /** How many records were picked up with it. */
  pickups: number;
}

/** A drop-off package as the simulator lists it for demos and tests. */
export interface SimPackageSummary {
  appId: string;
  externalId: string;
  friendlyName: string;
  question: string;
  identityCode: string;
  status: SimPackageStatus;
  createdAt: number;
  contents: string[];
}

/** What the simulated Shell page needs from the platform. */
export interface ShellApi {
  /** The people of the current scenario, who can sign in. */
  people(): PersonSummary[];
  application(appId: string): ApplicationSummary | undefined;
  /** The records `personId` can open, with where each stands with application `appId`. */
  records(personId: string, appId: string): RecordChoice[];
  /** The Shell record behind `appFacingId`, an id application `appId` was given (`extrecordid`). */
  findRecord(appId: string, appFacingId: string): string | undefined;
  /** The record `personId` last chose for `appId`, else their own record. */
  selectedRecord(personId: string, appId: string): string | undefined;
  /**
   * Whether choosing `recordId` moves `personId` off another record `appId` still holds: for a single-record
   * application the Shell then returns `SelectedRecordChanged` instead of `AppAuthSuccess` (reference §3).
   */
  switchesRecord(personId: string, appId: string, recordId: string): boolean;
  /** Signs `personId` in for `appId` and returns the new user token (the only time it exists in full). */
  signIn(personId: string, appId: string): Promise<string>;
  /** Records what the person authorized, then signs them in; returns the new user token. */
  authorize(request: AuthorizeRequest): Promise<string>;
  /** Withdraws the authorizations of `appId` by `personId` (on one record, or on all). */
  revoke(personId: string, appId: string, recordId?: string): void;
  /** The request or package behind an identity code, and its question; or why it cannot be used. */
  lookUpCode(identityCode: string): SimCodeCheck;
  /** Checks the answer to the code's question; a wrong one counts toward the lock (three, PCON). */
  answerCode(identityCode: string, answer: string): SimAnswerCheck;
  /**
   * Checks the answer again, then authorizes the request's application on the record (as {@link ShellApi.authorize}
   * does, without signing anyone in) and records the pick-up that GetAuthorizedConnectRequests reports.
   */
  acceptConnectRequest(request: AcceptConnectRequest): SimAnswerCheck;
  /** Checks the answer again, then adds the package's items to the record; a package is picked up once (DOPU). */
  pickUpPackage(request: PickUpPackage): SimAnswerCheck;
}

export interface Simulator {
  readonly clock: Clock;
  /** The scenario the current state started from. */
  readonly scenario: string;
  /** A deep copy of the current state. */
  snapshot(): SimulatorState;
  /** Replaces the whole state (people, authorizations, sessions) with scenario `name`. */
  reset(name: ScenarioName): void;
  /** How the simulated proxy answers (the scenario's, until {@link Simulator.setProxyCondition} changes it). */
  readonly proxyCondition: SimProxyCondition;
  /** Takes the simulated proxy down, slows it, or brings it back up; saved with the state, so every page sees it. */
  setProxyCondition(condition: SimProxyCondition): void;
  /** Every connect request kept, with its identity code: for demos and tests only. */
  connectRequests(): SimConnectRequestSummary[];
  /** Every drop-off package, with its identity code: for demos and tests only. */
  packages(): SimPackageSummary[];
  /** Answers a platform call with the response document (HTTP 200, `text/xml`), errors included. */
  call(request: SimPlatformCall): string;
  /**
   * The proxy keeps `wctoken` (only its hash) as the sign-in of application `appId`, in a new session: the session
   * it held before ends, and its token is signed out.
   */
  openProxySession(appId: string, wctoken: string, instanceId: string): Promise<void>;
  /** The proxy forgets its sign-in for `appId`, and the token is signed out. */
  closeProxySession(appId: string): void;
  readonly shell: ShellApi;
}

type SessionCheck = { ok: true; person: SimPerson } | { ok: false; code: number; message: string };

/** A stateful, simulated HealthVault platform and Shell back end. */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const clock = options.clock ?? createClock();
  const store = options.store ?? memoryStore(options.state && structuredClone(options.state));
  const tokenLifetime = options.userTokenLifetimeMs ?? DEFAULT_USER_TOKEN_LIFETIME_MS;
  const fresh = (name: ScenarioName) => buildScenario(name, { now: clock.now(), demoActionUrl: options.demoActionUrl });

  // The store is the truth: every operation reads it anew, so another page (the Shell) writing it is seen at once.
  function read(): SimulatorState {
    const stored = store.read();
    if (stored?.version === STATE_VERSION) return stored;
    const state = fresh(options.scenario ?? 'new-user');
    store.write(state);
    return state;
  }

  read(); // seed an empty store with the scenario now, not whenever the first operation happens to run

  function mutate<T>(change: (state: SimulatorState) => T): T {
    const state = read();
    const result = change(state);
    store.write(state);
    return result;
  }

  function person(state: SimulatorState, personId: string): SimPerson {
    const found = state.people[personId];
    if (!found) throw new Error(`No person "${personId}" in scenario ${state.scenario}.`);
    return found;
  }

  function application(state: SimulatorState, appId: string) {
    const found = state.applications[appId];
    if (!found) throw new Error(`No application ${appId} is registered.`);
    return found;
  }

  function checkSession(state: SimulatorState, appId: string, userTokenHash?: string | null): SessionCheck {
    if (userTokenHash === null) {
      return {
        ok: false,
        code: StatusCode.ACCESS_DENIED,
        message: 'The method acts for a person, and the request carries no user-auth-token.',
      };
    }
    const tokenHash = userTokenHash ?? state.proxySessions[appId]?.tokenHash;
    if (tokenHash === undefined) {
      return {
        ok: false,
        code: StatusCode.CREDENTIAL_TOKEN_EXPIRED,
        message: 'No one is signed in: the proxy holds no user token for this application.',
      };
    }
    const session: UserSession | undefined = state.userSessions[tokenHash];
    if (!session || session.appId !== appId) {
      return {
        ok: false,
        code: StatusCode.INVALID_TOKEN,
        message: 'The user token was not issued by HealthVault for this application.',
      };
    }
    if (session.signedOut) {
      return { ok: false, code: StatusCode.CREDENTIAL_TOKEN_EXPIRED, message: 'The user token has been signed out.' };
    }
    if (session.expiresAt <= clock.now()) {
      return {
        ok: false,
        code: StatusCode.CREDENTIAL_TOKEN_EXPIRED,
        message: `The user token expired at ${new Date(session.expiresAt).toISOString()}.`,
      };
    }
    const signedIn = state.people[session.personId];
    if (!signedIn)
      return { ok: false, code: StatusCode.INVALID_PERSON, message: 'The signed-in person no longer exists.' };
    return { ok: true, person: signedIn };
  }

  /**
   * A person who is not signed in, by the id application `appId` knows them by: the application may act for them
   * while one of their unexpired authorizations of it grants an offline rule (reference §4).
   */
  function checkOfflinePerson(state: SimulatorState, appId: string, appFacingPersonId: string): SessionCheck {
    const wanted = appFacingPersonId.toLowerCase();
    const people = state.pseudonyms[appId]?.people ?? {};
    const personId = Object.keys(people).find((id) => people[id]!.toLowerCase() === wanted);
    const found = personId === undefined ? undefined : state.people[personId];
    if (!found) {
      return { ok: false, code: StatusCode.INVALID_PERSON, message: 'No person has that id for this application.' };
    }
    const offline = state.authorizations.some(
      (a) =>
        a.personId === found.id &&
        a.appId === appId &&
        !isExpired(a, clock.now()) &&
        a.granted.some((rule) => rule.scope === 'offline'),
    );
    if (!offline) {
      return {
        ok: false,
        code: StatusCode.ACCESS_DENIED,
        message: 'The person has not allowed this application to act for them while they are away (no offline rule).',
      };
    }
    return { ok: true, person: found };
  }

  /** The proxy forgets its sign-in for `appId`, and signs its token out. */
  function endProxySession(state: SimulatorState, appId: string): void {
    const held = state.proxySessions[appId];
    const session = held && state.userSessions[held.tokenHash];
    if (session) session.signedOut = true;
    delete state.proxySessions[appId];
  }

  function call(request: SimPlatformCall): string {
    if (!Object.hasOwn(PLATFORM_METHODS, request.method)) {
      return errorResponse(StatusCode.BAD_METHOD, `HealthVault has no method "${request.method}".`);
    }
    const definition = PLATFORM_METHODS[request.method as keyof typeof PLATFORM_METHODS];
    const version = request.version ?? 1;
    if (!definition.versions.includes(version)) {
      return errorResponse(
        StatusCode.BAD_METHOD,
        `${request.method} has no version ${version} (versions: ${definition.versions.join(', ')}).`,
      );
    }
    const parsed = parseRequestInfo(request.method, request.body, parameterNames(definition.infoSchema));
    if (!parsed.ok) return errorResponse(StatusCode.INVALID_XML, parsed.problem);
    const violation = infoSchemaViolation(request.method, definition.infoSchema, request.body);
    if (violation !== undefined) return errorResponse(StatusCode.INVALID_XML, violation);
    return mutate((state) => {
      const app = state.applications[request.appId];
      if (!app) return errorResponse(StatusCode.INVALID_APP, `HealthVault does not know application ${request.appId}.`);
      const context: CallContext = { state, app, now: clock.now(), recordId: request.recordId, person: undefined };
      if (definition.needsUser) {
        const session =
          request.offlinePersonId === undefined
            ? checkSession(state, app.id, request.userTokenHash)
            : checkOfflinePerson(state, app.id, request.offlinePersonId);
        if (!session.ok) return errorResponse(session.code, session.message);
        context.person = session.person;
      }
      const outcome = definition.run(context, parsed.info);
      return 'message' in outcome
        ? errorResponse(outcome.code, outcome.message)
        : successResponse(request.method, outcome.info);
    });
  }

  async function issueToken(personId: string, appId: string, record: (state: SimulatorState) => void): Promise<string> {
    const token = randomUserToken();
    const tokenHash = await sha256Hex(token);
    mutate((state) => {
      person(state, personId);
      application(state, appId);
      record(state);
      const now = clock.now();
      state.userSessions[tokenHash] = {
        personId,
        appId,
        issuedAt: now,
        expiresAt: now + tokenLifetime,
        signedOut: false,
      };
    });
    return token;
  }

  function recordChoices(state: SimulatorState, personId: string, appId: string): RecordChoice[] {
    const app = application(state, appId);
    return person(state, personId).records.map((access) => {
      const record = state.records[access.recordId]!;
      const authorization = state.authorizations.find(
        (a) => a.personId === personId && a.appId === appId && a.recordId === record.id,
      );
      return {
        id: record.id,
        name: record.name,
        relType: access.relType,
        relName: access.relName,
        custodian: access.custodian,
        state: record.state,
        authAction: authAction(app, authorization, access, clock.now(), record.location),
        grantedOptionalRules: grantedOptionalRules(app, authorization),
        canAuthorize:
          access.custodian &&
          (record.state === 'Active' || record.state === 'ReadOnly') &&
          supportsRecordLocation(app, record.location),
        canReceive: access.custodian && record.state === 'Active',
      };
    });
  }

  /** Throws unless `personId` may authorize `appId` on every record of `recordIds` with those optional rules. */
  function checkGrant(
    state: SimulatorState,
    personId: string,
    appId: string,
    recordIds: readonly string[],
    optionalRules: Readonly<Record<string, boolean>>,
  ): void {
    const app = application(state, appId);
    if (recordIds.length === 0) throw new Error('Choose at least one record to authorize.');
    const unknownRule = Object.keys(optionalRules).find(
      (name) => !app.rules.some((rule) => rule.optional && rule.name === name),
    );
    if (unknownRule !== undefined) throw new Error(`${app.name} has no optional rule "${unknownRule}".`);
    const choices = recordChoices(state, personId, appId);
    const refused = recordIds.find((recordId) => !choices.find((choice) => choice.id === recordId)?.canAuthorize);
    if (refused !== undefined)
      throw new Error(`${person(state, personId).name} cannot authorize applications for record ${refused}.`);
  }

  /** Records that `personId` authorized `appId` on `recordIds` (checked with {@link checkGrant}). */
  function grant(
    state: SimulatorState,
    personId: string,
    appId: string,
    recordIds: readonly string[],
    optionalRules: Readonly<Record<string, boolean>>,
  ): void {
    const app = application(state, appId);
    for (const recordId of recordIds) {
      const index = state.authorizations.findIndex(
        (a) => a.personId === personId && a.appId === appId && a.recordId === recordId,
      );
      const previous = index === -1 ? undefined : state.authorizations[index];
      const authorization = {
        personId,
        appId,
        recordId,
        granted: grantFor(app, previous, optionalRules),
        createdAt: previous?.createdAt ?? clock.now(),
        expiresAt: null,
      };
      if (previous) state.authorizations[index] = authorization;
      else state.authorizations.push(authorization);
    }
  }

  /** What the Shell may show of a code before the answer: neither the answer nor the friendly name (PCON). */
  function questionOf({ kind, held }: FoundCode): SimCodeQuestion {
    return {
      ok: true,
      kind,
      appId: held.appId,
      question: held.question,
      triesLeft: ANSWER_ATTEMPTS - held.wrongAnswers,
    };
  }

  /** What the Shell may show once the answer is right: the friendly name too, and what a package holds. */
  function answered(checked: FoundCode | CodeRefusal | WrongAnswer): SimAnswerCheck {
    if (!checked.ok) return checked;
    return {
      ...questionOf(checked),
      friendlyName: checked.held.friendlyName,
      contents: checked.kind === 'package' ? checked.held.items.map((item) => item.summary) : [],
    };
  }

  const shell: ShellApi = {
    people: () => Object.values(read().people).map(({ id, name }) => ({ id, name })),
    application(appId) {
      const app = read().applications[appId];
      return (
        app &&
        structuredClone({
          id: app.id,
          name: app.name,
          description: app.description,
          actionUrl: app.actionUrl,
          rules: app.rules,
        })
      );
    },
    records: (personId, appId) => recordChoices(read(), personId, appId),
    findRecord: (appId, appFacingId) => internalRecordId(read(), appId, appFacingId),
    selectedRecord(personId, appId) {
      const state = read();
      return state.selectedRecords[personId]?.[appId] ?? person(state, personId).records[0]?.recordId;
    },
    switchesRecord(personId, appId, recordId) {
      const state = read();
      const previous = state.selectedRecords[personId]?.[appId];
      const stillHeld = state.authorizations.some(
        (a) => a.personId === personId && a.appId === appId && a.recordId === previous,
      );
      return previous !== undefined && previous !== recordId && stillHeld;
    },
    signIn: (personId, appId) => issueToken(personId, appId, () => undefined),
    authorize({ personId, appId, recordIds, optionalRules = {} }) {
      return issueToken(personId, appId, (state) => {
        checkGrant(state, personId, appId, recordIds, optionalRules);
        grant(state, personId, appId, recordIds, optionalRules);
        (state.selectedRecords[personId] ??= {})[appId] = recordIds[0]!;
      });
    },
    lookUpCode(identityCode) {
      return mutate((state) => {
        const found = findByCode(state, identityCode, clock.now());
        return found.ok ? questionOf(found) : found;
      });
    },
    answerCode: (identityCode, answer) =>
      mutate((state) => answered(checkAnswer(state, identityCode, answer, clock.now()))),
    acceptConnectRequest({ identityCode, answer, personId, recordId, optionalRules = {} }) {
      return mutate((state) => {
        const found = findByCode(state, identityCode, clock.now());
        if (!found.ok) return found;
        if (found.kind !== 'connect-request')
          throw new Error('That identity code belongs to a package, not a request.');
        const { appId } = found.held;
        checkGrant(state, personId, appId, [recordId], optionalRules);
        const checked = checkAnswer(state, identityCode, answer, clock.now());
        if (checked.ok) {
          // Authorized as APPAUTH authorizes, but nobody signs in to the application: it learns of the record by
          // polling GetAuthorizedConnectRequests (PCON step 9).
          grant(state, personId, appId, [recordId], optionalRules);
          recordPickup(found.held, personId, recordId, clock.now());
        }
        return answered(checked);
      });
    },
    pickUpPackage({ identityCode, answer, personId, recordId }) {
      return mutate((state) => {
        const found = findByCode(state, identityCode, clock.now());
        if (!found.ok) return found;
        if (found.kind !== 'package') throw new Error('That identity code belongs to a request, not a package.');
        const choice = recordChoices(state, personId, found.held.appId).find((record) => record.id === recordId);
        if (!choice?.canReceive)
          throw new Error(`${person(state, personId).name} cannot add items to record ${recordId}.`);
        const checked = checkAnswer(state, identityCode, answer, clock.now());
        if (checked.ok) deliverPackage(state, found.held, recordId, clock.now());
        return answered(checked);
      });
    },
    revoke(personId, appId, recordId) {
      mutate((state) => {
        state.authorizations = state.authorizations.filter(
          (a) => !(a.personId === personId && a.appId === appId && (recordId === undefined || a.recordId === recordId)),
        );
      });
    },
  };

  return {
    clock,
    get scenario() {
      return read().scenario;
    },
    snapshot: () => structuredClone(read()),
    get proxyCondition(): SimProxyCondition {
      return structuredClone(read().proxy) ?? { kind: 'up' };
    },
    setProxyCondition(condition) {
      if (condition.kind === 'slow' && !(condition.delayMs >= 0)) {
        throw new RangeError(`A slow proxy needs a delay of 0 ms or more; got ${condition.delayMs}.`);
      }
      mutate((state) => {
        state.proxy = structuredClone(condition);
      });
    },
    reset(name) {
      store.write(fresh(name));
    },
    connectRequests: () =>
      mutate((state) =>
        keptConnectRequests(state, clock.now()).map((request) => ({
          appId: request.appId,
          externalId: request.externalId,
          friendlyName: request.friendlyName,
          question: request.question,
          identityCode: groupIdentityCode(request.identityCode),
          status: connectRequestStatus(request, clock.now()),
          createdAt: request.createdAt,
          pickups: request.pickups.length,
        })),
      ),
    packages: () =>
      read().packages.map((held) => ({
        appId: held.appId,
        externalId: held.externalId,
        friendlyName: held.friendlyName,
        question: held.question,
        identityCode: groupIdentityCode(held.identityCode),
        status: packageStatus(held, clock.now()),
        createdAt: held.createdAt,
        contents: held.items.map((item) => item.summary),
      })),
    call,
    async openProxySession(appId, wctoken, instanceId) {
      const tokenHash = await sha256Hex(wctoken);
      mutate((state) => {
        if (state.proxySessions[appId]?.tokenHash !== tokenHash) endProxySession(state, appId);
        state.proxySessions[appId] = { tokenHash, instanceId, openedAt: clock.now() };
      });
    },
    closeProxySession: (appId) => mutate((state) => endProxySession(state, appId)),
    shell,
  };
}
