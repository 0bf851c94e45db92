/**
 * The simulated Shell over HTTP (`/shell/redirect.aspx`), rendered on the server as plain HTML forms: the same
 * steps, words (shell-words.ts, in the request's language) and element ids as the browser's Shell page
 * (demo/shell/shell-page.ts), driven by the same flow (src/mock/shell-flow.ts, shell-code-flow.ts) over the
 * simulator this server holds. Each step posts back to the same URL with what the next one needs in hidden fields;
 * every step's Cancel posts `do=cancel`. No script but the one that posts a `trm=post` return.
 */
import type { ServerResponse } from 'node:http';
import {
  acceptStep,
  answerStep,
  codeRejectUrl,
  openCode,
  pickUpStep,
  type CodeError,
  type DoneStep,
  type OpenedCode,
} from '../mock/shell-code-flow.js';
import {
  afterSignIn,
  approve,
  errorReturnUrl,
  isCodeRequest,
  openShellRequest,
  parseShellRequest,
  rejectUrl,
  shellWordsFor,
  tokenPost,
  type AppPageLinks,
  type AuthorizationPage,
  type RecordOption,
} from '../mock/shell-flow.js';
import type { ShellWords } from '../mock/shell-words.js';
import type { ShellApi } from '../mock/simulator.js';

/** The form fields of a step's POST (several values for checkboxes). */
export type FormFields = URLSearchParams;

export const SHELL_PATH = '/shell/redirect.aspx';
export const SHELL_STYLE_PATH = '/shell/shell.css';
export const SHELL_POST_SCRIPT_PATH = '/shell/post-return.js';

/** What a Shell page answers: a page, or a redirect back to the application. */
export type ShellAnswer = { kind: 'page'; html: string; status?: number } | { kind: 'redirect'; url: string };

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(words: ShellWords, heading: string, body: string): ShellAnswer {
  return {
    kind: 'page',
    html: `<!doctype html>
<html lang="${words.lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(words.title)}</title><link rel="stylesheet" href="${SHELL_STYLE_PATH}"></head>
<body><header class="banner"><p class="brand">HealthVault</p>
<p class="notice" id="shell-notice">${escape(words.notice)}</p></header>
<main id="shell" class="shell"><h1>${escape(heading)}</h1>
${body}</main></body></html>`,
  };
}

const hidden = (fields: Record<string, string | undefined>) =>
  Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('');

function choice(
  type: string,
  id: string,
  name: string,
  value: string,
  label: string,
  options: { checked?: boolean; disabled?: boolean; hint?: string } = {},
): string {
  const hint =
    options.hint === undefined ? '' : `<span id="${escape(id)}-hint" class="hint">${escape(options.hint)}</span>`;
  return (
    `<div class="choice"><input type="${type}" id="${escape(id)}" name="${escape(name)}" value="${escape(value)}"` +
    `${options.checked ? ' checked' : ''}${options.disabled ? ' disabled' : ''}` +
    `${options.hint === undefined ? '' : ` aria-describedby="${escape(id)}-hint"`}>` +
    `<div><label for="${escape(id)}">${escape(label)}</label>${hint}</div></div>`
  );
}

const cancelButton = (words: ShellWords) =>
  `<button type="submit" name="do" value="cancel" id="cancel" formnovalidate>${escape(words.cancel)}</button>`;

/** A link back to the application, as the primary action of a page that ends the Shell's part. */
const returnLink = (url: string, label: string) =>
  `<div class="actions"><a id="return" class="button primary" href="${escape(url)}">${escape(label)}</a></div>`;

/** The error page: what is wrong, and the way back to the application when a safe address is known. */
function errorPage(words: ShellWords, message: string, returnUrl: string | undefined): ShellAnswer {
  const way =
    returnUrl === undefined
      ? `<p id="close-tab">${escape(words.closeThisTab)}</p>`
      : returnLink(returnUrl, words.returnToTheApplication);
  return page(words, words.errorHeading, `<p id="shell-error" class="error" role="alert">${escape(message)}</p>${way}`);
}

/** After Cancel where no application is known yet: nothing was shared, and how to leave. */
const cancelledPage = (words: ShellWords) =>
  page(words, words.cancelledHeading, `<p id="done">${escape(words.cancelled)}</p>`);

function signInPage(
  shell: ShellApi,
  words: ShellWords,
  purpose: string,
  carried: Record<string, string | undefined>,
): ShellAnswer {
  const people = shell
    .people()
    .map((person, index) =>
      choice('radio', `person-${person.id}`, 'person', person.id, person.name, { checked: index === 0 }),
    )
    .join('');
  return page(
    words,
    words.signInHeading,
    `<p>${escape(purpose)}</p><form id="sign-in-form" method="post">${hidden({ ...carried, step: 'sign-in' })}` +
      `<fieldset><legend>${escape(words.chooseWhoSignsIn)}</legend>${people}</fieldset>` +
      `<div class="actions"><button type="submit" id="sign-in" class="primary">${escape(words.signIn)}</button>${cancelButton(words)}</div></form>`,
  );
}

function recordChoices(records: readonly RecordOption[], type: string): string {
  return records
    .map((record, index) =>
      choice(type, `record-${index + 1}`, 'record', record.id, `${record.name} (${record.relName})`, {
        checked: record.checked,
        disabled: !record.selectable,
        ...(record.note === undefined ? {} : { hint: record.note }),
      }),
    )
    .join('');
}

/** The application's privacy statement and terms, in a new tab so that the authorization waits here. */
function appLinks(words: ShellWords, appName: string, links: AppPageLinks): string {
  const link = (id: string, href: string, label: string) =>
    `<a id="${id}" href="${escape(href)}" target="_blank" rel="noopener">${escape(label)} ` +
    `<span class="hint-inline">${escape(words.opensInNewTab)}</span></a>`;
  return (
    `<ul class="app-links"><li>${link('privacy-link', links.privacy, words.privacyStatement(appName))}</li>` +
    `<li>${link('terms-link', links.serviceAgreement, words.termsOfUse(appName))}</li></ul>`
  );
}

function authorizationPage(
  words: ShellWords,
  view: AuthorizationPage,
  carried: Record<string, string | undefined>,
  options: { lead?: string; problem?: string },
): ShellAnswer {
  const required = view.requiredRules
    .map(
      (rule) =>
        `<li><strong>${escape(rule.access)}</strong> (${escape(words.scope[rule.scope])})<span class="hint">${escape(rule.reason)}</span></li>`,
    )
    .join('');
  const optional = view.optionalRules.length
    ? `<fieldset id="optional-rules"><legend>${escape(words.optionalAccess)}</legend>${view.optionalRules
        .map((rule) =>
          choice(
            'checkbox',
            `optional-rule-${rule.name}`,
            'optional-rule',
            rule.name,
            `${rule.access} (${words.scope[rule.scope]})`,
            { checked: rule.checked, hint: rule.reason },
          ),
        )
        .join('')}</fieldset>`
    : '';
  return page(
    words,
    words.authorizeHeading(view.appName),
    `<form id="authorize-form" method="post">${hidden({
      ...carried,
      step: 'authorize',
      offered: view.optionalRules.map((rule) => rule.name).join(' '),
    })}` +
      (options.lead === undefined ? '' : `<p>${escape(options.lead)}</p>`) +
      `<p>${escape(view.appDescription)}</p>${appLinks(words, view.appName, view.appLinks)}` +
      `<fieldset id="records"><legend>${escape(words.whichRecord(view.appName, view.multiRecord))}</legend>${recordChoices(view.records, view.multiRecord ? 'checkbox' : 'radio')}</fieldset>` +
      `<section aria-labelledby="required-heading"><h2 id="required-heading">${escape(words.needsAccess(view.appName))}</h2>` +
      `<p class="hint">${escape(words.allowAllOfIt)}</p><ul class="rules">${required}</ul></section>` +
      optional +
      `<p id="authorize-error" class="error" role="alert">${escape(options.problem ?? '')}</p>` +
      `<div class="actions"><button type="submit" id="approve" class="primary">${escape(words.approve)}</button>${cancelButton(words)}</div></form>`,
  );
}

/** The approval the authorization form posted: the records, and each offered optional rule checked or not. */
function approvalOf(form: FormFields) {
  const chosen = new Set(form.getAll('optional-rule'));
  const offered = (form.get('offered') ?? '').split(' ').filter(Boolean);
  return {
    recordIds: form.getAll('record'),
    optionalRules: Object.fromEntries(offered.map((name) => [name, chosen.has(name)])),
  };
}

/** Back to the application: a redirect, or with `trm=post` a form that posts the token to the return URL. */
function backTo(words: ShellWords, url: string, post: boolean): ShellAnswer {
  const form = post ? tokenPost(url) : undefined;
  if (!form) return { kind: 'redirect', url };
  return page(
    words,
    words.returningHeading,
    `<form id="post-return" method="post" action="${escape(form.action)}">${hidden(form.fields)}` +
      `<p>${escape(words.returning)}</p>` +
      `<div class="actions"><button type="submit" id="continue" class="primary">${escape(words.continue)}</button></div></form>` +
      `<script src="${SHELL_POST_SCRIPT_PATH}"></script>`,
  );
}

async function authorization(
  shell: ShellApi,
  words: ShellWords,
  search: string,
  form: FormFields | undefined,
): Promise<ShellAnswer> {
  const opened = openShellRequest(shell, search);
  if (!opened.ok) return errorPage(words, opened.problem, opened.returnUrl);
  const request = opened.value;
  if (form?.get('do') === 'cancel') return { kind: 'redirect', url: rejectUrl(request) };
  const post = request.request.tokenByPost === true;
  const personId = form?.get('person') ?? undefined;
  if (!form || !personId) return signInPage(shell, words, words.toContinueTo(request.app.name), {});
  if (form.get('step') === 'authorize') {
    const approval = approvalOf(form);
    if (approval.recordIds.length === 0) {
      const next = await afterSignIn(shell, request, personId);
      if (next.kind === 'authorize')
        return authorizationPage(words, next.page, { person: personId }, { problem: words.chooseAtLeastOneRecord });
    }
    return backTo(words, await approve(shell, request, personId, approval), post);
  }
  const next = await afterSignIn(shell, request, personId);
  if (next.kind === 'return') return backTo(words, next.url, post);
  if (next.kind === 'error') return errorPage(words, next.message, next.returnUrl);
  return authorizationPage(words, next.page, { person: personId }, {});
}

const codeError = (words: ShellWords, step: CodeError) => errorPage(words, step.message, step.returnUrl);

function codeEntry(words: ShellWords, typed: string | undefined, problem: string | undefined): ShellAnswer {
  return page(
    words,
    words.codeHeading,
    `<form id="code-form" method="post">${hidden({ step: 'code' })}<label for="identity-code">${escape(words.codeLabel)}</label>` +
      `<span id="identity-code-hint" class="hint">${escape(words.codeHint)}</span>` +
      `<input type="text" id="identity-code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="identity-code-hint code-error" value="${escape(typed ?? '')}">` +
      `<p id="code-error" class="error" role="alert">${escape(problem ?? '')}</p>` +
      `<div class="actions"><button type="submit" id="continue" class="primary">${escape(words.continue)}</button>${cancelButton(words)}</div></form>`,
  );
}

function question(
  words: ShellWords,
  opened: OpenedCode,
  carried: Record<string, string>,
  problem?: string,
): ShellAnswer {
  return page(
    words,
    words.questionHeading,
    `<form id="answer-form" method="post">${hidden({ ...carried, step: 'answer' })}` +
      `<p>${escape(words.questionLead(opened.app.name))}</p>` +
      `<label for="answer">${escape(opened.question)}</label>` +
      `<input type="text" id="answer" name="answer" autocomplete="off" aria-describedby="answer-error">` +
      `<p id="answer-error" class="error" role="alert">${escape(problem ?? '')}</p>` +
      `<div class="actions"><button type="submit" id="check-answer" class="primary">${escape(words.continue)}</button>${cancelButton(words)}</div></form>`,
  );
}

function packageRecords(
  words: ShellWords,
  opened: OpenedCode,
  carried: Record<string, string>,
  step: { friendlyName: string; contents: string[]; records: RecordOption[]; appLinks: AppPageLinks },
  problem?: string,
): ShellAnswer {
  return page(
    words,
    words.packageHeading,
    `<form id="pickup-form" method="post">${hidden({ ...carried, step: 'pickup' })}` +
      `<p>${escape(words.packageLead(opened.app.name, step.friendlyName))}</p>` +
      `<ul id="package-contents">${step.contents.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>` +
      appLinks(words, opened.app.name, step.appLinks) +
      `<fieldset id="records"><legend>${escape(words.whichRecordForPackage)}</legend>${recordChoices(step.records, 'radio')}</fieldset>` +
      `<p id="pickup-error" class="error" role="alert">${escape(problem ?? '')}</p>` +
      `<div class="actions"><button type="submit" id="add-to-record" class="primary">${escape(words.addToRecord)}</button>${cancelButton(words)}</div></form>`,
  );
}

function done(words: ShellWords, opened: OpenedCode, step: DoneStep, again: () => ShellAnswer): ShellAnswer {
  if (step.kind === 'wrong') return again();
  if (step.kind === 'error') return codeError(words, step);
  const contents = step.contents.length
    ? `<ul>${step.contents.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>`
    : '';
  return page(
    words,
    step.heading,
    `<p id="done">${escape(step.message)}</p>${contents}${returnLink(step.returnUrl, words.returnTo(opened.app.name))}`,
  );
}

function codeFlow(
  shell: ShellApi,
  words: ShellWords,
  packageId: string | undefined,
  form: FormFields | undefined,
): ShellAnswer {
  const typed = form?.get('code') ?? packageId;
  const step = openCode(shell, typed, words.lang);
  if (step.kind !== 'sign-in' && form?.get('do') === 'cancel') return cancelledPage(words);
  if (step.kind === 'enter-code')
    return codeEntry(words, typed, form || packageId !== undefined ? step.problem : undefined);
  if (step.kind === 'error') return codeError(words, step);
  const { opened } = step;
  if (form?.get('do') === 'cancel') return { kind: 'redirect', url: codeRejectUrl(opened.app) };
  const personId = form?.get('person') ?? undefined;
  const name = opened.app.name;
  if (!form || !personId) {
    const purpose = opened.kind === 'package' ? words.toPickUpFrom(name) : words.toConnectTo(name);
    return signInPage(shell, words, purpose, { code: opened.identityCode });
  }
  const carried = { code: opened.identityCode, person: personId };
  const answer = form.get('answer') ?? '';
  const withAnswer = { ...carried, answer };
  switch (form.get('step')) {
    case 'answer': {
      const next = answerStep(shell, opened, personId, answer);
      if (next.kind === 'wrong') return question(words, opened, carried, next.message);
      if (next.kind === 'error') return codeError(words, next);
      if (next.kind === 'choose-record') return packageRecords(words, opened, withAnswer, next);
      return authorizationPage(words, next.page, withAnswer, { lead: words.connectLead(name, next.friendlyName) });
    }
    case 'authorize':
      return done(words, opened, acceptStep(shell, opened, personId, answer, approvalOf(form)), () =>
        question(words, opened, carried),
      );
    case 'pickup': {
      const recordId = form.get('record');
      if (recordId === null) return question(words, opened, carried, words.chooseARecord);
      return done(words, opened, pickUpStep(shell, opened, personId, answer, recordId), () =>
        question(words, opened, carried),
      );
    }
    default:
      return question(words, opened, carried);
  }
}

/** The Shell's answer to `GET` (no form) or `POST` (a step's form) of `/shell/redirect.aspx{search}`. */
export async function shellPage(shell: ShellApi, search: string, form: FormFields | undefined): Promise<ShellAnswer> {
  const words = shellWordsFor(search);
  const parsed = parseShellRequest(search);
  try {
    if (parsed.ok && isCodeRequest(parsed.value)) return codeFlow(shell, words, parsed.value.packageId, form);
    return await authorization(shell, words, search, form); // which answers a request it cannot open with its error page
  } catch (error) {
    // What the flow refuses (no record chosen, a record the person may not use), said as the Shell says it.
    return errorPage(words, error instanceof Error ? error.message : String(error), errorReturnUrl(shell, search));
  }
}

/** Writes a Shell answer: a page (no caching, no referrer), or 303 back to the application. */
export function sendShellAnswer(res: ServerResponse, answer: ShellAnswer): void {
  const common = {
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
  if (answer.kind === 'redirect') {
    res.writeHead(303, { ...common, Location: answer.url });
    res.end();
    return;
  }
  res.writeHead(answer.status ?? 200, {
    ...common,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'; style-src 'self'; script-src 'self'; img-src data:",
  });
  res.end(answer.html);
}

/** Posts the `trm=post` return form as soon as the page loads. */
export const POST_RETURN_SCRIPT = "document.getElementById('post-return').submit();\n";

/** The pages' few styles. */
export const SHELL_CSS = `:root{--shell-accent:#0063b1;--shell-danger:#a4262c;font-family:'Segoe UI',system-ui,sans-serif;line-height:1.45;color:#1b1b1b;background:#f3f5f8}
body{margin:0}.banner{display:flex;flex-wrap:wrap;gap:0 1.5rem;align-items:baseline;padding:.75rem 1.5rem;background:var(--shell-accent);color:#fff}
.banner p{margin:0}.brand{font-size:1.4rem;font-weight:600}.shell{max-width:44rem;margin:1.5rem auto;padding:1.5rem 2rem;background:#fff;border-radius:6px}
.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.4rem 0}.hint{display:block;color:#555;font-size:.9rem}.error{color:var(--shell-danger)}
.hint-inline{color:#555;font-size:.9rem}.app-links{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;padding:0;list-style:none}a{color:var(--shell-accent)}
.actions{display:flex;gap:.75rem;margin-top:1.25rem}button,.button{padding:.5rem 1.1rem;font:inherit;border:1px solid var(--shell-accent);border-radius:4px;background:#fff;color:var(--shell-accent);text-decoration:none}
.primary{background:var(--shell-accent);color:#fff}:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px}fieldset{border:1px solid #ccd;border-radius:4px;margin:1rem 0}
`;
