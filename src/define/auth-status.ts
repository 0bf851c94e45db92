import { HvAuthStatus } from '../elements/auth-status/auth-status.js';
import { HvReauthorizeButton } from '../elements/auth-status/reauthorize-button.js';
import { define } from '../elements/internal/define.js';
import './connect-button.js';

define('hv-reauthorize-button', HvReauthorizeButton);
define('hv-auth-status', HvAuthStatus);
