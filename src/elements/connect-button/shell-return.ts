// What happens on the page the Shell returns to, and in the popup: loaded only when there is a Shell return or
// a popup, so the proxy client and the decoders stay out of the first download.
import { HvError, type HvErrorCode } from '../../core/errors.js';
import { decodePersonInfo, getPersonInfoRequest, Methods } from '../../core/platform/index.js';
import {
  consumeRoundTripState,
  parseShellReturn,
  type ShellReturnTarget,
  type StateStore,
} from '../../core/shell/index.js';
import { FetchProxy } from '../../transport/fetch-proxy.js';
import type { HvProxy } from '../../transport/proxy.js';
import { dispatchHvEvent, type HvAuthorizedDetail, type HvDeniedDetail } from '../internal/events.js';
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
  | { kind: 'pending'; target: HvAuthorizedDetail['target']; wctoken: string; instanceId?: string; action?: string }
  | ShellReturnOutcome;

export interface HandleShellReturnOptions {
  /** The proxy that receives the user token and answers GetPersonInfo, or its URL. */
  proxy: HvProxy | string;
  /** Where the `hv-authorized`, `hv-denied` and `hv-error` events go; the document when absent. */
  eventTarget?: EventTarget;
  /** Where the round-trip state lives; sessionStorage when absent. */
  store?: StateStore;
  signal?: AbortSignal;
}

const POPUP_CHANNEL = 'hv-elements:popup-return';

export function asHvError(error: unknown): HvError {
  if (error instanceof HvError) return error;
  return new HvError('invalid-shell-return', `The Shell return could not be processed: ${String(error)}`, {
    cause: error,
  });
}

/**
 * Reads the Shell return in `query` (as `takeShellReturn` gave it) and checks its round-trip state. Returns
 * undefined when the query holds no return target; a refused state or an unknown target is an error outcome.
 */
export function captureShellReturn(query: string, store?: StateStore): CapturedShellReturn | undefined {
  try {
    const shellReturn = parseShellReturn(query);
    if (!shellReturn) return undefined;
    const { appData: action } = consumeRoundTripState(shellReturn.actionqs, store ? { store } : undefined);
    const { target, wctoken, instanceId } = shellReturn;
    switch (target) {
      case 'AppAuthSuccess':
      case 'SelectedRecordChanged':
        if (!wctoken) throw new HvError('invalid-shell-return', `The Shell returned ${target} without a user token.`);
        return { kind: 'pending', target, wctoken, instanceId, action };
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

/** Hands the user token to the proxy and reads the person it belongs to. */
export async function completeShellReturn(
  captured: CapturedShellReturn,
  proxy: HvProxy,
  signal?: AbortSignal,
): Promise<ShellReturnOutcome> {
  if (captured.kind !== 'pending') return captured;
  const { target, wctoken, instanceId, action } = captured;
  try {
    await proxy.signIn({ wctoken, instanceId }, signal);
    const info = await proxy.call(Methods.GetPersonInfo, getPersonInfoRequest(), { signal });
    return { kind: 'authorized', detail: { target, person: decodePersonInfo(info), action } };
  } catch (error) {
    return { kind: 'error', error: asHvError(error) };
  }
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
  const captured = query === undefined ? undefined : captureShellReturn(query, options.store);
  if (!captured) return undefined;
  let outcome: ShellReturnOutcome;
  try {
    const proxy = typeof options.proxy === 'string' ? new FetchProxy(options.proxy) : options.proxy;
    outcome = await completeShellReturn(captured, proxy, options.signal);
  } catch (error) {
    outcome = { kind: 'error', error: asHvError(error) };
  }
  deliverShellReturn(outcome, options.eventTarget ?? document);
  return outcome;
}

/** Relays the outcome to the popup's opener, or fires its events on `target`. */
export function deliverShellReturn(outcome: ShellReturnOutcome, target: EventTarget): void {
  if (window.name === POPUP_WINDOW_NAME && window.opener) {
    const channel = new BroadcastChannel(POPUP_CHANNEL);
    channel.postMessage(toMessage(outcome));
    channel.close();
    window.close();
    return;
  }
  if (outcome.kind === 'authorized') dispatchHvEvent(target, 'hv-authorized', outcome.detail);
  else if (outcome.kind === 'denied') dispatchHvEvent(target, 'hv-denied', outcome.detail);
  else if (outcome.kind === 'error') dispatchHvEvent(target, 'hv-error', { error: outcome.error });
}

/** Errors lose their own fields in structured clone, so they travel as plain data. */
type OutcomeMessage =
  | Exclude<ShellReturnOutcome, { kind: 'error' }>
  | { kind: 'error'; code: HvErrorCode; message: string; retryable: boolean };

function toMessage(outcome: ShellReturnOutcome): OutcomeMessage {
  if (outcome.kind !== 'error') return outcome;
  const { code, message, retryable } = outcome.error;
  return { kind: 'error', code, message, retryable };
}

function fromMessage(message: OutcomeMessage): ShellReturnOutcome {
  if (message.kind !== 'error') return message;
  return { kind: 'error', error: new HvError(message.code, message.message, { retryable: message.retryable }) };
}

/** Resolves with the outcome the popup relays, or undefined when the popup closed without one. */
export function awaitPopupOutcome(popup: Window, pollMs = 400): Promise<ShellReturnOutcome | undefined> {
  return new Promise((resolve) => {
    const channel = new BroadcastChannel(POPUP_CHANNEL);
    const finish = (outcome: ShellReturnOutcome | undefined) => {
      clearInterval(timer);
      channel.close();
      resolve(outcome);
    };
    channel.onmessage = (event: MessageEvent<OutcomeMessage>) => finish(fromMessage(event.data));
    // The relay may land just after the popup closes itself, so a closed popup gets one more poll of grace.
    let closedPolls = 0;
    const timer = setInterval(() => {
      if (popup.closed && ++closedPolls > 1) finish(undefined);
    }, pollMs);
  });
}
