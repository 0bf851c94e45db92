import { HvConnectRequestForm } from '../elements/connect-request-form/connect-request-form.js';
import { define } from '../elements/internal/define.js';

define('hv-connect-request-form', HvConnectRequestForm);
