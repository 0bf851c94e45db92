import { HvConnectRequestList } from '../elements/connect-request-list/connect-request-list.js';
import { define } from '../elements/internal/define.js';

define('hv-connect-request-list', HvConnectRequestList);
