import { HvError } from '../../errors.js';
import { isGuid } from '../../guid.js';
import { xmlElement, type XmlFragment } from '../xml-write.js';

/**
 * The `<name>` elements of a request that takes one or more GUIDs, after checking them; `what` names the ids in
 * the error messages (`record id`, `thing type id`).
 */
export function guidElements(method: string, name: string, what: string, ids: readonly string[]): XmlFragment[] {
  if (ids.length === 0) throw new HvError('invalid-config', `${method} needs at least one ${what}.`);
  for (const id of ids) {
    if (!isGuid(id)) throw new HvError('invalid-config', `${method}: ${what} "${id}" is not a GUID.`);
  }
  return ids.map((id) => xmlElement(name, id));
}
