// The self-defining cdn entry: one <script> defines every element. The provider is defined first so that
// consumers already in the page find their configuration as they upgrade. It exports only what a page using
// the elements needs; code that only some pages run (completing a Shell return) loads on first use.
import type { HandleShellReturnOptions, ShellReturnOutcome } from './index.js';
import './define/config.js';
import './define/connect-button.js';
import './define/auth-status.js';
import './define/optional-rule-prompt.js';

export { HvError } from './core/errors.js';
export { HvConfigElement } from './elements/config/config.js';
export { HvConnectButton } from './elements/connect-button/connect-button.js';
export { HvAuthStatus } from './elements/auth-status/auth-status.js';
export { HvReauthorizeButton } from './elements/auth-status/reauthorize-button.js';
export { HvOptionalRulePrompt } from './elements/optional-rule-prompt/optional-rule-prompt.js';
export { getSession } from './session/session.js';

/** See `handleShellReturn` in the npm package; `options.proxy` may be the proxy's URL. */
export async function handleShellReturn(options: HandleShellReturnOptions): Promise<ShellReturnOutcome | undefined> {
  const { handleShellReturn: handle } = await import('./session/shell-return.js');
  return handle(options);
}
