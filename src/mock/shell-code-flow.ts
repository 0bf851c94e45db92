import { readIdentityCode, type IdentityCodeReading } from '../core/shell/identity-code.js';
import type { CodeRefusal, WrongAnswer } from './connect-requests.js';
import {
  appPageLinks,
  authorizationPage,
  INSTANCE_ID,
  INSTANCE_ID_PARAM,
  recordOption,
  type Approval,
  type AppPageLinks,
  type AuthorizationPage,
  type RecordOption,
} from './shell-flow.js';
import { SHELL_WORDS, type ShellLanguage, type ShellWords } from './shell-words.js';
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
 * The code is kept in memory only: no message repeats it. Cancel on any page after the code was read goes back to
 * the application as a refusal ({@link codeRejectUrl}); a code that cannot be used is an error page leading back
 * as a failure ({@link codeFailureUrl}).
 */

/** An identity code whose connect request or package can still be used. */
export interface OpenedCode {
  kind: 'connect-request' | 'package';
  /** 20 upper-case letters. */
  identityCode: string;
  app: ApplicationSummary;
  question: string;
  triesLeft: number;
  /** The language of the Shell's words. */
  language: ShellLanguage;
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
  | {
      kind: 'choose-record';
      friendlyName: string;
      contents: string[];
      records: RecordOption[];
      appLinks: AppPageLinks;
    };

export type DoneStep =
  | WrongAnswerStep
  | CodeError
  | { kind: 'done'; heading: string; message: string; contents: string[]; returnUrl: string };

function appUrl(app: ApplicationSummary, params: [string, string][]): string {
  const url = new URL(app.actionUrl);
  for (const [name, value] of params) url.searchParams.append(name, value);
  return url.href;
}

/**
 * Back to the application after the person cancelled, without a connection or a pick-up. The docs give CONNECT
 * no return (reference §2.2), only that the person may "accept or reject" the request there (SRI, CONNECT); the
 * simulated Shell answers a rejection as it answers a cancelled authorization, `AppAuthReject` (reference §3).
 */
export function codeRejectUrl(app: ApplicationSummary): string {
  return appUrl(app, [['target', 'AppAuthReject']]);
}

/** Back to the application from the error page of a code that cannot be used: `AppAuthFailure`, as shell-flow.ts. */
export function codeFailureUrl(app: ApplicationSummary): string {
  return appUrl(app, [['target', 'AppAuthFailure']]);
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
    [INSTANCE_ID_PARAM, INSTANCE_ID],
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

function unreadable(words: ShellWords, reading: IdentityCodeReading & { problem: string }): string {
  switch (reading.problem) {
    case 'empty':
      return words.typeTheCode;
    case 'not-a-letter':
      return words.lettersOnly;
    case 'too-short':
    case 'too-long':
      return words.letterCount(reading.count!);
    case 'link-without-code':
      return words.linkWithoutCode;
  }
}

/** The step for a code that cannot be used, in the person's words; back to `app` when it is known. */
function refusal(refused: CodeRefusal, app: ApplicationSummary | undefined, words: ShellWords): CodeError {
  const back = app ? { returnUrl: codeFailureUrl(app) } : {};
  const message = () => {
    switch (refused.problem) {
      case 'unknown':
        return words.noSuchCodeAnyMore;
      case 'expired': {
        const date = new Date(refused.expiredAt!).toLocaleDateString(words.locale, {
          dateStyle: 'long',
          timeZone: 'UTC',
        });
        return words.expiredOn(date, app?.name);
      }
      case 'locked':
        return words.locked(app?.name);
      case 'picked-up':
        return words.pickedUp;
    }
  };
  return { kind: 'error', message: message(), ...back };
}

/**
 * Reads the code given as `packageid` or typed: none yet, or one that cannot be read or that nobody holds, asks
 * for it (again); one that expired, locked or was picked up is an error page with the way back to the application.
 */
export function openCode(shell: ShellApi, typed: string | undefined, language: ShellLanguage = 'en'): CodeStep {
  const words = SHELL_WORDS[language];
  if (typed === undefined) return { kind: 'enter-code' };
  const reading = readIdentityCode(typed);
  if (reading.problem !== undefined) return { kind: 'enter-code', problem: unreadable(words, reading) };
  const found = shell.lookUpCode(reading.code);
  if (!found.ok) {
    return found.problem === 'unknown'
      ? { kind: 'enter-code', problem: words.noSuchCode }
      : refusal(found, found.appId === undefined ? undefined : shell.application(found.appId), words);
  }
  const app = shell.application(found.appId);
  if (!app) return { kind: 'error', message: words.unknownApplication(found.appId) };
  const { kind, question, triesLeft } = found;
  return { kind: 'sign-in', opened: { kind, identityCode: reading.code, app, question, triesLeft, language } };
}

/** A wrong answer, or a code that can no longer be used (locked at the third wrong answer, or expired meanwhile). */
function notAccepted(opened: OpenedCode, checked: CodeRefusal | WrongAnswer): WrongAnswerStep | CodeError {
  const words = SHELL_WORDS[opened.language];
  if (checked.problem !== 'wrong-answer') return refusal(checked, opened.app, words);
  return { kind: 'wrong', message: words.wrongAnswer(checked.triesLeft) };
}

/**
 * Checks the answer `personId` gave: wrong, the question again with the tries left (the third wrong answer is an
 * error page: the code is locked); right, the record to choose: on the authorization page for a connect request,
 * among the person's active records they are custodian of for a package.
 */
export function answerStep(shell: ShellApi, opened: OpenedCode, personId: string, answer: string): AnswerStep {
  const checked = shell.answerCode(opened.identityCode, answer);
  if (!checked.ok) return notAccepted(opened, checked);
  const { app, language } = opened;
  const words = SHELL_WORDS[language];
  const records = shell.records(personId, app.id);
  const back = codeFailureUrl(app);
  if (checked.kind === 'package') {
    const first = records.find((record) => record.canReceive);
    if (!first) return { kind: 'error', message: words.noRecordTakesItems, returnUrl: back };
    return {
      kind: 'choose-record',
      friendlyName: checked.friendlyName,
      contents: checked.contents,
      appLinks: appPageLinks(app),
      records: records.map((record) =>
        recordOption(record, words, {
          selectable: record.canReceive,
          checked: record === first,
          note: record.canReceive ? undefined : words.cannotAddToRecord,
        }),
      ),
    };
  }
  if (!records.some((record) => record.canAuthorize)) {
    return { kind: 'error', message: words.noRecordCanBeAuthorized(app.name), returnUrl: back };
  }
  // One record per pick-up; picking the request up again for another record adds that one (PCON).
  const page = authorizationPage(app, records, records, shell.selectedRecord(personId, app.id), {
    multiRecord: false,
    onlineOptionalRules: [],
    offlineOptionalRules: [],
    language,
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
  if (recordId === undefined || approval.recordIds.length > 1)
    throw new Error(SHELL_WORDS[opened.language].chooseARecord);
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
  const words = SHELL_WORDS[opened.language];
  return {
    kind: 'done',
    heading: words.connectedHeading,
    message: words.connected(app.name, record.name),
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
  const words = SHELL_WORDS[opened.language];
  return {
    kind: 'done',
    heading: words.addedHeading,
    message: words.added(record.name),
    contents: checked.contents,
    returnUrl: pickedUpUrl(app),
  };
}
