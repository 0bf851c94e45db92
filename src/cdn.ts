// The self-defining cdn entry: one <script> defines every element. The provider is defined first so that
// consumers already in the page find their configuration as they upgrade. It exports only what a page using
// the elements needs; code that only some pages run (completing a Shell return, the staff elements) loads on
// first use.
import type { HandleShellReturnOptions, ShellReturnOutcome } from './index.js';
import './define/config.js';
import './define/connect-button.js';
import './define/auth-status.js';
import './define/optional-rule-prompt.js';
import './define/pickup-code-entry.js';
import { defineOnFirstUse } from './elements/internal/define-on-first-use.js';

export { HvError } from './core/errors.js';
export { HvConfigElement } from './elements/config/config.js';
export { HvConnectButton } from './elements/connect-button/connect-button.js';
export { HvAuthStatus } from './elements/auth-status/auth-status.js';
export { HvReauthorizeButton } from './elements/auth-status/reauthorize-button.js';
export { HvOptionalRulePrompt } from './elements/optional-rule-prompt/optional-rule-prompt.js';
export { HvPickupCodeEntry } from './elements/pickup-code-entry/pickup-code-entry.js';
export { getSession } from './session/session.js';

/**
 * Loads and defines a staff element (`hv-connect-request-form`, `hv-connect-request-list`): those in the document
 * load by themselves; call this for one in a shadow root. A patient's page never downloads them.
 */
export const loadElement = defineOnFirstUse({
  'hv-connect-request-form': () => import('./define/connect-request-form.js'),
  'hv-connect-request-list': () => import('./define/connect-request-list.js'),
});

/** See `handleShellReturn` in the npm package; `options.proxy` may be the proxy's URL. */
export async function handleShellReturn(options: HandleShellReturnOptions): Promise<ShellReturnOutcome | undefined> {
  const { handleShellReturn: handle } = await import('./session/shell-return.js');
  return handle(options);
}
