import { HvConnectButton } from '../elements/connect-button/connect-button.js';
import { define } from '../elements/internal/define.js';

define('hv-connect-button', HvConnectButton);
