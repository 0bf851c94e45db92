/**
 * The simulated platform's state: plain JSON (times are epoch milliseconds), so it can be saved in localStorage
 * and survive page loads. It holds no raw user token: sessions are keyed by the token's SHA-256.
 */

/** A CRUD permission of an authorization rule; `All` on the wire when all four are granted. */
export type SimPermission = 'Create' | 'Read' | 'Update' | 'Delete';

/** Online rules apply while the person is signed in; offline rules let the application in without a sign-in. */
export type AccessScope = 'online' | 'offline';

export { DisplayFlag } from '../core/platform/optional-rules.js';

/** An authorization rule as configured for an application. */
export interface SimAuthRule {
  /** Unique within the application; what `onopt#`/`offopt#` name. At most 16 characters (`wc-types:string16`). */
  name: string;
  optional: boolean;
  scope: AccessScope;
  permissions: SimPermission[];
  thingTypeIds: string[];
  /** Why the application asks, shown to the person on the authorization page: the default entry. */
  reason: string;
  /** The reason in other languages, by language (`es`): each a `<reason xml:lang="…">` of its own. */
  translatedReasons?: Readonly<Record<string, string>>;
  /** Sum of {@link DisplayFlag} values; meaningful for optional rules only. */
  displayFlags: number;
}

/** A country (ISO 3166-1 alpha-2) and optionally a state or province (ISO 3166-2, without the country prefix). */
export interface SimLocation {
  country: string;
  stateProvince?: string;
}

export interface SimApplication {
  id: string;
  name: string;
  description: string;
  /** The registered action URL the Shell returns to when the request has no `redirect`. */
  actionUrl: string;
  rules: SimAuthRule[];
  createdAt: number;
  /**
   * The record locations the application supports (application configuration `supported-record-locations`); a
   * location without `stateProvince` covers the whole country. Absent: every location.
   */
  supportedRecordLocations?: SimLocation[];
}

export type SimRecordState = 'Active' | 'ReadOnly' | 'Suspended' | 'Deleted';

export interface SimRecord {
  id: string;
  name: string;
  displayName: string;
  state: SimRecordState;
  /** Numeric string, the same for every application (XSD types.xsd, `Record/@app-specific-record-id`). */
  appSpecificRecordId: string;
  createdAt: number;
  updatedAt: number;
  sizeBytes: number;
  /** Where the person the record is about lives (`location-country`, `location-state-province`); absent: unknown. */
  location?: SimLocation;
  /** The health items in the record that the simulator keeps: those picked up from drop-off packages. */
  things: SimThing[];
}

/** A health item ("thing") in a record, as much of it as the Shell shows. */
export interface SimThing {
  id: string;
  typeId: string;
  /** What the Shell shows of it, e.g. "Lipid panel: LDL 96 mg/dL". */
  summary: string;
  /** When it was measured or happened. */
  effectiveAt: number;
  /** The application that put it in the record. */
  appId: string;
  createdAt: number;
}

/** A person's access to a record. Only custodians may authorize applications for a record. */
export interface RecordAccess {
  recordId: string;
  /** HealthVault relationship type: 1 Self, 3 Spouse, 5 Child, 8 Parent, … (reference §10). */
  relType: number;
  relName: string;
  custodian: boolean;
}

export interface SimPerson {
  id: string;
  name: string;
  /** The records this person can open, their own first. */
  records: RecordAccess[];
}

/** A rule as the person granted it: a snapshot, so the application's later rule changes show as reauthorization. */
export interface GrantedRule {
  name: string;
  scope: AccessScope;
  permissions: SimPermission[];
  thingTypeIds: string[];
}

/** What a person granted an application on a record. */
export interface SimAuthorization {
  personId: string;
  appId: string;
  recordId: string;
  granted: GrantedRule[];
  createdAt: number;
  /** When the authorization lapses; null for never. */
  expiresAt: number | null;
}

/** A signed-in person, as a user token issued by the Shell for one application. */
export interface UserSession {
  personId: string;
  appId: string;
  issuedAt: number;
  expiresAt: number;
  /** Set by sign-out; the token is dead from then on. */
  signedOut: boolean;
}

/** What the partner's backend (the proxy) remembers after the kit handed it the Shell's token. */
export interface ProxySession {
  /** SHA-256 of the handed-over token; it may name no session at all when the token was never issued. */
  tokenHash: string;
  instanceId: string;
  openedAt: number;
}

/** The application-facing pseudonymous ids of one application: internal id → the id that application sees. */
export interface Pseudonyms {
  people: Record<string, string>;
  records: Record<string, string>;
}

/**
 * How the partner's backend (the proxy) itself answers, apart from HealthVault: `up`; `down` answers every request
 * 503; `unresponsive` never answers (the kit's timeout ends the wait); `slow` answers after `delayMs`.
 */
export type SimProxyCondition =
  { kind: 'up' } | { kind: 'down' } | { kind: 'unresponsive' } | { kind: 'slow'; delayMs: number };

/**
 * What a person must know to use an identity code: the secret question and answer an application set on a connect
 * request or a drop-off package (reference §6, §7).
 */
export interface SimChallenge {
  /** The application that created it. */
  appId: string;
  /** 20 upper-case letters, without dashes. A secret: never logged, never put in a message. */
  identityCode: string;
  /** Shown to the person once they have answered the question. */
  friendlyName: string;
  question: string;
  /** Compared case-insensitively but whitespace-sensitively (XSD method-createconnectrequest). */
  answer: string;
  /** The application's own id for the patient. */
  externalId: string;
  createdAt: number;
  /** Wrong answers since the last right one; the third locks the code (PCON, DOPU). */
  wrongAnswers: number;
}

/** One record a person chose when they picked up (validated) a connect request. */
export interface SimConnectPickup {
  personId: string;
  recordId: string;
  /** The last time this record was picked up: what `authorized-connect-requests-since` compares with. */
  validatedAt: number;
}

/** A Patient Connect request (reference §6): pending while `pickups` is empty, validated after. */
export interface SimConnectRequest extends SimChallenge {
  pickups: SimConnectPickup[];
}

/** An item a drop-off package carries into the record it is picked up into. */
export interface SimPackageItem {
  typeId: string;
  summary: string;
  effectiveAt: number;
}

/** A drop-off package (DOPU, reference §7), picked up once. */
export interface SimPackage extends SimChallenge {
  items: SimPackageItem[];
  /** When it was picked up; absent while it waits. */
  pickedUpAt?: number;
}

export const STATE_VERSION = 2;

export interface SimulatorState {
  version: typeof STATE_VERSION;
  /** The scenario this state started from. */
  scenario: string;
  applications: Record<string, SimApplication>;
  people: Record<string, SimPerson>;
  records: Record<string, SimRecord>;
  authorizations: SimAuthorization[];
  /** personId → appId → the record last chosen for that application (`selected-record-id`). */
  selectedRecords: Record<string, Record<string, string>>;
  /** appId → that application's pseudonymous ids, handed out the first time it sees a person or record. */
  pseudonyms: Record<string, Pseudonyms>;
  /** SHA-256 of a user token → the session it opens. */
  userSessions: Record<string, UserSession>;
  /** appId → the sign-in that application's backend holds (one per application per browser, like a cookie). */
  proxySessions: Record<string, ProxySession>;
  /** How the simulated proxy answers; up when absent (states saved before it existed). */
  proxy?: SimProxyCondition;
  /** Patient Connect requests of every application, validated ones included until they are deleted. */
  connectRequests: SimConnectRequest[];
  /** Drop-off packages, waiting or picked up. */
  packages: SimPackage[];
}

/** Where the simulator keeps its state between operations. */
export interface SimStateStore {
  read(): SimulatorState | undefined;
  write(state: SimulatorState): void;
}

/** A store in memory (Node, tests). */
export function memoryStore(initial?: SimulatorState): SimStateStore {
  let current = initial;
  return {
    read: () => current,
    write(state) {
      current = state;
    },
  };
}
