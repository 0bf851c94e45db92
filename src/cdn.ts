// The self-defining cdn entry: one <script> defines every element. The provider is defined first so that
// consumers already in the page find their configuration as they upgrade. It exports only what a page using
// the elements needs, so the bundle carries nothing else; the full API is the npm package's.
import './define/config.js';
import './define/connect-button.js';

export { HvError } from './core/errors.js';
export { HvConfigElement } from './elements/config/config.js';
export { HvConnectButton } from './elements/connect-button/connect-button.js';
export { handleShellReturn } from './elements/connect-button/shell-return.js';
export { FetchProxy } from './transport/fetch-proxy.js';
