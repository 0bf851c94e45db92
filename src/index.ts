// Side-effect-free exports: importing this module defines no element (use `hv-elements/define/*` for that).
export { HvError, type HvErrorCode } from './core/errors.js';
export { isGuid } from './core/guid.js';
export * from './core/shell/index.js';
export * from './core/platform/index.js';
export * from './transport/index.js';
export { HvConfigElement } from './elements/config/config.js';
export { HvConnectButton } from './elements/connect-button/connect-button.js';
export {
  captureShellReturn,
  completeShellReturn,
  handleShellReturn,
  type CapturedShellReturn,
  type HandleShellReturnOptions,
  type ShellReturnOutcome,
} from './elements/connect-button/shell-return.js';
export { takeShellReturn } from './elements/connect-button/take-shell-return.js';
export { hvConfigContext, type HvConfig } from './elements/internal/config-context.js';
export { define } from './elements/internal/define.js';
export type * from './elements/internal/events.js';
