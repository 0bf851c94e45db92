import { snapshotRule } from './authorization.js';
import { normalizeIdentityCode, type NewConnectRequest } from './connect-requests.js';
import { randomTokenReference } from './ids.js';
import {
  DisplayFlag,
  STATE_VERSION,
  type SimAuthRule,
  type GrantedRule,
  type SimApplication,
  type SimAuthorization,
  type SimLocation,
  type SimPackageItem,
  type SimPerson,
  type SimRecord,
  type SimulatorState,
} from './state.js';

/** The demo application every scenario registers; the demo page and the Shell page use it. */
export const DEMO_APP_ID = '1534e3fa-0476-4ba6-9585-be88ae6a4e6f';

/** A second registered application, so that per-application ids and foreign app ids can be seen. */
export const OTHER_APP_ID = 'c35924e3-0549-494d-bcef-ba31b2014e1f';

/** Where the Shell returns to by default: the demo page on the Vite dev server. */
export const DEMO_ACTION_URL = 'http://localhost:5173/';

/** The thing types the scenarios' rules cover (type ids from the official thing type schemas). */
export const ThingType = {
  Medication: '30cafccc-047d-4288-94ef-643571f7919d',
  Allergy: '52bf9104-2c5e-4f1f-a66d-552ebcc53df7',
  Weight: '3d34d87e-7fc1-4153-800f-f56592cb0d17',
  Height: '40750a6a-89b2-455c-bd8d-b420a4cb500b',
  BloodPressure: 'ca3c57f4-f4c1-4e15-be67-0a3caf5414ed',
  Condition: '7ea7a1f9-880b-4bd4-b593-f5660f20eda8',
  LabResults: '5800eab5-a8c2-482a-a4d6-f1db25ae08c3',
} as const;

/** What the Shell calls each of those thing types when it asks a person to authorize them. */
export const THING_TYPE_NAMES: Readonly<Record<string, string>> = {
  [ThingType.Medication]: 'Medications',
  [ThingType.Allergy]: 'Allergies',
  [ThingType.Weight]: 'Weight',
  [ThingType.Height]: 'Height',
  [ThingType.BloodPressure]: 'Blood pressure',
  [ThingType.Condition]: 'Conditions',
  [ThingType.LabResults]: 'Lab results',
};

/** Every named scenario, with what it contains. */
export const SCENARIOS = {
  'new-user': 'Avery Quinn has one record and has never authorized the demo application.',
  'returning-user':
    'Jordan Lee has one record that already fully authorizes the demo application (and another application).',
  'multi-record':
    'Sam Rivera is custodian of three records (self, child, parent); none authorizes the demo application yet.',
  'reauth-required':
    "Taylor Morgan, signed in, authorized the demo application before its required rule gained Allergy: Taylor's own record needs " +
    'reauthorization (offline access to medications, granted before, still works); ' +
    "Pat's record, which Taylor may only view, cannot be reauthorized by Taylor.",
  'reauth-not-possible':
    "Jamie Ortiz, signed in, authorized the demo application for their father Luis's record while its custodian; Jamie may now " +
    'only view it, so the required rule that gained Allergy cannot be reauthorized (offline access to medications ' +
    "still works). Jamie's own record was never authorized.",
  revoked:
    'Riley Chen signed in to the demo application (its backend holds the sign-in), then revoked its access to every record.',
  'suspended-record':
    'Casey Brooks, signed in, authorized the demo application for an active record and for a suspended one.',
  'deleted-record':
    'Drew Patel, signed in, authorized the demo application for an active record and for one since deleted.',
  'read-only-record':
    'Alex Kim, signed in, authorized the demo application for an active record and for a read-only one (readable, not writable).',
  'token-expired':
    'Jordan Lee signed in to the demo application 25 minutes ago; the user token (20 minutes) has expired.',
  'proxy-down': "Jordan Lee is signed in, but the partner's proxy is down: every request to it answers HTTP 503.",
  'proxy-slow': "Jordan Lee is signed in, and the partner's proxy answers every request after 3 seconds.",
  'proxy-unresponsive':
    "Jordan Lee is signed in, but the partner's proxy never answers (the kit's timeout ends the wait).",
  'authorization-required':
    "Robin Hayes authorized the demo application for their own record; their son Leo's record, which Robin shares " +
    "with Leo's other parent Chris, was authorized by Chris but never by Robin, so it needs Robin's authorization.",
  'location-not-supported':
    "Priya Shah authorized the demo application (US records only) for her own record and her mother Asha's; Asha " +
    'has since moved to Canada, and her record, now located in Ontario, cannot be used or authorized.',
  'offline-access':
    "Kai Nakamura is not signed in, but the demo application may use Kai's record offline (the optional offline " +
    'rule) until its authorization expires in 14 days.',
  'offline-granted':
    'Mei Tanaka, signed in, authorized the demo application with its optional offline rule: the application may also ' +
    "use Mei's record while Mei is away, until the authorization expires in 14 days.",
  'connect-request':
    'The demo clinic created a Patient Connect request two days ago for its patient MRN-1001, Morgan Blake, who has a ' +
    'HealthVault record and has never authorized the demo application. Identity code KZTR-MVNP-QDWX-HLBC-JRSF; ' +
    'question "What was the name of your first pet?", answer "Biscuit". Nobody is signed in.',
  'connect-request-expired':
    'The demo clinic created a Patient Connect request for MRN-1001, Morgan Blake, 29 days ago: past the four weeks a ' +
    'pending request lasts, so identity code KZTR-MVNP-QDWX-HLBC-JRSF (answer "Biscuit") has expired. Nobody is signed in.',
  'pickup-package':
    'The demo clinic dropped off a package three days ago for Dana Whitfield (MRN-2002): a lipid panel and a blood ' +
    'pressure reading from her visit. Identity code PKGD-WNRT-XBQV-MZLH-CJSY; question "In which city were you born?", ' +
    'answer "Lisbon". Nobody is signed in.',
} as const;

export type ScenarioName = keyof typeof SCENARIOS;

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(SCENARIOS, name);
}

export interface ScenarioOptions {
  /** The instant the scenario starts at; record and authorization dates lie before it. */
  now: number;
  /** The demo application's registered action URL; {@link DEMO_ACTION_URL} when absent. */
  demoActionUrl?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The rule the demo application requires: what its dashboard cannot work without. */
const HEALTH_SUMMARY_RULE: SimAuthRule = {
  name: 'health-summary',
  optional: false,
  scope: 'online',
  permissions: ['Read'],
  thingTypeIds: [ThingType.Medication, ThingType.Allergy],
  reason: 'Shows your current medications and allergies on your dashboard so you can review them before a visit.',
  translatedReasons: {
    es: 'Muestra sus medicamentos y alergias actuales en su panel para que pueda revisarlos antes de una visita.',
  },
  displayFlags: 0,
};

/** Where the records of the scenarios' people are, unless a scenario says otherwise. */
const UNITED_STATES: SimLocation = { country: 'US' };

function demoApplication(now: number, actionUrl: string): SimApplication {
  return {
    id: DEMO_APP_ID,
    name: 'hv-elements Demo Clinic',
    description: 'A demonstration partner site for the hv-elements web components.',
    actionUrl,
    createdAt: now - 900 * DAY_MS,
    // A US clinic: records located elsewhere are RecordLocationNotSupported for it.
    supportedRecordLocations: [UNITED_STATES],
    rules: [
      HEALTH_SUMMARY_RULE,
      {
        name: 'weight',
        optional: true,
        scope: 'online',
        permissions: ['Read', 'Create'],
        thingTypeIds: [ThingType.Weight],
        reason: 'Charts your weight over time and lets you add new readings from the clinic scale.',
        translatedReasons: {
          es: 'Traza su peso a lo largo del tiempo y le permite añadir lecturas de la báscula de la clínica.',
        },
        displayFlags: DisplayFlag.DisplayFirstTime | DisplayFlag.CheckedFirstTime,
      },
      {
        name: 'blood-pressure',
        optional: true,
        scope: 'online',
        permissions: ['Read'],
        thingTypeIds: [ThingType.BloodPressure],
        reason: 'Shows your blood pressure readings next to your medications when you ask for it.',
        translatedReasons: { es: 'Muestra sus lecturas de presión arterial junto a sus medicamentos cuando lo pida.' },
        displayFlags: 0,
      },
      {
        name: 'offline-sync',
        optional: true,
        scope: 'offline',
        permissions: ['Read', 'Create', 'Update'],
        thingTypeIds: [ThingType.Medication, ThingType.Allergy],
        reason:
          'Keeps your medication list up to date after each pharmacy fill, even when you are not signed in to the clinic site.',
        translatedReasons: {
          es: 'Mantiene al día su lista de medicamentos después de cada dispensación en la farmacia, incluso cuando no ha iniciado sesión en el sitio de la clínica.',
        },
        displayFlags: 0,
      },
      {
        name: 'lab-results',
        optional: true,
        scope: 'offline',
        permissions: ['Read'],
        thingTypeIds: [ThingType.LabResults],
        reason: 'Reads your new lab results overnight so your doctor has them at your next visit.',
        translatedReasons: {
          es: 'Lee sus nuevos resultados de laboratorio durante la noche para que su médico los tenga en su próxima visita.',
        },
        displayFlags: DisplayFlag.CheckedDefault,
      },
    ],
  };
}

function otherApplication(now: number): SimApplication {
  return {
    id: OTHER_APP_ID,
    name: 'Activity Tracker (simulated)',
    description: 'Another application registered with the simulated HealthVault.',
    actionUrl: 'https://tracker.example.com/healthvault',
    createdAt: now - 1200 * DAY_MS,
    rules: [
      {
        name: 'activity',
        optional: false,
        scope: 'online',
        permissions: ['Read', 'Create'],
        thingTypeIds: [ThingType.Weight, ThingType.Height],
        reason: 'Records your weight and height to compute your activity goals.',
        displayFlags: 0,
      },
    ],
  };
}

/** Everything `app` currently asks for in its rules named `names`, as a person grants it. */
function grantOf(app: SimApplication, names: readonly string[]): GrantedRule[] {
  return app.rules.filter((rule) => names.includes(rule.name)).map(snapshotRule);
}

class ScenarioBuilder {
  readonly state: SimulatorState;
  readonly demo: SimApplication;

  constructor(
    name: ScenarioName,
    readonly now: number,
    demoActionUrl: string,
  ) {
    this.demo = demoApplication(now, demoActionUrl);
    const other = otherApplication(now);
    this.state = {
      version: STATE_VERSION,
      scenario: name,
      applications: { [this.demo.id]: this.demo, [other.id]: other },
      people: {},
      records: {},
      authorizations: [],
      selectedRecords: {},
      pseudonyms: {},
      userSessions: {},
      proxySessions: {},
      connectRequests: [],
      packages: [],
    };
  }

  record(
    id: string,
    name: string,
    appSpecificRecordId: string,
    state: SimRecord['state'] = 'Active',
    location: SimLocation = UNITED_STATES,
  ): string {
    this.state.records[id] = {
      id,
      name,
      displayName: name.split(' ')[0]!,
      state,
      appSpecificRecordId,
      createdAt: this.now - 700 * DAY_MS,
      updatedAt: this.now - 3 * DAY_MS,
      sizeBytes: 4096 + (Number(appSpecificRecordId) % 50_000),
      location: { ...location },
      things: [],
    };
    return id;
  }

  person(person: SimPerson): void {
    this.state.people[person.id] = person;
  }

  /**
   * The demo application's backend holds a sign-in of `personId` from `signedInAt` until `expiresAt`. Nobody holds
   * that token any more: only a reference to it is kept.
   */
  signedIn(personId: string, signedInAt: number, expiresAt: number): void {
    const tokenHash = randomTokenReference();
    this.state.userSessions[tokenHash] = {
      personId,
      appId: DEMO_APP_ID,
      issuedAt: signedInAt,
      expiresAt,
      signedOut: false,
    };
    this.state.proxySessions[DEMO_APP_ID] = { tokenHash, instanceId: '1', openedAt: signedInAt };
  }

  /** The demo application's pending connect request, created `daysAgo` days ago; `code` written with dashes. */
  connectRequest(code: string, fields: NewConnectRequest, daysAgo: number): void {
    this.state.connectRequests.push({
      ...fields,
      appId: DEMO_APP_ID,
      identityCode: normalizeIdentityCode(code),
      createdAt: this.now - daysAgo * DAY_MS,
      wrongAnswers: 0,
      pickups: [],
    });
  }

  /** A package the demo application dropped off `daysAgo` days ago, waiting to be picked up. */
  dropOff(code: string, fields: NewConnectRequest, items: SimPackageItem[], daysAgo: number): void {
    this.state.packages.push({
      ...fields,
      appId: DEMO_APP_ID,
      identityCode: normalizeIdentityCode(code),
      createdAt: this.now - daysAgo * DAY_MS,
      wrongAnswers: 0,
      items,
    });
  }

  /** `personId` authorized `appId` on `recordId` 120 days ago, until `expiresAt` (never when null). */
  authorize(
    personId: string,
    appId: string,
    recordId: string,
    granted: GrantedRule[],
    expiresAt: number | null = null,
  ): void {
    const authorization: SimAuthorization = {
      personId,
      appId,
      recordId,
      granted,
      createdAt: this.now - 120 * DAY_MS,
      expiresAt,
    };
    this.state.authorizations.push(authorization);
    (this.state.selectedRecords[personId] ??= {})[appId] ??= recordId;
  }
}

function selfAccess(recordId: string) {
  return { recordId, relType: 1, relName: 'Self', custodian: true };
}

const MINUTE_MS = 60 * 1000;

/** Jordan Lee, whose one record fully authorizes the demo application and the other application. */
function returningUser(b: ScenarioBuilder): void {
  const own = b.record('6fbcd469-119e-4c7d-8fa1-48c425d297ee', 'Jordan Lee', '782411');
  b.person({ id: 'jordan', name: 'Jordan Lee', records: [selfAccess(own)] });
  b.authorize('jordan', DEMO_APP_ID, own, grantOf(b.demo, ['health-summary', 'weight']));
  const other = b.state.applications[OTHER_APP_ID]!;
  b.authorize('jordan', OTHER_APP_ID, own, grantOf(other, ['activity']));
}

/** Jordan Lee (see {@link returningUser}), signed in a few minutes ago for the rest of the day. */
function signedInReturningUser(b: ScenarioBuilder): void {
  returningUser(b);
  b.signedIn('jordan', b.now - 5 * MINUTE_MS, b.now + DAY_MS);
}

/**
 * What the demo application's rules covered when it was authorized before its required rule gained Allergy:
 * medications only, online, and (the optional offline rule) offline. A fresh copy for each record.
 */
function grantBeforeAllergy(b: ScenarioBuilder): GrantedRule[] {
  return grantOf(b.demo, ['health-summary', 'offline-sync']).map((rule) => ({
    ...rule,
    thingTypeIds: [ThingType.Medication],
  }));
}

const BUILDERS: Record<ScenarioName, (b: ScenarioBuilder) => void> = {
  'new-user'(b) {
    const own = b.record('155c0240-8495-4301-8394-dc82e5bd3d13', 'Avery Quinn', '1587152');
    b.person({ id: 'avery', name: 'Avery Quinn', records: [selfAccess(own)] });
  },
  'returning-user': returningUser,
  'multi-record'(b) {
    const own = b.record('a7cd6d71-8d0e-40a9-bab9-600ec343f22c', 'Sam Rivera', '741934');
    const child = b.record('6117c554-641b-4142-9414-2c9be65250cf', 'Mia Rivera', '741935');
    const parent = b.record('622e782f-d3ac-405c-a52e-bee00dfa571c', 'Elena Rivera', '741936');
    b.person({
      id: 'sam',
      name: 'Sam Rivera',
      records: [
        selfAccess(own),
        { recordId: child, relType: 5, relName: 'Child', custodian: true },
        { recordId: parent, relType: 8, relName: 'Parent', custodian: true },
      ],
    });
  },
  'reauth-required'(b) {
    const own = b.record('5d3cc0d4-60a6-43fa-b25e-979b343a603f', 'Taylor Morgan', '903117');
    const spouse = b.record('58ae290e-34f5-46eb-b088-7e811aad9f3d', 'Pat Morgan', '903118');
    b.person({
      id: 'taylor',
      name: 'Taylor Morgan',
      records: [selfAccess(own), { recordId: spouse, relType: 3, relName: 'Spouse', custodian: false }],
    });
    b.authorize('taylor', DEMO_APP_ID, own, grantBeforeAllergy(b));
    b.authorize('taylor', DEMO_APP_ID, spouse, grantBeforeAllergy(b));
    // Signed in before the rule changed, so the page sees the records as they are now (a new sign-in would
    // meet the authorization page at once).
    b.signedIn('taylor', b.now - 5 * MINUTE_MS, b.now + DAY_MS);
  },
  'reauth-not-possible'(b) {
    const own = b.record('3c1f5e0a-6d2b-4f7e-9a41-2b8e7d90c6a5', 'Jamie Ortiz', '318804');
    const father = b.record('9e4b2d17-85c3-4a6f-b0d2-71f3c8a5e419', 'Luis Ortiz', '318805');
    b.person({
      id: 'jamie',
      name: 'Jamie Ortiz',
      records: [selfAccess(own), { recordId: father, relType: 8, relName: 'Parent', custodian: false }],
    });
    b.authorize('jamie', DEMO_APP_ID, father, grantBeforeAllergy(b));
    b.signedIn('jamie', b.now - 5 * MINUTE_MS, b.now + DAY_MS);
  },
  revoked(b) {
    const own = b.record('af97cec1-bdc7-46f0-9b84-1fb2cc5dceb8', 'Riley Chen', '1204577');
    b.person({ id: 'riley', name: 'Riley Chen', records: [selfAccess(own)] });
    // Riley signed in a few minutes ago (valid for a day, so a demo can show the revocation at leisure) and has
    // since revoked the demo application's access to every record: no authorization is left.
    b.signedIn('riley', b.now - 5 * MINUTE_MS, b.now + DAY_MS);
  },
  'suspended-record'(b) {
    const own = b.record('d5f3d575-dff6-43cb-95f8-e80146a82d4f', 'Casey Brooks', '655020');
    const archived = b.record('19aca03b-eae7-45fc-a7a8-05ed74816fa0', 'Casey Brooks (archived)', '655021', 'Suspended');
    b.person({
      id: 'casey',
      name: 'Casey Brooks',
      records: [selfAccess(own), { recordId: archived, relType: 1, relName: 'Self', custodian: true }],
    });
    b.authorize('casey', DEMO_APP_ID, own, grantOf(b.demo, ['health-summary']));
    b.authorize('casey', DEMO_APP_ID, archived, grantOf(b.demo, ['health-summary']));
    b.signedIn('casey', b.now - 5 * MINUTE_MS, b.now + DAY_MS);
  },
  'deleted-record'(b) {
    const own = b.record('0b7e4a92-3f1d-4c58-a6e0-d95c2f8b1e37', 'Drew Patel', '472260');
    const old = b.record('e2a8c6f4-91b5-4d03-8e7a-36f0b4d9c21e', 'Drew Patel (old)', '472261', 'Deleted');
    b.person({
      id: 'drew',
      name: 'Drew Patel',
      records: [selfAccess(own), { recordId: old, relType: 1, relName: 'Self', custodian: true }],
    });
    b.authorize('drew', DEMO_APP_ID, own, grantOf(b.demo, ['health-summary']));
    b.authorize('drew', DEMO_APP_ID, old, grantOf(b.demo, ['health-summary']));
    b.signedIn('drew', b.now - 5 * MINUTE_MS, b.now + DAY_MS);
  },
  'read-only-record'(b) {
    const own = b.record('7d25f9b3-0c6e-48a1-b3f7-5e9a1c4d8b62', 'Alex Kim', '560913');
    const child = b.record('c4e1a7d8-2b93-4f6c-8d05-a1b7e3f92c40', 'Noah Kim', '560914', 'ReadOnly');
    b.person({
      id: 'alex',
      name: 'Alex Kim',
      records: [selfAccess(own), { recordId: child, relType: 5, relName: 'Child', custodian: true }],
    });
    b.authorize('alex', DEMO_APP_ID, own, grantOf(b.demo, ['health-summary']));
    b.authorize('alex', DEMO_APP_ID, child, grantOf(b.demo, ['health-summary']));
    b.signedIn('alex', b.now - 5 * MINUTE_MS, b.now + DAY_MS);
  },
  'token-expired'(b) {
    returningUser(b);
    // A 20-minute token (the simulator's default lifetime) issued 25 minutes ago: over for 5 minutes.
    b.signedIn('jordan', b.now - 25 * MINUTE_MS, b.now - 5 * MINUTE_MS);
  },
  'proxy-down'(b) {
    signedInReturningUser(b);
    b.state.proxy = { kind: 'down' };
  },
  'proxy-slow'(b) {
    signedInReturningUser(b);
    b.state.proxy = { kind: 'slow', delayMs: 3000 };
  },
  'proxy-unresponsive'(b) {
    signedInReturningUser(b);
    b.state.proxy = { kind: 'unresponsive' };
  },
  'authorization-required'(b) {
    const own = b.record('285dcb8d-71ba-4188-aea7-8f78cfa407cc', 'Robin Hayes', '836102');
    const son = b.record('f151a23c-82c0-43ca-9aaf-0b7d7619cfcd', 'Leo Hayes', '836103');
    const partner = b.record('abe09eb1-f52e-4109-8151-04b9d1166275', 'Chris Hayes', '836104');
    const parentOfLeo = { recordId: son, relType: 14, relName: 'Son', custodian: true };
    b.person({ id: 'robin', name: 'Robin Hayes', records: [selfAccess(own), { ...parentOfLeo }] });
    b.person({ id: 'chris', name: 'Chris Hayes', records: [selfAccess(partner), { ...parentOfLeo }] });
    b.authorize('robin', DEMO_APP_ID, own, grantOf(b.demo, ['health-summary']));
    // Chris's authorization puts Leo's record among the demo application's records; Robin never granted it anything.
    b.authorize('chris', DEMO_APP_ID, son, grantOf(b.demo, ['health-summary']));
    b.signedIn('robin', b.now - 5 * MINUTE_MS, b.now + DAY_MS);
  },
  'location-not-supported'(b) {
    const own = b.record('a589d5b6-ec77-4b98-b59a-996ae3505474', 'Priya Shah', '247519');
    const mother = b.record('d4a9579e-e813-4f74-a29e-f9e1bdb4443c', 'Asha Shah', '247520', 'Active', {
      country: 'CA',
      stateProvince: 'ON',
    });
    b.person({
      id: 'priya',
      name: 'Priya Shah',
      records: [selfAccess(own), { recordId: mother, relType: 8, relName: 'Parent', custodian: true }],
    });
    // Both granted while Asha still lived in the US; her record's location changed since.
    b.authorize('priya', DEMO_APP_ID, own, grantOf(b.demo, ['health-summary']));
    b.authorize('priya', DEMO_APP_ID, mother, grantOf(b.demo, ['health-summary']));
    b.signedIn('priya', b.now - 5 * MINUTE_MS, b.now + DAY_MS);
  },
  'offline-access'(b) {
    const own = b.record('85973be9-dd66-4277-a3f2-40061a29051d', 'Kai Nakamura', '1093348');
    b.person({ id: 'kai', name: 'Kai Nakamura', records: [selfAccess(own)] });
    // No sign-in: only the offline rule lets the application in, until the authorization lapses.
    b.authorize('kai', DEMO_APP_ID, own, grantOf(b.demo, ['health-summary', 'offline-sync']), b.now + 14 * DAY_MS);
  },
  'offline-granted'(b) {
    const own = b.record('5b0f8e2c-3d71-4a69-9c84-7e2a1f6d3b90', 'Mei Tanaka', '1093351');
    b.person({ id: 'mei', name: 'Mei Tanaka', records: [selfAccess(own)] });
    b.authorize('mei', DEMO_APP_ID, own, grantOf(b.demo, ['health-summary', 'offline-sync']), b.now + 14 * DAY_MS);
    b.signedIn('mei', b.now - 5 * MINUTE_MS, b.now + DAY_MS);
  },
  'connect-request'(b) {
    morgansConnectRequest(b, 2);
  },
  'connect-request-expired'(b) {
    morgansConnectRequest(b, 29);
  },
  'pickup-package'(b) {
    const own = b.record('e8b35d1c-4f92-4a06-8c7d-2a19f5e0b643', 'Dana Whitfield', '1120751');
    b.person({ id: 'dana', name: 'Dana Whitfield', records: [selfAccess(own)] });
    const visit = b.now - 4 * DAY_MS;
    b.dropOff(
      'PKGD-WNRT-XBQV-MZLH-CJSY',
      {
        friendlyName: 'Results of your visit',
        question: 'In which city were you born?',
        answer: 'Lisbon',
        externalId: 'MRN-2002',
      },
      [
        {
          typeId: ThingType.LabResults,
          summary: 'Lipid panel: total cholesterol 182 mg/dL, LDL 96 mg/dL, HDL 58 mg/dL',
          effectiveAt: visit,
        },
        { typeId: ThingType.BloodPressure, summary: 'Blood pressure: 118/76 mmHg, pulse 64', effectiveAt: visit },
      ],
      3,
    );
  },
};

/** Morgan Blake, who has a record and never authorized the demo application, and the clinic's request for them. */
function morgansConnectRequest(b: ScenarioBuilder, daysAgo: number): void {
  const own = b.record('0c6f2a8e-5b41-4d7a-9e13-b8d4f7c2a915', 'Morgan Blake', '1120734');
  b.person({ id: 'morgan', name: 'Morgan Blake', records: [selfAccess(own)] });
  b.connectRequest(
    'KZTR-MVNP-QDWX-HLBC-JRSF',
    {
      friendlyName: 'Morgan Blake',
      question: 'What was the name of your first pet?',
      answer: 'Biscuit',
      externalId: 'MRN-1001',
    },
    daysAgo,
  );
}

/** A fresh state for scenario `name`. */
export function buildScenario(name: ScenarioName, options: ScenarioOptions): SimulatorState {
  if (!isScenarioName(name)) {
    throw new Error(`Unknown simulator scenario "${String(name)}"; known: ${SCENARIO_NAMES.join(', ')}`);
  }
  const builder = new ScenarioBuilder(name, options.now, options.demoActionUrl ?? DEMO_ACTION_URL);
  BUILDERS[name](builder);
  return builder.state;
}
