import { HvPickupCodeEntry } from '../elements/pickup-code-entry/pickup-code-entry.js';
import { define } from '../elements/internal/define.js';

define('hv-pickup-code-entry', HvPickupCodeEntry);
