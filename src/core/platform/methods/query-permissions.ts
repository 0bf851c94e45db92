import type { MethodDescriptor } from '../method-descriptor.js';
import { Methods } from '../methods.js';
import { infoXml } from '../xml-write.js';
import { childrenNamed, type XmlNode } from '../xml-node.js';
import { guidElements } from './guid-elements.js';
import { parseEnum, requiredInfo, requiredText } from '../response.js';

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

/**
 * The `<info>` of QueryPermissions (send it with the record id): which of `thingTypeIds` the application may
 * read or write in that record.
 */
export function queryPermissionsRequest(thingTypeIds: readonly string[]): string {
  const { QueryPermissions } = Methods;
  return infoXml(QueryPermissions, guidElements(QueryPermissions, 'thing-type-id', 'thing type id', thingTypeIds));
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

/**
 * The thing types of a QueryPermissions response. A requested type the application has no access to at all
 * is absent, as the platform leaves it out.
 */
export function decodePermissions(info: XmlNode | undefined): ThingTypePermission[] {
  return childrenNamed(requiredInfo(Methods.QueryPermissions, info), 'thing-type-permission').map((node) =>
    decodeThingTypePermission(node, 'thing-type-permission'),
  );
}

/** The application's online and offline permissions on the given thing types of one record (`recordId`). */
export const queryPermissions: MethodDescriptor<readonly string[], ThingTypePermission[]> = {
  name: Methods.QueryPermissions,
  version: 1,
  readOnly: true,
  buildInfo: queryPermissionsRequest,
  decode: decodePermissions,
};
