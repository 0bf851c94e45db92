import {
  acceptStep,
  answerStep,
  codeRejectUrl,
  openCode,
  pickUpStep,
  type CodeError,
  type DoneStep,
  type OpenedCode,
} from '../../src/mock/shell-code-flow.js';
import {
  afterSignIn,
  approve,
  isCodeRequest,
  openShellRequest,
  parseShellRequest,
  rejectUrl,
  tokenPost,
  type Approval,
  type AuthorizationPage,
  type RecordOption,
  type RuleView,
  type TokenPost,
} from '../../src/mock/shell-flow.js';
import type { ShellApi } from '../../src/mock/simulator.js';

/**
 * The simulated Shell's pages: sign-in, authorization, errors; for CONNECT and PICKUP also the identity code, the
 * question, the record a package goes into and the confirmation. Built with DOM calls and `textContent` only (every
 * string may come from an application's configuration), so the page runs under
 * `script-src 'self'; require-trusted-types-for 'script'`. Stable ids for tests: `person-{id}`, `sign-in`,
 * `record-{n}` (1-based), `optional-rule-{rule name}`, `approve`, `cancel`, `shell-error`; `identity-code`,
 * `continue`, `code-error`, `back`; `answer`, `check-answer`, `answer-error`; `package-contents`, `add-to-record`,
 * `pickup-error`; `done`, `return`.
 */

export interface ShellPageOptions {
  /** Where the pages render. */
  root: HTMLElement;
  /** The Shell request's query string (`?target=…&targetqs=…`). */
  search: string;
  shell: ShellApi;
  /** Leaves for the application (`location.assign` on the real page). */
  navigate(url: string): void;
  /** With `trm=post`: posts the token to the application (a form submitted on the real page, the default). */
  post?(form: TokenPost): void;
  /**
   * Goes back to the page before the Shell (`history.back()` on the real page): the way out of a CONNECT or PICKUP
   * whose code names no application yet. No Back button without it.
   */
  back?(): void;
}

type Child = Node | string;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<Record<string, string>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Shows a new step: replaces the page and moves focus to its heading, so screen readers announce it. */
function show(root: HTMLElement, heading: string, ...content: Node[]): void {
  const title = element('h1', { tabindex: '-1' }, heading);
  root.replaceChildren(title, ...content);
  title.focus();
}

function showError(root: HTMLElement, message: string, ...actions: HTMLButtonElement[]): void {
  show(
    root,
    'HealthVault cannot continue',
    element('p', { id: 'shell-error', class: 'error', role: 'alert' }, message),
    ...(actions.length > 0 ? [element('div', { class: 'actions' }, ...actions)] : []),
  );
}

function button(id: string, label: string, onClick: () => void, primary = false): HTMLButtonElement {
  const node = element('button', { type: 'button', id, ...(primary ? { class: 'primary' } : {}) }, label);
  node.addEventListener('click', onClick);
  return node;
}

/** An input with its label (its accessible name) and an optional hint (its accessible description). */
function choice(input: HTMLInputElement, label: string, hint?: string): HTMLElement {
  const text = element('div', {}, element('label', { for: input.id }, label));
  if (hint !== undefined) {
    input.setAttribute('aria-describedby', `${input.id}-hint`);
    text.append(element('span', { id: `${input.id}-hint`, class: 'hint' }, hint));
  }
  return element('div', { class: 'choice' }, input, text);
}

function input(
  type: 'radio' | 'checkbox',
  id: string,
  name: string,
  value: string,
  checked: boolean,
  disabled = false,
): HTMLInputElement {
  const node = element('input', { type, id, name, value });
  node.checked = checked;
  node.disabled = disabled;
  return node;
}

function scopeText(rule: RuleView): string {
  return rule.scope === 'online' ? 'while you are signed in' : 'also when you are not signed in (offline)';
}

interface SignInPage {
  /** Under the heading: what the sign-in is for. */
  purpose: string;
  /** Where Cancel goes; no Cancel without it (AUTH and APPAUTH). */
  cancelUrl?: string;
  signedIn(personId: string): Promise<void> | void;
}

function renderSignIn(options: ShellPageOptions, page: SignInPage): void {
  const { root, shell } = options;
  const people = shell.people();
  const signInButton = element('button', { type: 'submit', id: 'sign-in', class: 'primary' }, 'Sign in');
  const cancel = page.cancelUrl;
  const form = element(
    'form',
    { id: 'sign-in-form' },
    element(
      'fieldset',
      {},
      element('legend', {}, 'Choose who signs in'),
      ...people.map((person, index) =>
        choice(input('radio', `person-${person.id}`, 'person', person.id, index === 0), person.name),
      ),
    ),
    element(
      'div',
      { class: 'actions' },
      signInButton,
      ...(cancel === undefined ? [] : [button('cancel', 'Cancel', () => options.navigate(cancel))]),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const personId = new FormData(form).get('person');
    if (typeof personId !== 'string') return;
    signInButton.disabled = true;
    Promise.resolve()
      .then(() => page.signedIn(personId))
      .catch((error: unknown) => showError(root, error instanceof Error ? error.message : String(error)));
  });
  show(root, 'Sign in to HealthVault', element('p', {}, page.purpose), form);
}

interface AuthorizationOptions {
  /** A paragraph above the application's description. */
  lead?: string;
  cancelUrl: string;
  /** Acts on the person's choice; resolves with a problem to show on the page, or nothing once it moved on. */
  submit(approval: Approval): Promise<string | void>;
}

function renderAuthorization(options: ShellPageOptions, page: AuthorizationPage, how: AuthorizationOptions): void {
  const { root } = options;
  const recordType = page.multiRecord ? 'checkbox' : 'radio';
  const records = element(
    'fieldset',
    { id: 'records' },
    element(
      'legend',
      {},
      page.multiRecord ? `Which records may ${page.appName} use?` : `Which record may ${page.appName} use?`,
    ),
    ...page.records.map((record, index) =>
      choice(
        input(recordType, `record-${index + 1}`, 'record', record.id, record.checked, !record.selectable),
        `${record.name} (${record.relName})`,
        record.note,
      ),
    ),
  );
  const required = element(
    'section',
    { 'aria-labelledby': 'required-heading' },
    element('h2', { id: 'required-heading' }, `${page.appName} needs this access`),
    element('p', { class: 'hint' }, 'To use the application you have to allow all of it.'),
    element(
      'ul',
      { class: 'rules' },
      ...page.requiredRules.map((rule) =>
        element(
          'li',
          {},
          element('strong', {}, rule.access),
          ` (${scopeText(rule)})`,
          element('span', { class: 'hint' }, rule.reason),
        ),
      ),
    ),
  );
  const optional = page.optionalRules.length
    ? [
        element(
          'fieldset',
          { id: 'optional-rules' },
          element('legend', {}, 'Optional access: choose what to allow'),
          ...page.optionalRules.map((rule) =>
            choice(
              input('checkbox', `optional-rule-${rule.name}`, 'optional-rule', rule.name, rule.checked),
              `${rule.access} (${scopeText(rule)})`,
              rule.reason,
            ),
          ),
        ),
      ]
    : [];
  const problem = element('p', { id: 'authorize-error', class: 'error', role: 'alert' });
  const approveButton = element('button', { type: 'submit', id: 'approve', class: 'primary' }, 'Approve and continue');
  const cancelButton = element('button', { type: 'button', id: 'cancel' }, 'Cancel');
  const form = element(
    'form',
    { id: 'authorize-form' },
    ...(how.lead === undefined ? [] : [element('p', {}, how.lead)]),
    element('p', {}, page.appDescription),
    records,
    required,
    ...optional,
    problem,
    element('div', { class: 'actions' }, approveButton, cancelButton),
  );

  cancelButton.addEventListener('click', () => options.navigate(how.cancelUrl));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const recordIds = data.getAll('record').map(String);
    if (recordIds.length === 0) {
      problem.textContent = 'Choose at least one record.';
      return;
    }
    const chosen = new Set(data.getAll('optional-rule').map(String));
    const optionalRules = Object.fromEntries(page.optionalRules.map((rule) => [rule.name, chosen.has(rule.name)]));
    approveButton.disabled = cancelButton.disabled = true;
    const showProblem = (message: string) => {
      problem.textContent = message;
      approveButton.disabled = cancelButton.disabled = false;
    };
    how.submit({ recordIds, optionalRules }).then(
      (message) => message !== undefined && showProblem(message),
      (error: unknown) => showProblem(error instanceof Error ? error.message : String(error)),
    );
  });
  show(root, `Authorize ${page.appName}`, form);
}

/** Submits `form` as the Shell's return page does with `trm=post`. */
function submitForm({ action, fields }: TokenPost): void {
  const form = element('form', { method: 'post', action });
  for (const [name, value] of Object.entries(fields)) {
    const field = element('input', { type: 'hidden', name });
    field.value = value;
    form.append(field);
  }
  document.body.append(form);
  form.submit();
}

/** AUTH and APPAUTH: sign-in, then the authorization page unless the Shell can return at once. */
function startAuthorization(options: ShellPageOptions): void {
  const { root, shell } = options;
  const opened = openShellRequest(shell, options.search);
  if (!opened.ok) return showError(root, opened.problem);
  const request = opened.value;
  // trm=post: a return with a token is a form posted to the application; a decline stays a redirect.
  const signedInBack = (url: string) => {
    const form = request.request.tokenByPost ? tokenPost(url) : undefined;
    if (form) (options.post ?? submitForm)(form);
    else options.navigate(url);
  };
  renderSignIn(options, {
    purpose: `to continue to ${request.app.name}`,
    async signedIn(personId) {
      const next = await afterSignIn(shell, request, personId);
      if (next.kind === 'return') signedInBack(next.url);
      else if (next.kind === 'error') showError(root, next.message);
      else {
        renderAuthorization(options, next.page, {
          cancelUrl: rejectUrl(request),
          submit: (approval) => approve(shell, request, personId, approval).then(signedInBack),
        });
      }
    },
  });
}

/** CONNECT and PICKUP: the identity code (given or typed), sign-in, the question, the record, the confirmation. */
function startCode(options: ShellPageOptions, typed: string | undefined): void {
  const step = openCode(options.shell, typed);
  if (step.kind === 'enter-code') renderCodeEntry(options, typed, step.problem);
  else if (step.kind === 'error') showCodeError(options, step);
  else {
    const { opened } = step;
    const what = opened.kind === 'package' ? 'pick up a package from' : 'connect to';
    renderSignIn(options, {
      purpose: `to ${what} ${opened.app.name}`,
      cancelUrl: codeRejectUrl(opened.app),
      signedIn: (personId) => renderQuestion(options, opened, personId),
    });
  }
}

function showCodeError(options: ShellPageOptions, step: CodeError): void {
  const { returnUrl } = step;
  const { back } = options;
  const way =
    returnUrl !== undefined
      ? [button('return', 'Return to the application', () => options.navigate(returnUrl), true)]
      : back
        ? [button('back', 'Back', back)]
        : [];
  showError(options.root, step.message, ...way);
}

/** The identity code page: what the person typed before (to correct it) and what is wrong with it. */
function renderCodeEntry(options: ShellPageOptions, typed: string | undefined, problem: string | undefined): void {
  const code = element('input', {
    type: 'text',
    id: 'identity-code',
    name: 'identity-code',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    'aria-describedby': 'identity-code-hint code-error',
  });
  code.value = typed ?? '';
  const form = element(
    'form',
    { id: 'code-form' },
    element('label', { for: 'identity-code' }, 'Identity code'),
    element(
      'span',
      { id: 'identity-code-hint', class: 'hint' },
      '20 letters, in five groups of four, as in the message you were given.',
    ),
    code,
    element('p', { id: 'code-error', class: 'error', role: 'alert' }, problem ?? ''),
    element(
      'div',
      { class: 'actions' },
      element('button', { type: 'submit', id: 'continue', class: 'primary' }, 'Continue'),
      ...(options.back ? [button('back', 'Back', options.back)] : []),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    startCode(options, code.value);
  });
  show(options.root, 'Enter your identity code', form);
}

function renderQuestion(options: ShellPageOptions, opened: OpenedCode, personId: string): void {
  const { shell } = options;
  const answer = element('input', {
    type: 'text',
    id: 'answer',
    name: 'answer',
    autocomplete: 'off',
    'aria-describedby': 'answer-error',
  });
  const problem = element('p', { id: 'answer-error', class: 'error', role: 'alert' });
  const form = element(
    'form',
    { id: 'answer-form' },
    element('p', {}, `${opened.app.name} asks you this question to make sure its request is for you.`),
    element('label', { for: 'answer' }, opened.question),
    answer,
    problem,
    element(
      'div',
      { class: 'actions' },
      element('button', { type: 'submit', id: 'check-answer', class: 'primary' }, 'Continue'),
      button('cancel', 'Cancel', () => options.navigate(codeRejectUrl(opened.app))),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const given = answer.value;
    const step = answerStep(shell, opened, personId, given);
    if (step.kind === 'wrong') {
      problem.textContent = step.message;
      answer.select();
    } else if (step.kind === 'error') showCodeError(options, step);
    else if (step.kind === 'choose-record') renderPackageRecords(options, opened, personId, given, step);
    else {
      renderAuthorization(options, step.page, {
        lead: `${opened.app.name} asks to connect to your record: ${step.friendlyName}.`,
        cancelUrl: codeRejectUrl(opened.app),
        submit: async (approval) => finish(options, opened, acceptStep(shell, opened, personId, given, approval)),
      });
    }
  });
  show(options.root, 'Answer the question', form);
}

interface PackageChoice {
  friendlyName: string;
  contents: string[];
  records: RecordOption[];
}

function renderPackageRecords(
  options: ShellPageOptions,
  opened: OpenedCode,
  personId: string,
  answer: string,
  step: PackageChoice,
): void {
  const problem = element('p', { id: 'pickup-error', class: 'error', role: 'alert' });
  const form = element(
    'form',
    { id: 'pickup-form' },
    element('p', {}, `${opened.app.name} sent you a package, “${step.friendlyName}”. It holds:`),
    element('ul', { id: 'package-contents' }, ...step.contents.map((item) => element('li', {}, item))),
    element(
      'fieldset',
      { id: 'records' },
      element('legend', {}, 'Which record should it go into?'),
      ...step.records.map((record, index) =>
        choice(
          input('radio', `record-${index + 1}`, 'record', record.id, record.checked, !record.selectable),
          `${record.name} (${record.relName})`,
          record.note,
        ),
      ),
    ),
    problem,
    element(
      'div',
      { class: 'actions' },
      element('button', { type: 'submit', id: 'add-to-record', class: 'primary' }, 'Add to the record'),
      button('cancel', 'Cancel', () => options.navigate(codeRejectUrl(opened.app))),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const recordId = new FormData(form).get('record');
    if (typeof recordId !== 'string') {
      problem.textContent = 'Choose a record.';
      return;
    }
    const message = finish(options, opened, pickUpStep(options.shell, opened, personId, answer, recordId));
    if (message !== undefined) problem.textContent = message;
  });
  show(options.root, 'Pick up your package', form);
}

/** Shows where a connect request or a package ended; gives back the problem of a wrong answer, to show in place. */
function finish(options: ShellPageOptions, opened: OpenedCode, step: DoneStep): string | undefined {
  if (step.kind === 'wrong') return step.message;
  if (step.kind === 'error') showCodeError(options, step);
  else {
    const { returnUrl } = step;
    show(
      options.root,
      step.heading,
      element('p', { id: 'done' }, step.message),
      ...(step.contents.length > 0 ? [element('ul', {}, ...step.contents.map((item) => element('li', {}, item)))] : []),
      element(
        'div',
        { class: 'actions' },
        button('return', `Return to ${opened.app.name}`, () => options.navigate(returnUrl), true),
      ),
    );
  }
  return undefined;
}

/** Runs the simulated Shell for the request in `options.search`. */
export function startShellPage(options: ShellPageOptions): void {
  const parsed = parseShellRequest(options.search);
  if (!parsed.ok) showError(options.root, parsed.problem);
  else if (isCodeRequest(parsed.value)) startCode(options, parsed.value.packageId);
  else startAuthorization(options);
}
