import {
  acceptStep,
  answerStep,
  codeFailureUrl,
  codeRejectUrl,
  openCode,
  pickUpStep,
  type DoneStep,
  type OpenedCode,
} from '../../src/mock/shell-code-flow.js';
import {
  afterSignIn,
  approve,
  failureUrl,
  isCodeRequest,
  openShellRequest,
  parseShellRequest,
  rejectUrl,
  shellWordsFor,
  tokenPost,
  type AppPageLinks,
  type Approval,
  type AuthorizationPage,
  type RecordOption,
  type RuleView,
  type TokenPost,
} from '../../src/mock/shell-flow.js';
import type { ShellWords } from '../../src/mock/shell-words.js';
import type { ShellApi } from '../../src/mock/simulator.js';

/**
 * The simulated Shell's pages: sign-in, authorization, errors; for CONNECT and PICKUP also the identity code, the
 * question, the record a package goes into and the confirmation. Every page has a way out: Cancel back to the
 * application (or, before an identity code names one, back to the page before), and the error page leads back to
 * the application when a safe address is known. In the request's language (targetqs `culture` or `lcid`), with
 * every word from shell-words.ts; built with DOM calls and `textContent` only (every string may come from an
 * application's configuration), so the page runs under `script-src 'self'; require-trusted-types-for 'script'`.
 * Stable ids for tests: `person-{id}`, `sign-in`, `record-{n}` (1-based), `optional-rule-{rule name}`, `approve`,
 * `cancel`, `privacy-link`, `terms-link`, `shell-error`; `identity-code`, `continue`, `code-error`; `answer`,
 * `check-answer`, `answer-error`; `package-contents`, `add-to-record`, `pickup-error`; `done`, `return`, `back`.
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
   * whose code names no application yet. Without it, Cancel there says to close the tab.
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

/** The options and the words of the request's language, which every page needs. */
interface ShellContext extends ShellPageOptions {
  words: ShellWords;
}

/** Shows a new step: replaces the page and moves focus to its heading, so screen readers announce it. */
function show(root: HTMLElement, heading: string, ...content: Node[]): void {
  const title = element('h1', { tabindex: '-1' }, heading);
  root.replaceChildren(title, ...content);
  title.focus();
}

function button(id: string, label: string, onClick: () => void, primary = false): HTMLButtonElement {
  const node = element('button', { type: 'button', id, ...(primary ? { class: 'primary' } : {}) }, label);
  node.addEventListener('click', onClick);
  return node;
}

/**
 * The error page: what is wrong, and the way back to the application when a safe address is known; otherwise it
 * says to close the tab (and offers Back when the page can go back).
 */
function showError(context: ShellContext, message: string, returnUrl?: string): void {
  const { words, back } = context;
  const way =
    returnUrl !== undefined
      ? [button('return', words.returnToTheApplication, () => context.navigate(returnUrl), true)]
      : back
        ? [button('back', words.back, back)]
        : [];
  show(
    context.root,
    words.errorHeading,
    element('p', { id: 'shell-error', class: 'error', role: 'alert' }, message),
    ...(returnUrl === undefined ? [element('p', { id: 'close-tab' }, words.closeThisTab)] : []),
    ...(way.length > 0 ? [element('div', { class: 'actions' }, ...way)] : []),
  );
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

function recordChoices(records: readonly RecordOption[], type: 'radio' | 'checkbox'): HTMLElement[] {
  return records.map((record, index) =>
    choice(
      input(type, `record-${index + 1}`, 'record', record.id, record.checked, !record.selectable),
      `${record.name} (${record.relName})`,
      record.note,
    ),
  );
}

/** The application's privacy statement and terms, in a new tab so that the authorization waits here. */
function appLinks(words: ShellWords, appName: string, links: AppPageLinks): HTMLElement {
  const link = (id: string, href: string, label: string) =>
    element(
      'a',
      { id, href, target: '_blank', rel: 'noopener' },
      label,
      ' ',
      element('span', { class: 'hint-inline' }, words.opensInNewTab),
    );
  return element(
    'ul',
    { class: 'app-links' },
    element('li', {}, link('privacy-link', links.privacy, words.privacyStatement(appName))),
    element('li', {}, link('terms-link', links.serviceAgreement, words.termsOfUse(appName))),
  );
}

const scopeText = (words: ShellWords, rule: RuleView) => words.scope[rule.scope];

interface SignInPage {
  /** Under the heading: what the sign-in is for. */
  purpose: string;
  /** Where Cancel goes. */
  cancelUrl: string;
  /** Where the error page leads when what follows the sign-in fails. */
  failureUrl: string;
  signedIn(personId: string): Promise<void> | void;
}

function renderSignIn(context: ShellContext, page: SignInPage): void {
  const { root, shell, words } = context;
  const people = shell.people();
  const signInButton = element('button', { type: 'submit', id: 'sign-in', class: 'primary' }, words.signIn);
  const form = element(
    'form',
    { id: 'sign-in-form' },
    element(
      'fieldset',
      {},
      element('legend', {}, words.chooseWhoSignsIn),
      ...people.map((person, index) =>
        choice(input('radio', `person-${person.id}`, 'person', person.id, index === 0), person.name),
      ),
    ),
    element(
      'div',
      { class: 'actions' },
      signInButton,
      button('cancel', words.cancel, () => context.navigate(page.cancelUrl)),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const personId = new FormData(form).get('person');
    if (typeof personId !== 'string') return;
    signInButton.disabled = true;
    Promise.resolve()
      .then(() => page.signedIn(personId))
      .catch((error: unknown) =>
        showError(context, error instanceof Error ? error.message : String(error), page.failureUrl),
      );
  });
  show(root, words.signInHeading, element('p', {}, page.purpose), form);
}

interface AuthorizationOptions {
  /** A paragraph above the application's description. */
  lead?: string;
  cancelUrl: string;
  /** Acts on the person's choice; resolves with a problem to show on the page, or nothing once it moved on. */
  submit(approval: Approval): Promise<string | void>;
}

function renderAuthorization(context: ShellContext, page: AuthorizationPage, how: AuthorizationOptions): void {
  const { root, words } = context;
  const records = element(
    'fieldset',
    { id: 'records' },
    element('legend', {}, words.whichRecord(page.appName, page.multiRecord)),
    ...recordChoices(page.records, page.multiRecord ? 'checkbox' : 'radio'),
  );
  const required = element(
    'section',
    { 'aria-labelledby': 'required-heading' },
    element('h2', { id: 'required-heading' }, words.needsAccess(page.appName)),
    element('p', { class: 'hint' }, words.allowAllOfIt),
    element(
      'ul',
      { class: 'rules' },
      ...page.requiredRules.map((rule) =>
        element(
          'li',
          {},
          element('strong', {}, rule.access),
          ` (${scopeText(words, rule)})`,
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
          element('legend', {}, words.optionalAccess),
          ...page.optionalRules.map((rule) =>
            choice(
              input('checkbox', `optional-rule-${rule.name}`, 'optional-rule', rule.name, rule.checked),
              `${rule.access} (${scopeText(words, rule)})`,
              rule.reason,
            ),
          ),
        ),
      ]
    : [];
  const problem = element('p', { id: 'authorize-error', class: 'error', role: 'alert' });
  const approveButton = element('button', { type: 'submit', id: 'approve', class: 'primary' }, words.approve);
  const cancelButton = element('button', { type: 'button', id: 'cancel' }, words.cancel);
  const form = element(
    'form',
    { id: 'authorize-form' },
    ...(how.lead === undefined ? [] : [element('p', {}, how.lead)]),
    element('p', {}, page.appDescription),
    appLinks(words, page.appName, page.appLinks),
    records,
    required,
    ...optional,
    problem,
    element('div', { class: 'actions' }, approveButton, cancelButton),
  );

  cancelButton.addEventListener('click', () => context.navigate(how.cancelUrl));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const recordIds = data.getAll('record').map(String);
    if (recordIds.length === 0) {
      problem.textContent = words.chooseAtLeastOneRecord;
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
  show(root, words.authorizeHeading(page.appName), form);
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
function startAuthorization(context: ShellContext): void {
  const { shell, words } = context;
  const opened = openShellRequest(shell, context.search);
  if (!opened.ok) return showError(context, opened.problem, opened.returnUrl);
  const request = opened.value;
  // trm=post: a return with a token is a form posted to the application; a decline stays a redirect.
  const signedInBack = (url: string) => {
    const form = request.request.tokenByPost ? tokenPost(url) : undefined;
    if (form) (context.post ?? submitForm)(form);
    else context.navigate(url);
  };
  const cancelUrl = rejectUrl(request);
  renderSignIn(context, {
    purpose: words.toContinueTo(request.app.name),
    cancelUrl,
    failureUrl: failureUrl(request),
    async signedIn(personId) {
      const next = await afterSignIn(shell, request, personId);
      if (next.kind === 'return') signedInBack(next.url);
      else if (next.kind === 'error') showError(context, next.message, next.returnUrl);
      else {
        renderAuthorization(context, next.page, {
          cancelUrl,
          submit: (approval) => approve(shell, request, personId, approval).then(signedInBack),
        });
      }
    },
  });
}

/** CONNECT and PICKUP: the identity code (given or typed), sign-in, the question, the record, the confirmation. */
function startCode(context: ShellContext, typed: string | undefined): void {
  const { words } = context;
  const step = openCode(context.shell, typed, words.lang);
  if (step.kind === 'enter-code') renderCodeEntry(context, typed, step.problem);
  else if (step.kind === 'error') showError(context, step.message, step.returnUrl);
  else {
    const { opened } = step;
    const name = opened.app.name;
    renderSignIn(context, {
      purpose: opened.kind === 'package' ? words.toPickUpFrom(name) : words.toConnectTo(name),
      cancelUrl: codeRejectUrl(opened.app),
      failureUrl: codeFailureUrl(opened.app),
      signedIn: (personId) => renderQuestion(context, opened, personId),
    });
  }
}

/**
 * The identity code page: what the person typed before (to correct it) and what is wrong with it. No code names
 * an application yet, so Cancel goes back to the page before, or says to close the tab.
 */
function renderCodeEntry(context: ShellContext, typed: string | undefined, problem: string | undefined): void {
  const { words, back } = context;
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
  const cancel = () =>
    back ? back() : show(context.root, words.cancelledHeading, element('p', { id: 'done' }, words.cancelled));
  const form = element(
    'form',
    { id: 'code-form' },
    element('label', { for: 'identity-code' }, words.codeLabel),
    element('span', { id: 'identity-code-hint', class: 'hint' }, words.codeHint),
    code,
    element('p', { id: 'code-error', class: 'error', role: 'alert' }, problem ?? ''),
    element(
      'div',
      { class: 'actions' },
      element('button', { type: 'submit', id: 'continue', class: 'primary' }, words.continue),
      button('cancel', words.cancel, cancel),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    startCode(context, code.value);
  });
  show(context.root, words.codeHeading, form);
}

function renderQuestion(context: ShellContext, opened: OpenedCode, personId: string): void {
  const { shell, words } = context;
  const answer = element('input', {
    type: 'text',
    id: 'answer',
    name: 'answer',
    autocomplete: 'off',
    'aria-describedby': 'answer-error',
  });
  const problem = element('p', { id: 'answer-error', class: 'error', role: 'alert' });
  const cancelUrl = codeRejectUrl(opened.app);
  const form = element(
    'form',
    { id: 'answer-form' },
    element('p', {}, words.questionLead(opened.app.name)),
    element('label', { for: 'answer' }, opened.question),
    answer,
    problem,
    element(
      'div',
      { class: 'actions' },
      element('button', { type: 'submit', id: 'check-answer', class: 'primary' }, words.continue),
      button('cancel', words.cancel, () => context.navigate(cancelUrl)),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const given = answer.value;
    const step = answerStep(shell, opened, personId, given);
    if (step.kind === 'wrong') {
      problem.textContent = step.message;
      answer.select();
    } else if (step.kind === 'error') showError(context, step.message, step.returnUrl);
    else if (step.kind === 'choose-record') renderPackageRecords(context, opened, personId, given, step);
    else {
      renderAuthorization(context, step.page, {
        lead: words.connectLead(opened.app.name, step.friendlyName),
        cancelUrl,
        submit: async (approval) => finish(context, opened, acceptStep(shell, opened, personId, given, approval)),
      });
    }
  });
  show(context.root, words.questionHeading, form);
}

interface PackageChoice {
  friendlyName: string;
  contents: string[];
  records: RecordOption[];
  appLinks: AppPageLinks;
}

function renderPackageRecords(
  context: ShellContext,
  opened: OpenedCode,
  personId: string,
  answer: string,
  step: PackageChoice,
): void {
  const { words } = context;
  const problem = element('p', { id: 'pickup-error', class: 'error', role: 'alert' });
  const form = element(
    'form',
    { id: 'pickup-form' },
    element('p', {}, words.packageLead(opened.app.name, step.friendlyName)),
    element('ul', { id: 'package-contents' }, ...step.contents.map((item) => element('li', {}, item))),
    appLinks(words, opened.app.name, step.appLinks),
    element(
      'fieldset',
      { id: 'records' },
      element('legend', {}, words.whichRecordForPackage),
      ...recordChoices(step.records, 'radio'),
    ),
    problem,
    element(
      'div',
      { class: 'actions' },
      element('button', { type: 'submit', id: 'add-to-record', class: 'primary' }, words.addToRecord),
      button('cancel', words.cancel, () => context.navigate(codeRejectUrl(opened.app))),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const recordId = new FormData(form).get('record');
    if (typeof recordId !== 'string') {
      problem.textContent = words.chooseARecord;
      return;
    }
    const message = finish(context, opened, pickUpStep(context.shell, opened, personId, answer, recordId));
    if (message !== undefined) problem.textContent = message;
  });
  show(context.root, words.packageHeading, form);
}

/** Shows where a connect request or a package ended; gives back the problem of a wrong answer, to show in place. */
function finish(context: ShellContext, opened: OpenedCode, step: DoneStep): string | undefined {
  if (step.kind === 'wrong') return step.message;
  if (step.kind === 'error') showError(context, step.message, step.returnUrl);
  else {
    const { returnUrl } = step;
    show(
      context.root,
      step.heading,
      element('p', { id: 'done' }, step.message),
      ...(step.contents.length > 0 ? [element('ul', {}, ...step.contents.map((item) => element('li', {}, item)))] : []),
      element(
        'div',
        { class: 'actions' },
        button('return', context.words.returnTo(opened.app.name), () => context.navigate(returnUrl), true),
      ),
    );
  }
  return undefined;
}

/** The document around the pages in the request's language: `lang` on `<html>`, the title, the banner's notice. */
function applyLanguage(document: Document, words: ShellWords): void {
  document.documentElement.lang = words.lang;
  document.title = words.title;
  const notice = document.getElementById('shell-notice');
  if (notice) notice.textContent = words.notice;
}

/** Runs the simulated Shell for the request in `options.search`. */
export function startShellPage(options: ShellPageOptions): void {
  const context: ShellContext = { ...options, words: shellWordsFor(options.search) };
  applyLanguage(options.root.ownerDocument, context.words);
  const parsed = parseShellRequest(options.search);
  if (parsed.ok && isCodeRequest(parsed.value)) startCode(context, parsed.value.packageId);
  else startAuthorization(context); // which shows the error page of a request it cannot open
}
