import { readIdentityCode, type IdentityCodeReading } from '../core/shell/identity-code.js';
import type { CodeRefusal, WrongAnswer } from './connect-requests.js';
import {
  authorizationPage,
  INSTANCE_ID,
  type Approval,
  type AuthorizationPage,
  type RecordOption,
} from './shell-flow.js';
import type { ApplicationSummary, ShellApi } from './simulator.js';

/**
 * What the simulated Shell does for CONNECT (Patient Connect: reference §6, seed 003) and PICKUP (drop-off
 * packages: §7), without any DOM. These targets carry no `appid`: the identity code (`packageid`, or typed by the
 * person, PCON) names a connect request or a package, and through it the application. The code decides which flow
 * follows, as the Shell learns a code's request type when it validates it (ValidateConnectRequest's
 * `request-type`, §6.2). After sign-in come the question (three tries), the record and then:
 * - for a connect request, the authorization page as APPAUTH shows it, and the Shell's own confirmation (PCON
 *   step 8) with the way back to the application;
 * - for a package, what it added to the record, and the way back.
 * The code is kept in memory only: no message repeats it.
 */

/** An identity code whose connect request or package can still be used. */
export interface OpenedCode {
  kind: 'connect-request' | 'package';
  /** 20 upper-case letters. */
  identityCode: string;
  app: ApplicationSummary;
  question: string;
  triesLeft: number;
}

/** The way out of a step that cannot go on: a message, and back to the application when it is known. */
export interface CodeError {
  kind: 'error';
  message: string;
  returnUrl?: string;
}

/** A wrong answer that left tries: the question is asked again. */
export interface WrongAnswerStep {
  kind: 'wrong';
  message: string;
}

export type CodeStep = { kind: 'enter-code'; problem?: string } | { kind: 'sign-in'; opened: OpenedCode } | CodeError;

export type AnswerStep =
  | WrongAnswerStep
  | CodeError
  | { kind: 'authorize'; friendlyName: string; page: AuthorizationPage }
  | { kind: 'choose-record'; friendlyName: string; contents: string[]; records: RecordOption[] };

export type DoneStep =
  | WrongAnswerStep
  | CodeError
  | { kind: 'done'; heading: string; message: string; contents: string[]; returnUrl: string };

function appUrl(app: ApplicationSummary, params: [string, string][]): string {
  const url = new URL(app.actionUrl);
  for (const [name, value] of params) url.searchParams.append(name, value);
  return url.href;
}

/** Back to the application without a connection or a pick-up (Cancel, or a code that cannot be used). */
export function codeRejectUrl(app: ApplicationSummary): string {
  return appUrl(app, [['target', 'AppAuthReject']]);
}

/**
 * Back to the application once the person authorized it through a connect request. The reference documents no
 * return for CONNECT (§2.2: the Shell shows its own confirmation); the simulated Shell offers one after its
 * confirmation, as `AppAuthSuccess` ("authorization granted", §3) without a user token: nobody signed in to the
 * application, which learns of the record by polling GetAuthorizedConnectRequests (PCON step 9).
 */
export function connectedUrl(app: ApplicationSummary): string {
  return appUrl(app, [
    ['target', 'AppAuthSuccess'],
    ['instanceid', INSTANCE_ID],
  ]);
}

/**
 * Back to the application after a pick-up. DOPU documents no return ("no ActionURL is needed", §7); the simulated
 * Shell links to the application with `Home`, the target of the Shell's links to an application's own pages (§3),
 * which tells the application nothing about the package (it "cannot tell whether a package was picked up").
 */
export function pickedUpUrl(app: ApplicationSummary): string {
  return appUrl(app, [['target', 'Home']]);
}

const UNREADABLE: Readonly<Record<IdentityCodeReading['problem'] & string, (count?: number) => string>> = {
  empty: () => 'Type the identity code you were given.',
  'not-a-letter': () => 'An identity code has letters only (the dashes are optional).',
  'too-short': (count) => `That is ${count} letters; an identity code has 20.`,
  'too-long': (count) => `That is ${count} letters; an identity code has 20.`,
  'link-without-code': () => 'That link has no identity code in it.',
};

const longDate = (ms: number) => new Date(ms).toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** The step for a code that cannot be used, in the person's words; back to `app` when it is known. */
function refusal(refused: CodeRefusal, app: ApplicationSummary | undefined): CodeError {
  const back = app ? { returnUrl: codeRejectUrl(app) } : {};
  const askAgain = app ? ` Ask ${app.name} for a new one.` : '';
  switch (refused.problem) {
    case 'unknown':
      return { kind: 'error', message: 'No connect request or package has this identity code any more.', ...back };
    case 'expired':
      return {
        kind: 'error',
        message: `This identity code expired on ${longDate(refused.expiredAt!)}.${askAgain}`,
        ...back,
      };
    case 'locked':
      return {
        kind: 'error',
        message: `This identity code can no longer be used: its question was answered wrongly three times.${askAgain}`,
        ...back,
      };
    case 'picked-up':
      return { kind: 'error', message: 'This package has already been picked up.', ...back };
  }
}

/**
 * Reads the code given as `packageid` or typed: none yet, or one that cannot be read or that nobody holds, asks
 * for it (again); one that expired, locked or was picked up is an error page with the way back to the application.
 */
export function openCode(shell: ShellApi, typed: string | undefined): CodeStep {
  if (typed === undefined) return { kind: 'enter-code' };
  const reading = readIdentityCode(typed);
  if (reading.problem !== undefined) return { kind: 'enter-code', problem: UNREADABLE[reading.problem](reading.count) };
  const found = shell.lookUpCode(reading.code);
  if (!found.ok) {
    return found.problem === 'unknown'
      ? { kind: 'enter-code', problem: 'No connect request or package has this identity code. Check it and try again.' }
      : refusal(found, found.appId === undefined ? undefined : shell.application(found.appId));
  }
  const app = shell.application(found.appId);
  if (!app) return { kind: 'error', message: `No application with id ${found.appId} is registered with HealthVault.` };
  const { kind, question, triesLeft } = found;
  return { kind: 'sign-in', opened: { kind, identityCode: reading.code, app, question, triesLeft } };
}

/** A wrong answer, or a code that can no longer be used (locked at the third wrong answer, or expired meanwhile). */
function notAccepted(opened: OpenedCode, checked: CodeRefusal | WrongAnswer): WrongAnswerStep | CodeError {
  if (checked.problem !== 'wrong-answer') return refusal(checked, opened.app);
  const tries = checked.triesLeft === 1 ? '1 try' : `${checked.triesLeft} tries`;
  return { kind: 'wrong', message: `That is not the answer. You have ${tries} left.` };
}

/**
 * Checks the answer `personId` gave: wrong, the question again with the tries left (the third wrong answer is an
 * error page: the code is locked); right, the record to choose: on the authorization page for a connect request,
 * among the person's active records they are custodian of for a package.
 */
export function answerStep(shell: ShellApi, opened: OpenedCode, personId: string, answer: string): AnswerStep {
  const checked = shell.answerCode(opened.identityCode, answer);
  if (!checked.ok) return notAccepted(opened, checked);
  const { app } = opened;
  const records = shell.records(personId, app.id);
  const back = codeRejectUrl(app);
  if (checked.kind === 'package') {
    const first = records.find((record) => record.canReceive);
    if (!first) return { kind: 'error', message: 'None of your records can take new items.', returnUrl: back };
    return {
      kind: 'choose-record',
      friendlyName: checked.friendlyName,
      contents: checked.contents,
      records: records.map((record) => ({
        id: record.id,
        name: record.name,
        relName: record.relName,
        selectable: record.canReceive,
        checked: record === first,
        ...(record.canReceive ? {} : { note: 'You cannot add items to this record.' }),
      })),
    };
  }
  if (!records.some((record) => record.canAuthorize)) {
    return { kind: 'error', message: `None of your records can be authorized for ${app.name}.`, returnUrl: back };
  }
  // One record per pick-up; picking the request up again for another record adds that one (PCON).
  const page = authorizationPage(app, records, records, shell.selectedRecord(personId, app.id), {
    multiRecord: false,
    onlineOptionalRules: [],
    offlineOptionalRules: [],
  });
  return { kind: 'authorize', friendlyName: checked.friendlyName, page };
}

/** Accepts the connect request for the record the person chose (the answer is checked again) and confirms it. */
export function acceptStep(
  shell: ShellApi,
  opened: OpenedCode,
  personId: string,
  answer: string,
  approval: Approval,
): DoneStep {
  const [recordId] = approval.recordIds;
  if (recordId === undefined || approval.recordIds.length > 1) throw new Error('Choose one record.');
  const { identityCode, app } = opened;
  const checked = shell.acceptConnectRequest({
    identityCode,
    answer,
    personId,
    recordId,
    optionalRules: approval.optionalRules,
  });
  if (!checked.ok) return notAccepted(opened, checked);
  const record = shell.records(personId, app.id).find(({ id }) => id === recordId)!;
  return {
    kind: 'done',
    heading: 'Connected',
    message: `${app.name} can now use the record of ${record.name}.`,
    contents: [],
    returnUrl: connectedUrl(app),
  };
}

/** Picks the package up into the record the person chose (the answer is checked again) and says what it added. */
export function pickUpStep(
  shell: ShellApi,
  opened: OpenedCode,
  personId: string,
  answer: string,
  recordId: string,
): DoneStep {
  const { identityCode, app } = opened;
  const checked = shell.pickUpPackage({ identityCode, answer, personId, recordId });
  if (!checked.ok) return notAccepted(opened, checked);
  const record = shell.records(personId, app.id).find(({ id }) => id === recordId)!;
  return {
    kind: 'done',
    heading: 'Added to your record',
    message: `Added to the record of ${record.name}:`,
    contents: checked.contents,
    returnUrl: pickedUpUrl(app),
  };
}
