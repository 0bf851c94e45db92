import { HvOptionalRulePrompt } from '../elements/optional-rule-prompt/optional-rule-prompt.js';
import { define } from '../elements/internal/define.js';

define('hv-optional-rule-prompt', HvOptionalRulePrompt);
