// What the code field does with what a person entered, loaded once they start entering a code: read the code, say
// what is wrong with it, and lead to the Shell with it.
import { HvError } from '../../core/errors.js';
import { groupIdentityCode, readIdentityCode, type IdentityCodeReading } from '../../core/shell/identity-code.js';
import { CONNECT_TARGET, PICKUP_TARGET } from '../../core/shell/targets.js';
import { buildUrlFor } from '../../core/shell/url.js';
import { pickupProblemWords } from '../../strings/en-pickup-problems.js';
import type { FormControlCheck } from '../internal/form-control.js';
import type { LocalizeController } from '../internal/localize-controller.js';

/** What the developer is told about a code that cannot be used: never the code, nor any of its characters. */
const WHAT_IS_WRONG: Record<NonNullable<IdentityCodeReading['problem']>, string> = {
  empty: 'is empty',
  'not-a-letter': 'has a character that is not a letter',
  'too-short': 'has fewer than 20 letters',
  'too-long': 'has more than 20 letters',
  'link-without-code': 'is a link without a packageid',
};

/**
 * What the form submits for `value` (the code, canonical), and what is wrong with it in the person's words:
 * `empty` (said only of a required field) is the field's own word.
 */
export function checkCode(
  value: string,
  required: boolean,
  localize: LocalizeController,
  empty: string,
): FormControlCheck {
  const reading = readIdentityCode(value);
  if (reading.code !== undefined) return { formValue: reading.code };
  const word = <K extends keyof typeof pickupProblemWords>(key: K) => localize.term(key) ?? pickupProblemWords[key];
  const { problem, count = 0, offending = '' } = reading;
  const said =
    problem === 'not-a-letter'
      ? word('code.not-a-letter')(offending)
      : problem === 'too-short' || problem === 'too-long'
        ? word(`code.${problem}`)(count)
        : problem === 'empty'
          ? required
            ? empty
            : undefined
          : word('code.link-without-code');
  return { problem: said, formValue: value };
}

/** `value` as printed (grouped by four) when it holds a usable code; otherwise as the person typed it. */
export function asPrinted(value: string): string {
  const { code } = readIdentityCode(value);
  return code ? groupIdentityCode(code) : value;
}

/** Where the code in `value` leads: the Shell's CONNECT or PICKUP page with it, or why it cannot. */
export function shellPageFor(
  value: string,
  kind: 'connect' | 'pickup',
  shell: string | undefined,
): { code: string; url: string } | { error: HvError } {
  const reading = readIdentityCode(value);
  if (reading.code === undefined) {
    const wrong = WHAT_IS_WRONG[reading.problem];
    return { error: new HvError('invalid-input', `<hv-pickup-code-entry>: the identity code ${wrong}.`) };
  }
  if (!shell) return { error: new HvError('invalid-config', 'The shell attribute is missing.') };
  const spec = kind === 'pickup' ? PICKUP_TARGET : CONNECT_TARGET;
  try {
    return { code: reading.code, url: buildUrlFor(spec, { shell, packageId: reading.code }) };
  } catch (error) {
    if (error instanceof HvError) return { error };
    throw error;
  }
}
