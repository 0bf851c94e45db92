import type { MethodDescriptor } from '../method-descriptor.js';
import { Methods } from '../methods.js';
import { infoXml } from '../xml-write.js';
import { noInfo } from '../response.js';
import { textElement } from './text-element.js';

/** The `<info>` of DeletePendingConnectRequest for the request created with `externalId`. */
export function deletePendingConnectRequestRequest(externalId: string): string {
  const method = Methods.DeletePendingConnectRequest;
  return infoXml(method, [textElement(method, 'external-id', 'external id', externalId)]);
}

/**
 * Deletes the application's pending connect request for an external id, when its identity code was lost or may have
 * leaked (then create a new one). A request the patient has already authorized is not deleted.
 */
export const deletePendingConnectRequest: MethodDescriptor<string, void> = {
  name: Methods.DeletePendingConnectRequest,
  version: 1,
  readOnly: false,
  buildInfo: deletePendingConnectRequestRequest,
  decode: noInfo,
};
