import { HvConnectButton } from '../elements/connect-button/connect-button.js';
import { stripShellReturn } from '../session/take-shell-return.js';
import { define } from '../elements/internal/define.js';

// The token leaves the address bar as soon as the kit runs, before any button is on the page.
stripShellReturn();
define('hv-connect-button', HvConnectButton);
