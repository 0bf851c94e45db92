import type { MethodDescriptor } from '../method-descriptor.js';
import { Methods } from '../methods.js';
import { infoXml } from '../xml-write.js';
import { childrenNamed, type XmlNode } from '../xml-node.js';
import { guidElements } from './guid-elements.js';
import { requiredInfo } from '../response.js';
import { decodeThingTypePermission, type ThingTypePermission } from './thing-type-permission.js';

export {
  decodeThingTypePermission,
  PERMISSIONS,
  type Permission,
  type ThingTypePermission,
} from './thing-type-permission.js';

/**
 * The `<info>` of QueryPermissions (send it with the record id): which of `thingTypeIds` the application may
 * read or write in that record.
 */
export function queryPermissionsRequest(thingTypeIds: readonly string[]): string {
  const { QueryPermissions } = Methods;
  return infoXml(QueryPermissions, guidElements(QueryPermissions, 'thing-type-id', 'thing type id', thingTypeIds));
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
