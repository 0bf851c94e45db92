// One `wc-types:ThingTypePermission`: its type and its decoder, which GetPersonInfo's effective permissions need too;
// the QueryPermissions method itself is in query-permissions.ts.
import { childrenNamed, type XmlNode } from '../xml-node.js';
import { parseEnum, requiredText } from '../response.js';

/** A permission on a thing type (`wc-types:Permission`). */
export type Permission = 'All' | 'Read' | 'Update' | 'Create' | 'Delete';

/** Every value of `wc-types:Permission`. */
export const PERMISSIONS: readonly Permission[] = ['All', 'Read', 'Update', 'Create', 'Delete'];

/** What the application may do with one thing type, online (with the person's token) and offline. */
export interface ThingTypePermission {
  thingTypeId: string;
  online: Permission[];
  offline: Permission[];
}

/** Reads one `wc-types:ThingTypePermission` element. */
export function decodeThingTypePermission(node: XmlNode, where: string): ThingTypePermission {
  const permissions = (list: string) =>
    childrenNamed(node, list)
      .flatMap((permissionList) => childrenNamed(permissionList, 'permission'))
      .map((permission) => parseEnum(permission.text, PERMISSIONS, `${where}/${list}/permission`) as Permission);
  return {
    thingTypeId: requiredText(node, 'thing-type-id', where),
    online: permissions('online-access-permissions'),
    offline: permissions('offline-access-permissions'),
  };
}
