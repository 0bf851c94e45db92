// Every story of the showcase, element by element: live ones on the page's simulated HealthVault (a scenario, which
// opening the story starts), and previews that show one state of an element on a simulated HealthVault of their own.
import { DEMO_APP_ID, type ScenarioName, type Simulator } from '../../src/mock/index.js';

export interface Preview {
  /** The custom state the element shows (`:state(…)`), as the preview's label names it; none for its plain state. */
  state?: string;
  /** What the preview's own simulated HealthVault plays. */
  scenario: ScenarioName;
  /** Changes that platform before the element asks it (a connection a patient made, say). */
  prepare?: (simulator: Simulator) => void;
  /** Does what a person would to bring the element to the state (fill a form and send it). */
  act?: (element: HTMLElement) => void;
}

export interface Story {
  /** Its name in the deep link: `#/{tag}/{id}`. */
  id: string;
  title: string;
  /** What a newcomer sees and can try here. */
  description: string;
  /** A live story: the page's simulated HealthVault plays this scenario when the story opens. */
  scenario?: ScenarioName;
  preview?: Preview;
  /** The element's attributes, over the ones every story of the element starts with. */
  attributes?: Readonly<Record<string, string | boolean>>;
  /** Slot name ('' for the default slot) → its text. */
  slots?: Readonly<Record<string, string>>;
}

export interface ElementStories {
  tagName: string;
  /** What the element is for, in a line (the manifest has the long description). */
  summary: string;
  /** The elements it holds (hv-config holds what it configures). */
  children?: string;
  stories: readonly Story[];
}

/** A code field the person has typed into and left: what it does with `text`. */
function typeCode(text: string) {
  return (element: HTMLElement) => {
    const input = element.shadowRoot?.querySelector('input');
    if (!input) return;
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };
}

/**
 * The connect button clicked, with the page kept here: it shows what it shows between a click and the Shell's page
 * (for ten seconds, as when that page is slow to come). The preview holds back the link's navigation only.
 */
function clickWithoutLeaving(element: HTMLElement): void {
  element.addEventListener(
    'hv-connect',
    () => document.addEventListener('click', (event) => event.preventDefault(), { once: true }),
    { once: true },
  );
  element.shadowRoot?.querySelector<HTMLElement>('a[part="button"]')?.click();
}

/** Staff fill the connect-request form and send it. */
function sendConnectRequest(element: HTMLElement): void {
  const form = element.shadowRoot?.querySelector('form');
  if (!form) return;
  const values: Record<string, string> = {
    friendlyName: 'Avery Quinn',
    externalId: 'MRN-42',
    question: 'Name of your first pet?',
    answer: 'Biscuit',
  };
  for (const input of form.querySelectorAll('input')) {
    input.value = values[input.name] ?? '';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  form.requestSubmit();
}

/** Morgan Blake picks up the `connect-request` scenario's request, as the Shell's CONNECT does. */
function morganConnects(simulator: Simulator): void {
  const morgan = simulator.shell.people().find((person) => person.name === 'Morgan Blake')!;
  const [record] = simulator.shell.records(morgan.id, DEMO_APP_ID);
  simulator.shell.acceptConnectRequest({
    identityCode: 'KZTRMVNPQDWXHLBCJRSF',
    answer: 'Biscuit',
    personId: morgan.id,
    recordId: record!.id,
  });
}

/** The badge in `state` on a simulated HealthVault playing `scenario`. */
const badgeState = (state: string, scenario: ScenarioName, description: string): Story => ({
  id: state,
  title: state.replaceAll('-', ' '),
  description,
  preview: { state, scenario },
});

export const ELEMENT_STORIES: readonly ElementStories[] = [
  {
    tagName: 'hv-connect-button',
    summary: 'Signs a person in on the HealthVault Shell and brings them back authorized.',
    stories: [
      {
        id: 'redirect',
        title: 'Connect (redirect)',
        description:
          'Press the button, sign in as Avery Quinn on the simulated Shell, approve, and come back here connected. Cancel on the Shell to see hv-denied.',
        scenario: 'new-user',
      },
      {
        id: 'returning-user',
        title: 'A returning user',
        description: 'Jordan Lee already authorized the application: the Shell sends them straight back.',
        scenario: 'returning-user',
      },
      {
        id: 'popup',
        title: 'Connect in a popup',
        description: 'mode="popup": the Shell opens in a popup and this page stays; close the popup to see hv-denied.',
        scenario: 'new-user',
        attributes: { mode: 'popup' },
      },
      {
        id: 'multi-record',
        title: 'Several records',
        description: 'Sam Rivera keeps three records; with multi-record the Shell lets Sam authorize more than one.',
        scenario: 'multi-record',
        attributes: { 'multi-record': true },
      },
      {
        id: 'optional-rules',
        title: 'Optional rules',
        description: "The Shell offers the application's optional rules named here, with their reasons.",
        scenario: 'new-user',
        attributes: { 'optional-online-rules': 'blood-pressure', 'optional-offline-rules': 'lab-results' },
      },
      {
        id: 'custom-label',
        title: 'Your own label and colours',
        description: 'The label is the default slot; CSS custom properties restyle the button.',
        scenario: 'new-user',
        slots: { '': 'Link my HealthVault record' },
      },
      {
        id: 'pending',
        title: 'On the way to the Shell',
        description: 'Just pressed: the button is busy and says HealthVault is opening, until the Shell’s page comes.',
        preview: { state: 'pending', scenario: 'new-user', act: clickWithoutLeaving },
      },
      {
        id: 'connected',
        title: 'Connected',
        description: 'Someone is connected: the button says who instead of offering the link.',
        preview: { state: 'authorized', scenario: 'offline-granted' },
      },
      {
        id: 'invalid-config',
        title: 'Invalid configuration',
        description: 'An app-id that is not a GUID: the button says what is wrong instead of linking anywhere.',
        preview: { state: 'invalid', scenario: 'new-user' },
        attributes: { 'app-id': 'not-a-guid' },
      },
    ],
  },
  {
    tagName: 'hv-auth-status',
    summary: "Shows whether the application can reach the person's records, and what to do when it cannot.",
    stories: [
      {
        id: 'connect',
        title: 'Connect from the badge',
        description:
          'Nobody is connected: the badge offers to connect. Try it, then reload: the badge stays connected.',
        scenario: 'new-user',
      },
      {
        id: 'reauthorize',
        title: 'A record to authorize again',
        description:
          "Taylor Morgan's record needs approval again: the badge leads to the Shell's APPAUTH for that record.",
        scenario: 'reauth-required',
      },
      badgeState('checking', 'proxy-unresponsive', 'The proxy has not answered yet.'),
      badgeState('not-connected', 'new-user', 'Nobody is signed in to the application.'),
      badgeState(
        'connected',
        'offline-granted',
        'Mei Tanaka is connected, and the application may also use her record offline.',
      ),
      badgeState('read-only', 'read-only-record', 'One record is read-only: readable, not writable.'),
      badgeState('reauth-required', 'reauth-required', 'The application asks for more than the person approved.'),
      badgeState('authorization-required', 'authorization-required', 'A shared record was never authorized by them.'),
      badgeState('reauth-not-possible', 'reauth-not-possible', 'The person may only view the record now.'),
      badgeState('location-not-supported', 'location-not-supported', 'The record moved where the app cannot go.'),
      badgeState('suspended', 'suspended-record', 'One record is suspended.'),
      badgeState('deleted', 'deleted-record', 'One record was deleted.'),
      badgeState('revoked', 'revoked', 'The person revoked the application’s access.'),
      badgeState('expired', 'token-expired', 'The sign-in the proxy holds has expired.'),
      badgeState('unreachable', 'proxy-down', 'The proxy answers HTTP 503.'),
      {
        id: 'compact',
        title: 'compact',
        description: 'The compact badge: the sign and the state’s name only.',
        preview: { state: 'connected', scenario: 'offline-granted' },
        attributes: { compact: true },
      },
    ],
  },
  {
    tagName: 'hv-optional-rule-prompt',
    summary: 'Asks a signed-in person for optional access, in their words, only while it is not granted.',
    stories: [
      {
        id: 'ask',
        title: 'Ask for optional rules',
        description:
          'Connect as Jordan Lee (the button is on the badge’s story, or use the walk-through), then come back: the prompt asks for blood pressure and lab results.',
        scenario: 'returning-user',
        attributes: { rule: 'blood-pressure lab-results' },
      },
      {
        id: 'signed-out',
        title: 'Nobody signed in',
        description: 'The prompt says what to do first.',
        preview: { state: 'signed-out', scenario: 'new-user' },
        attributes: { rule: 'blood-pressure' },
      },
      {
        id: 'asking',
        title: 'Asking',
        description: 'Mei Tanaka has not granted blood pressure yet: the prompt asks, with the rule’s reason.',
        preview: { state: 'asking', scenario: 'offline-granted' },
        attributes: { rule: 'blood-pressure' },
      },
      {
        id: 'granted',
        title: 'Granted',
        description: 'Everything asked for is granted; show-granted says so quietly instead of showing nothing.',
        preview: { state: 'granted', scenario: 'offline-granted' },
        attributes: { rule: 'offline-sync', 'show-granted': true },
      },
      {
        id: 'invalid',
        title: 'Invalid rule name',
        description: 'A rule the application does not have: the prompt says so.',
        preview: { state: 'invalid', scenario: 'offline-granted' },
        attributes: { rule: 'no-such-rule' },
      },
    ],
  },
  {
    tagName: 'hv-pickup-code-entry',
    summary: 'Where a patient types the identity code a clinic handed them.',
    stories: [
      {
        id: 'connect',
        title: 'A connect request',
        description:
          'Type KZTR-MVNP-QDWX-HLBC-JRSF (any case, dashes or not), sign in as Morgan Blake, answer Biscuit. The Shell returns to the application’s page.',
        scenario: 'connect-request',
      },
      {
        id: 'pickup',
        title: 'A drop-off package',
        description: 'kind="pickup": type PKGD-WNRT-XBQV-MZLH-CJSY, sign in as Dana Whitfield, answer Lisbon.',
        scenario: 'pickup-package',
        attributes: { kind: 'pickup' },
      },
      {
        id: 'invalid',
        title: 'A code that cannot be right',
        description: 'Too short: the field says what is wrong, never repeating the code.',
        preview: { state: 'invalid', scenario: 'connect-request', act: typeCode('KZTR-MVNP') },
      },
    ],
  },
  {
    tagName: 'hv-connect-request-form',
    summary: 'For staff: creates a Patient Connect request and prints the code for the patient.',
    stories: [
      {
        id: 'create',
        title: 'Create a request',
        description: 'Fill it in as staff at the desk would: the code, a link and a hand-out to print come back.',
        scenario: 'new-user',
      },
      {
        id: 'busy',
        title: 'Sending',
        description: 'The proxy has not answered yet.',
        preview: { state: 'busy', scenario: 'proxy-unresponsive', act: sendConnectRequest },
      },
      {
        id: 'created',
        title: 'Created',
        description: 'The request exists: the code, the link and the hand-out.',
        preview: { state: 'created', scenario: 'new-user', act: sendConnectRequest },
      },
    ],
  },
  {
    tagName: 'hv-connect-request-list',
    summary: 'For staff: who picked up a connect request, polled from HealthVault.',
    stories: [
      {
        id: 'poll',
        title: 'Patients who connected',
        description:
          'Morgan Blake’s request is pending: pick it up on the hv-pickup-code-entry story (or the walk-through) and come back.',
        scenario: 'connect-request',
        attributes: { 'poll-seconds': '10' },
      },
      {
        id: 'connections',
        title: 'A connection',
        description: 'Morgan Blake picked up the request: the list shows who, and which record.',
        preview: { scenario: 'connect-request', prepare: morganConnects },
      },
      {
        id: 'polling',
        title: 'Asking',
        description: 'The proxy has not answered the poll yet.',
        preview: { state: 'polling', scenario: 'proxy-unresponsive' },
      },
      {
        id: 'failed',
        title: 'The proxy fails',
        description: 'The proxy answers HTTP 503: the list says so and offers to try again.',
        preview: { state: 'failed', scenario: 'proxy-down' },
      },
    ],
  },
  {
    tagName: 'hv-config',
    summary: 'Gives every element inside it the application id, the Shell, the proxy and the language.',
    children: 'hv-connect-button',
    stories: [
      {
        id: 'provide',
        title: 'Configure what is inside',
        description: 'The connect button inside takes its configuration from here; its own attributes would win.',
        scenario: 'new-user',
      },
    ],
  },
];

/** The story `id` of element `tagName`, if there is one. */
export function findStory(tagName: string, id: string): { element: ElementStories; story: Story } | undefined {
  const element = ELEMENT_STORIES.find((candidate) => candidate.tagName === tagName);
  const story = element?.stories.find((candidate) => candidate.id === id);
  return element && story ? { element, story } : undefined;
}
