import { HvConfigElement } from '../elements/config/config.js';
import { define } from '../elements/internal/define.js';

define('hv-config', HvConfigElement);
