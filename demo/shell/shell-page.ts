import {
  afterSignIn,
  approve,
  openShellRequest,
  rejectUrl,
  type AuthorizationPage,
  type OpenedRequest,
  type RuleView,
} from '../../src/mock/shell-flow.js';
import type { ShellApi } from '../../src/mock/simulator.js';

/**
 * The simulated Shell's pages: sign-in, authorization, errors. Built with DOM calls and `textContent` only (every
 * string may come from an application's configuration), so the page runs under
 * `script-src 'self'; require-trusted-types-for 'script'`. Stable ids for tests: `person-{id}`, `sign-in`,
 * `record-{n}` (1-based), `optional-rule-{rule name}`, `approve`, `cancel`, `shell-error`.
 */

export interface ShellPageOptions {
  /** Where the pages render. */
  root: HTMLElement;
  /** The Shell request's query string (`?target=…&targetqs=…`). */
  search: string;
  shell: ShellApi;
  /** Leaves for the application (`location.assign` on the real page). */
  navigate(url: string): void;
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

function showError(root: HTMLElement, message: string): void {
  show(
    root,
    'HealthVault cannot continue',
    element('p', { id: 'shell-error', class: 'error', role: 'alert' }, message),
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

function scopeText(rule: RuleView): string {
  return rule.scope === 'online' ? 'while you are signed in' : 'also when you are not signed in (offline)';
}

function renderSignIn(options: ShellPageOptions, opened: OpenedRequest): void {
  const { root, shell } = options;
  const people = shell.people();
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
      element('button', { type: 'submit', id: 'sign-in', class: 'primary' }, 'Sign in'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const personId = new FormData(form).get('person');
    if (typeof personId !== 'string') return;
    form.querySelector('button')!.disabled = true;
    afterSignIn(shell, opened, personId).then(
      (next) => {
        if (next.kind === 'return') options.navigate(next.url);
        else if (next.kind === 'error') showError(root, next.message);
        else renderAuthorization(options, opened, personId, next.page);
      },
      (error: unknown) => showError(root, error instanceof Error ? error.message : String(error)),
    );
  });
  show(root, 'Sign in to HealthVault', element('p', {}, `to continue to ${opened.app.name}`), form);
}

function renderAuthorization(
  options: ShellPageOptions,
  opened: OpenedRequest,
  personId: string,
  page: AuthorizationPage,
): void {
  const { root, shell } = options;
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
    element('p', {}, page.appDescription),
    records,
    required,
    ...optional,
    problem,
    element('div', { class: 'actions' }, approveButton, cancelButton),
  );

  cancelButton.addEventListener('click', () => options.navigate(rejectUrl(opened)));
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
    approve(shell, opened, personId, { recordIds, optionalRules }).then(options.navigate, (error: unknown) => {
      problem.textContent = error instanceof Error ? error.message : String(error);
      approveButton.disabled = cancelButton.disabled = false;
    });
  });
  show(root, `Authorize ${page.appName}`, form);
}

/** Runs the simulated Shell for the request in `options.search`. */
export function startShellPage(options: ShellPageOptions): void {
  const opened = openShellRequest(options.shell, options.search);
  if (opened.ok) renderSignIn(options, opened.value);
  else showError(options.root, opened.problem);
}
