import { HvError } from '../../errors.js';
import { xmlElement, type XmlFragment } from '../xml-write.js';

/**
 * `<name>value</name>` for a `wc-types:stringnz` parameter, after checking it: the schema refuses an empty value
 * (the platform answers INVALID_XML), and `notBlank` refuses whitespace alone as well, where the platform does.
 * `what` names the parameter in the error messages (`external id`); the value itself is never repeated, as some
 * are secrets (the answer, an identity code).
 */
export function textElement(
  method: string,
  name: string,
  what: string,
  value: string | undefined,
  notBlank = false,
): XmlFragment {
  const refuse = (problem: string) => new HvError('invalid-config', `${method}: the ${what} ${problem}.`);
  if (value === undefined) throw refuse('is missing');
  // Script-tag callers have no compiler to catch a number (a numeric patient id, say).
  if (typeof value !== 'string') throw refuse('is not a string');
  if (notBlank && value.trim() === '') throw refuse('is empty or only whitespace');
  if (value === '') throw refuse('is empty');
  return xmlElement(name, value);
}
