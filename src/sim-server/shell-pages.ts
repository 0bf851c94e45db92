/**
 * The simulated Shell over HTTP (`/shell/redirect.aspx`), rendered on the server as plain HTML forms: the same
 * steps, words and element ids as the browser's Shell page (demo/shell/shell-page.ts), driven by the same flow
 * (src/mock/shell-flow.ts, shell-code-flow.ts) over the simulator this server holds. Each step posts back to the
 * same URL with what the next one needs in hidden fields. No script but the one that posts a `trm=post` return.
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
  isCodeRequest,
  openShellRequest,
  parseShellRequest,
  rejectUrl,
  tokenPost,
  type AuthorizationPage,
  type RecordOption,
  type RuleView,
} from '../mock/shell-flow.js';
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

function page(heading: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>HealthVault (simulated Shell)</title><link rel="stylesheet" href="${SHELL_STYLE_PATH}"></head>
<body><header class="banner"><p class="brand">HealthVault</p>
<p class="notice">Simulated Shell of hv-elements (hv-elements-sim): no real account, no real health data.</p></header>
<main id="shell" class="shell"><h1>${escape(heading)}</h1>
${body}</main></body></html>`;
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

const cancelButton = '<button type="submit" name="do" value="cancel" id="cancel" formnovalidate>Cancel</button>';

function errorPage(message: string, returnUrl?: string): ShellAnswer {
  const way =
    returnUrl === undefined
      ? ''
      : `<div class="actions"><a id="return" class="button primary" href="${escape(returnUrl)}">Return to the application</a></div>`;
  return {
    kind: 'page',
    html: page(
      'HealthVault cannot continue',
      `<p id="shell-error" class="error" role="alert">${escape(message)}</p>${way}`,
    ),
  };
}

function signInPage(
  shell: ShellApi,
  purpose: string,
  carried: Record<string, string | undefined>,
  cancel: boolean,
): ShellAnswer {
  const people = shell
    .people()
    .map((person, index) =>
      choice('radio', `person-${person.id}`, 'person', person.id, person.name, { checked: index === 0 }),
    )
    .join('');
  return {
    kind: 'page',
    html: page(
      'Sign in to HealthVault',
      `<p>${escape(purpose)}</p><form id="sign-in-form" method="post">${hidden({ ...carried, step: 'sign-in' })}` +
        `<fieldset><legend>Choose who signs in</legend>${people}</fieldset>` +
        `<div class="actions"><button type="submit" id="sign-in" class="primary">Sign in</button>${cancel ? cancelButton : ''}</div></form>`,
    ),
  };
}

function scopeText(rule: RuleView): string {
  return rule.scope === 'online' ? 'while you are signed in' : 'also when you are not signed in (offline)';
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

function authorizationPage(
  view: AuthorizationPage,
  carried: Record<string, string | undefined>,
  options: { lead?: string; problem?: string },
): ShellAnswer {
  const required = view.requiredRules
    .map(
      (rule) =>
        `<li><strong>${escape(rule.access)}</strong> (${escape(scopeText(rule))})<span class="hint">${escape(rule.reason)}</span></li>`,
    )
    .join('');
  const optional = view.optionalRules.length
    ? `<fieldset id="optional-rules"><legend>Optional access: choose what to allow</legend>${view.optionalRules
        .map((rule) =>
          choice(
            'checkbox',
            `optional-rule-${rule.name}`,
            'optional-rule',
            rule.name,
            `${rule.access} (${scopeText(rule)})`,
            {
              checked: rule.checked,
              hint: rule.reason,
            },
          ),
        )
        .join('')}</fieldset>`
    : '';
  const legend = view.multiRecord ? `Which records may ${view.appName} use?` : `Which record may ${view.appName} use?`;
  return {
    kind: 'page',
    html: page(
      `Authorize ${view.appName}`,
      `<form id="authorize-form" method="post">${hidden({
        ...carried,
        step: 'authorize',
        offered: view.optionalRules.map((rule) => rule.name).join(' '),
      })}` +
        (options.lead === undefined ? '' : `<p>${escape(options.lead)}</p>`) +
        `<p>${escape(view.appDescription)}</p>` +
        `<fieldset id="records"><legend>${escape(legend)}</legend>${recordChoices(view.records, view.multiRecord ? 'checkbox' : 'radio')}</fieldset>` +
        `<section aria-labelledby="required-heading"><h2 id="required-heading">${escape(view.appName)} needs this access</h2>` +
        `<p class="hint">To use the application you have to allow all of it.</p><ul class="rules">${required}</ul></section>` +
        optional +
        `<p id="authorize-error" class="error" role="alert">${escape(options.problem ?? '')}</p>` +
        `<div class="actions"><button type="submit" id="approve" class="primary">Approve and continue</button>${cancelButton}</div></form>`,
    ),
  };
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
function backTo(url: string, post: boolean): ShellAnswer {
  const form = post ? tokenPost(url) : undefined;
  if (!form) return { kind: 'redirect', url };
  return {
    kind: 'page',
    html: page(
      'Returning to the application',
      `<form id="post-return" method="post" action="${escape(form.action)}">${hidden(form.fields)}` +
        `<p>HealthVault is taking you back to the application.</p>` +
        `<div class="actions"><button type="submit" id="continue" class="primary">Continue</button></div></form>` +
        `<script src="${SHELL_POST_SCRIPT_PATH}"></script>`,
    ),
  };
}

async function authorization(shell: ShellApi, search: string, form: FormFields | undefined): Promise<ShellAnswer> {
  const opened = openShellRequest(shell, search);
  if (!opened.ok) return errorPage(opened.problem);
  const request = opened.value;
  const post = request.request.tokenByPost === true;
  const personId = form?.get('person') ?? undefined;
  if (!form || !personId) return signInPage(shell, `to continue to ${request.app.name}`, {}, false);
  if (form.get('do') === 'cancel') return { kind: 'redirect', url: rejectUrl(request) };
  if (form.get('step') === 'authorize') {
    const approval = approvalOf(form);
    if (approval.recordIds.length === 0) {
      const next = await afterSignIn(shell, request, personId);
      if (next.kind === 'authorize')
        return authorizationPage(next.page, { person: personId }, { problem: 'Choose at least one record.' });
    }
    return backTo(await approve(shell, request, personId, approval), post);
  }
  const next = await afterSignIn(shell, request, personId);
  if (next.kind === 'return') return backTo(next.url, post);
  if (next.kind === 'error') return errorPage(next.message);
  return authorizationPage(next.page, { person: personId }, {});
}

function codeError(step: CodeError): ShellAnswer {
  return errorPage(step.message, step.returnUrl);
}

function codeEntry(typed: string | undefined, problem: string | undefined): ShellAnswer {
  return {
    kind: 'page',
    html: page(
      'Enter your identity code',
      `<form id="code-form" method="post">${hidden({ step: 'code' })}<label for="identity-code">Identity code</label>` +
        `<span id="identity-code-hint" class="hint">20 letters, in five groups of four, as in the message you were given.</span>` +
        `<input type="text" id="identity-code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="identity-code-hint code-error" value="${escape(typed ?? '')}">` +
        `<p id="code-error" class="error" role="alert">${escape(problem ?? '')}</p>` +
        `<div class="actions"><button type="submit" id="continue" class="primary">Continue</button></div></form>`,
    ),
  };
}

function question(opened: OpenedCode, carried: Record<string, string>, problem?: string): ShellAnswer {
  return {
    kind: 'page',
    html: page(
      'Answer the question',
      `<form id="answer-form" method="post">${hidden({ ...carried, step: 'answer' })}` +
        `<p>${escape(opened.app.name)} asks you this question to make sure its request is for you.</p>` +
        `<label for="answer">${escape(opened.question)}</label>` +
        `<input type="text" id="answer" name="answer" autocomplete="off" aria-describedby="answer-error">` +
        `<p id="answer-error" class="error" role="alert">${escape(problem ?? '')}</p>` +
        `<div class="actions"><button type="submit" id="check-answer" class="primary">Continue</button>${cancelButton}</div></form>`,
    ),
  };
}

function packageRecords(
  opened: OpenedCode,
  carried: Record<string, string>,
  step: { friendlyName: string; contents: string[]; records: RecordOption[] },
  problem?: string,
): ShellAnswer {
  return {
    kind: 'page',
    html: page(
      'Pick up your package',
      `<form id="pickup-form" method="post">${hidden({ ...carried, step: 'pickup' })}` +
        `<p>${escape(opened.app.name)} sent you a package, “${escape(step.friendlyName)}”. It holds:</p>` +
        `<ul id="package-contents">${step.contents.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>` +
        `<fieldset id="records"><legend>Which record should it go into?</legend>${recordChoices(step.records, 'radio')}</fieldset>` +
        `<p id="pickup-error" class="error" role="alert">${escape(problem ?? '')}</p>` +
        `<div class="actions"><button type="submit" id="add-to-record" class="primary">Add to the record</button>${cancelButton}</div></form>`,
    ),
  };
}

function done(opened: OpenedCode, step: DoneStep, again: () => ShellAnswer): ShellAnswer {
  if (step.kind === 'wrong') return again();
  if (step.kind === 'error') return codeError(step);
  const contents = step.contents.length
    ? `<ul>${step.contents.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>`
    : '';
  return {
    kind: 'page',
    html: page(
      step.heading,
      `<p id="done">${escape(step.message)}</p>${contents}` +
        `<div class="actions"><a id="return" class="button primary" href="${escape(step.returnUrl)}">Return to ${escape(opened.app.name)}</a></div>`,
    ),
  };
}

function codeFlow(shell: ShellApi, packageId: string | undefined, form: FormFields | undefined): ShellAnswer {
  const typed = form?.get('code') ?? packageId;
  const step = openCode(shell, typed);
  if (step.kind === 'enter-code') return codeEntry(typed, form || packageId !== undefined ? step.problem : undefined);
  if (step.kind === 'error') return codeError(step);
  const { opened } = step;
  if (form?.get('do') === 'cancel') return { kind: 'redirect', url: codeRejectUrl(opened.app) };
  const personId = form?.get('person') ?? undefined;
  const what = opened.kind === 'package' ? 'pick up a package from' : 'connect to';
  if (!form || !personId)
    return signInPage(shell, `to ${what} ${opened.app.name}`, { code: opened.identityCode }, true);
  const carried = { code: opened.identityCode, person: personId };
  const answer = form.get('answer') ?? '';
  const withAnswer = { ...carried, answer };
  switch (form.get('step')) {
    case 'answer': {
      const next = answerStep(shell, opened, personId, answer);
      if (next.kind === 'wrong') return question(opened, carried, next.message);
      if (next.kind === 'error') return codeError(next);
      if (next.kind === 'choose-record') return packageRecords(opened, withAnswer, next);
      return authorizationPage(next.page, withAnswer, {
        lead: `${opened.app.name} asks to connect to your record: ${next.friendlyName}.`,
      });
    }
    case 'authorize':
      return done(opened, acceptStep(shell, opened, personId, answer, approvalOf(form)), () =>
        question(opened, carried),
      );
    case 'pickup': {
      const recordId = form.get('record');
      if (recordId === null) return question(opened, carried, 'Choose a record.');
      return done(opened, pickUpStep(shell, opened, personId, answer, recordId), () => question(opened, carried));
    }
    default:
      return question(opened, carried);
  }
}

/** The Shell's answer to `GET` (no form) or `POST` (a step's form) of `/shell/redirect.aspx{search}`. */
export async function shellPage(shell: ShellApi, search: string, form: FormFields | undefined): Promise<ShellAnswer> {
  const parsed = parseShellRequest(search);
  if (!parsed.ok) return errorPage(parsed.problem);
  try {
    if (isCodeRequest(parsed.value)) return codeFlow(shell, parsed.value.packageId, form);
    return await authorization(shell, search, form);
  } catch (error) {
    // What the flow refuses (no record chosen, a record the person may not use), said as the Shell says it.
    return errorPage(error instanceof Error ? error.message : String(error));
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
.actions{display:flex;gap:.75rem;margin-top:1.25rem}button,.button{padding:.5rem 1.1rem;font:inherit;border:1px solid var(--shell-accent);border-radius:4px;background:#fff;color:var(--shell-accent);text-decoration:none}
.primary{background:var(--shell-accent);color:#fff}fieldset{border:1px solid #ccd;border-radius:4px;margin:1rem 0}
`;
