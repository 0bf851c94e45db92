// What happens on the page the Shell returns to, and in the popup: loaded only when there is a Shell return or
// a popup, so the proxy client and the decoders stay out of the first download.
import { HvError, type HvErrorCode } from '../core/errors.js';
import {
  consumeRoundTripState,
  parseShellReturn,
  SHELL_STARTED_TARGETS,
  type ShellReturn,
  type ShellReturnTarget,
  type StateStore,
} from '../core/shell/index.js';
import { flowOf, STATE_PARAM } from '../core/shell/round-trip-params.js';
import type { PlatformClient } from '../transport/platform-client.js';
import { clientFor } from './clients.js';
import { proxyFor, readPerson } from './connection.js';
import { KIT_REQUEST_HEADER, type HvProxy } from '../transport/proxy.js';
import { RETURN_PATH_PARAM } from '../core/shell/round-trip-ledger.js';
import { dispatchHvEvent, type HvAuthorizedDetail, type HvDeniedDetail } from './events.js';
import { POPUP_WINDOW_NAME } from './popup-name.js';
import { takeShellReturn } from './take-shell-return.js';

/** What became of a Shell return. */
export type ShellReturnOutcome =
  | { kind: 'authorized'; detail: HvAuthorizedDetail }
  | { kind: 'denied'; detail: HvDeniedDetail }
  | { kind: 'error'; error: HvError }
  /** A return this kit does not act on (SignOut, Help, ShareRecordSuccess, …): handed to the page as is. */
  | { kind: 'other'; target: ShellReturnTarget; action?: string };

/** A Shell return whose state checked out, waiting for a proxy to complete it. */
export type CapturedShellReturn =
  | {
      kind: 'pending';
      target: HvAuthorizedDetail['target'];
      /** The user token from the return URL (trm=Get). */
      wctoken?: string;
      instanceId?: string;
      /** trm=Post: the flow's state, with which this page claims the token the proxy parked (no `wctoken` then). */
      claim?: string;
      action?: string;
    }
  | ShellReturnOutcome;

export interface HandleShellReturnOptions {
  /** The proxy that receives the user token and answers GetPersonInfo, or its URL. */
  proxy: HvProxy | string;
  /** The page's session, `getSession(appId, proxy)`: it, and every element following it, learn the outcome. */
  session?: Pick<ReturnSession, 'settle'>;
  /** Where the `hv-authorized`, `hv-denied` and `hv-error` events go; the document when absent. */
  eventTarget?: EventTarget;
  /** Where the round-trip state lives; sessionStorage when absent. */
  store?: StateStore;
  signal?: AbortSignal;
}

/**
 * What the return code needs of the page's session (an `HvSession`). Named here rather than imported: the session
 * is the one that loads this module.
 */
export interface ReturnSession {
  readonly proxy: HvProxy | string;
  connecting(): void;
  settle(outcome: ShellReturnOutcome): void;
  refresh(): Promise<unknown>;
}

export function asHvError(error: unknown): HvError {
  if (error instanceof HvError) return error;
  return new HvError('invalid-shell-return', `The Shell return could not be processed: ${String(error)}`, {
    cause: error,
  });
}

/**
 * Reads the Shell return in `query` (as `takeShellReturn` gave it) and checks its round-trip state. A target the
 * Shell starts by itself (Privacy, SignOut, …) carries no state and is handed over as it is. Returns undefined
 * when the query holds no return target; a refused state or an unknown target is an error outcome.
 */
export function captureShellReturn(query: string, store?: StateStore): CapturedShellReturn | undefined {
  try {
    const shellReturn = parseShellReturn(query);
    if (!shellReturn) return undefined;
    const { target, wctoken, instanceId, actionqs } = shellReturn;
    if (SHELL_STARTED_TARGETS.includes(target.toLowerCase()) && flowOf(actionqs) === null) {
      return { kind: 'other', target };
    }
    const { appData: action } = consumeRoundTripState(actionqs, store ? { store } : undefined);
    switch (target) {
      case 'AppAuthSuccess':
      case 'SelectedRecordChanged': {
        // The token went to the proxy's action URL (trm=Post), which parked it and sent the browser here.
        const claim = !wctoken && new URLSearchParams(actionqs).has(RETURN_PATH_PARAM) ? flowOf(actionqs) : null;
        if (claim) return { kind: 'pending', target, claim, action };
        if (!wctoken) throw new HvError('invalid-shell-return', `The Shell returned ${target} without a user token.`);
        return { kind: 'pending', target, wctoken, instanceId, action };
      }
      case 'AppAuthReject':
        return { kind: 'denied', detail: { reason: 'rejected', action } };
      case 'AppAuthInvalidRecord':
        throw new HvError('invalid-shell-return', 'HealthVault did not recognize the record this page asked for.');
      case 'AppAuthFailure':
        throw new HvError('invalid-shell-return', 'HealthVault could not complete the authorization.', {
          retryable: true,
        });
      default:
        return { kind: 'other', target, action };
    }
  } catch (error) {
    return { kind: 'error', error: asHvError(error) };
  }
}

const CLAIM_TIMEOUT_MS = 20_000;

/**
 * trm=Post: asks the proxy at `proxy` (a proxy URL, or a `FetchProxy`) to start this browser's session with the
 * token it parked for round trip `claim` (`POST {proxy-url}/session`, `{"claim": …}`). The proxy hands it over
 * only with its parking cookie, set on the way back from the Shell, and this tab's state.
 */
async function claimParkedSignIn(
  proxy: HvProxy | string | undefined,
  claim: string,
  signal?: AbortSignal,
): Promise<void> {
  const base =
    typeof proxy === 'string' ? proxy.replace(/\/+$/, '') : (proxy as { baseUrl?: string } | undefined)?.baseUrl;
  if (base === undefined) {
    throw new HvError('invalid-config', 'trm=Post needs a proxy-url: its proxy parks the token the Shell posts.');
  }
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), CLAIM_TIMEOUT_MS);
  const abort = () => timeout.abort();
  signal?.addEventListener('abort', abort);
  let response: Response;
  try {
    response = await fetch(`${base}/session`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', [KIT_REQUEST_HEADER.name]: KIT_REQUEST_HEADER.value },
      body: JSON.stringify({ claim }),
      signal: timeout.signal,
    });
  } catch (error) {
    if (signal?.aborted) throw new HvError('aborted', 'The sign-in was aborted.', { cause: error });
    const code = timeout.signal.aborted ? 'timeout' : 'network';
    throw new HvError(code, `Could not reach the HealthVault proxy at ${base}/session for the sign-in.`, {
      cause: error,
      retryable: true,
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
  if (!response.ok) {
    throw new HvError('http', `The HealthVault proxy has no sign-in parked for this page (HTTP ${response.status}).`);
  }
}

/** Hands the user token to the proxy (or claims the one it parked, trm=Post) and reads the person it belongs to. */
export async function completeShellReturn(
  captured: CapturedShellReturn,
  client: PlatformClient,
  signal?: AbortSignal,
  proxy?: HvProxy | string,
): Promise<ShellReturnOutcome> {
  if (captured.kind !== 'pending') return captured;
  const { target, wctoken, instanceId, claim, action } = captured;
  try {
    if (claim) {
      client.invalidate();
      await claimParkedSignIn(proxy, claim, signal);
      client.invalidate();
    } else await client.signIn({ wctoken: wctoken ?? '', instanceId }, signal);
    return { kind: 'authorized', detail: { target, person: await readPerson(client.proxy, signal), action } };
  } catch (error) {
    return { kind: 'error', error: asHvError(error) };
  }
}

/**
 * Completes the Shell return in `query` for the page's `session`: checks it, hands the token over, settles the
 * session and then (once the page's own scripts have run, so their listeners hear them) fires the events on
 * `eventTarget`, or relays the outcome to the opener inside the popup.
 */
export async function completeShellReturnOf(
  session: ReturnSession,
  query: string,
  eventTarget: EventTarget,
): Promise<void> {
  const captured = captureShellReturn(query);
  let outcome: ShellReturnOutcome | undefined;
  if (captured?.kind === 'pending') {
    session.connecting();
    outcome = await completeShellReturn(captured, clientFor(session.proxy), undefined, session.proxy);
  } else {
    outcome = captured;
  }
  await pageScriptsRan();
  // The state first, so that listeners of the events read the session as it now is.
  if (!outcome) return void session.refresh();
  session.settle(outcome);
  // An element replaced while the return was completed would take the events with it.
  deliverShellReturn(outcome, (eventTarget as Partial<Node>).isConnected === false ? document : eventTarget, query);
}

/**
 * Resolves once the page's own scripts have run, so that the listeners they add hear the return's events: the
 * kit can settle a return before a partner script placed after the kit's has run.
 */
function pageScriptsRan(): Promise<void> {
  return new Promise((resolve) => {
    const afterTask = () => setTimeout(resolve);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterTask, { once: true });
    else afterTask();
  });
}

/**
 * Processes a Shell return on this page, if there is one: takes it off the address bar, checks its state,
 * completes it through the proxy and fires `hv-authorized`, `hv-denied` or `hv-error` (on `eventTarget`, else
 * the document). Inside the connect button's popup it relays the outcome to the opener instead and closes the
 * popup. Resolves undefined on a normal page load. The connect button does all this by itself unless it has
 * `manual-return`.
 */
export async function handleShellReturn(options: HandleShellReturnOptions): Promise<ShellReturnOutcome | undefined> {
  const query = takeShellReturn();
  if (query === undefined) return undefined;
  const captured = captureShellReturn(query, options.store);
  if (!captured) return undefined;
  let outcome: ShellReturnOutcome;
  try {
    outcome = await completeShellReturn(captured, clientFor(options.proxy), options.signal, options.proxy);
  } catch (error) {
    outcome = { kind: 'error', error: asHvError(error) };
  }
  // The page's session (and the elements following it) learn the outcome too.
  options.session?.settle(outcome);
  deliverShellReturn(outcome, options.eventTarget ?? document, query);
  return outcome;
}

/**
 * Fires the outcome's event on `target`, or, inside the connect button's popup, tells the opener how its flow ended
 * and closes the popup. `query` is the return's query, which names the flow.
 */
export function deliverShellReturn(outcome: ShellReturnOutcome, target: EventTarget, query = ''): void {
  const opener = popupOpener();
  const flow = flowOf(parseShellReturnQuietly(query)?.actionqs);
  if (opener && flow) {
    // Only to this origin, and without the person's data: the opener reads the person from its proxy itself.
    opener.postMessage(toMessage(outcome, flow), location.origin);
    window.close();
    return;
  }
  if (outcome.kind === 'authorized') dispatchHvEvent(target, 'hv-authorized', outcome.detail);
  else if (outcome.kind === 'denied') dispatchHvEvent(target, 'hv-denied', outcome.detail);
  else if (outcome.kind === 'error') dispatchHvEvent(target, 'hv-error', { error: outcome.error });
  else dispatchHvEvent(target, 'hv-shell-return', { target: outcome.target, action: outcome.action });
}

function parseShellReturnQuietly(query: string): ShellReturn | undefined {
  try {
    return parseShellReturn(query);
  } catch {
    return undefined;
  }
}

/**
 * The page that opened this window as the connect button's popup, when it is one of this origin. A page of
 * another site that names its window like the popup gets nothing; an opener cut off by
 * `Cross-Origin-Opener-Policy` leaves the return to complete in this window, as after a redirect.
 */
function popupOpener(): Window | undefined {
  try {
    const opener = window.opener as Window | null;
    if (window.name === POPUP_WINDOW_NAME && opener?.location.origin === location.origin) return opener;
  } catch {
    // Reading a cross-origin opener's location throws: not our popup.
  }
  return undefined;
}

const POPUP_MESSAGE = 'hv-elements:popup-outcome';

/** What the popup posts to its opener: the flow and how it ended, never the person's data. */
type PopupMessage = { type: typeof POPUP_MESSAGE; flow: string } & (
  | { kind: 'authorized'; target: HvAuthorizedDetail['target']; action?: string }
  | { kind: 'denied'; reason: HvDeniedDetail['reason']; action?: string }
  | { kind: 'error'; code: HvErrorCode; message: string; retryable: boolean }
  | { kind: 'other'; target: ShellReturnTarget; action?: string }
);

function toMessage(outcome: ShellReturnOutcome, flow: string): PopupMessage {
  const head = { type: POPUP_MESSAGE, flow } as const;
  switch (outcome.kind) {
    case 'authorized':
      return { ...head, kind: 'authorized', target: outcome.detail.target, action: outcome.detail.action };
    case 'denied':
      return { ...head, kind: 'denied', reason: outcome.detail.reason, action: outcome.detail.action };
    case 'error': {
      const { code, message, retryable } = outcome.error;
      return { ...head, kind: 'error', code, message, retryable };
    }
    default:
      return { ...head, kind: 'other', target: outcome.target, action: outcome.action };
  }
}

const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/** `data` as a popup message of `flow`, or undefined when it is anything else. */
function readMessage(data: unknown, flow: string): PopupMessage | undefined {
  const message = data as Partial<Record<string, unknown>> | null;
  if (message?.type !== POPUP_MESSAGE || message.flow !== flow || !optionalString(message.action)) return undefined;
  const valid =
    message.kind === 'authorized'
      ? message.target === 'AppAuthSuccess' || message.target === 'SelectedRecordChanged'
      : message.kind === 'denied'
        ? message.reason === 'rejected'
        : message.kind === 'error'
          ? typeof message.code === 'string' && typeof message.message === 'string'
          : message.kind === 'other' && typeof message.target === 'string';
  return valid ? (message as PopupMessage) : undefined;
}

/**
 * Resolves with the outcome of round trip `flow` that `popup` posts back, or undefined when the popup closed
 * without one. Only a message from that window, of this origin, of this flow counts. The opener's copy of the
 * round-trip state is used up as well, so the same return cannot be replayed in this tab; an authorized person is
 * read through `proxy`, the source of truth, not taken from the message.
 */
export function awaitPopupOutcome(
  popup: Window,
  flow: string,
  proxy: { proxy: HvProxy | string } | undefined,
  pollMs = 400,
): Promise<ShellReturnOutcome | undefined> {
  return new Promise((resolve) => {
    const finish = (outcome: ShellReturnOutcome | undefined) => {
      clearInterval(timer);
      removeEventListener('message', onMessage);
      resolve(outcome);
    };
    const onMessage = (event: MessageEvent) => {
      const message = event.source === popup && event.origin === location.origin && readMessage(event.data, flow);
      if (!message) return;
      // The popup closes itself once it has told us: that is no longer the person closing it.
      clearInterval(timer);
      removeEventListener('message', onMessage);
      try {
        consumeRoundTripState(`${STATE_PARAM}=${encodeURIComponent(flow)}`);
      } catch {
        // Already used up or expired here: all that matters is that it is gone.
      }
      void fromMessage(message, proxy).then(resolve);
    };
    addEventListener('message', onMessage);
    // The message may land just after the popup closes itself, so a closed popup gets one more poll of grace.
    let closedPolls = 0;
    const timer = setInterval(() => {
      if (popup.closed && ++closedPolls > 1) finish(undefined);
    }, pollMs);
  });
}

async function fromMessage(
  message: PopupMessage,
  proxy: { proxy: HvProxy | string } | undefined,
): Promise<ShellReturnOutcome> {
  switch (message.kind) {
    case 'authorized':
      try {
        if (!proxy) throw new HvError('invalid-config', 'The connect button has no proxy to read the person from.');
        const person = await readPerson(proxyFor(proxy.proxy));
        return { kind: 'authorized', detail: { target: message.target, person, action: message.action } };
      } catch (error) {
        return { kind: 'error', error: asHvError(error) };
      }
    case 'denied':
      return { kind: 'denied', detail: { reason: message.reason, action: message.action } };
    case 'error':
      return { kind: 'error', error: new HvError(message.code, message.message, { retryable: message.retryable }) };
    default:
      return { kind: 'other', target: message.target, action: message.action };
  }
}
