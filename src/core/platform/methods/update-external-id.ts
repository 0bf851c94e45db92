import { HvError } from '../../errors.js';
import type { MethodDescriptor } from '../method-descriptor.js';
import { Methods } from '../methods.js';
import { infoXml } from '../xml-write.js';
import { noInfo } from '../response.js';
import { textElement } from './text-element.js';

/**
 * The request whose external id changes, named by its current external id or by its identity code (as the platform
 * returned it), and its new external id. The .NET SDK names connect requests by external id, and drop-off packages
 * (which this method also serves) by identity code.
 */
export type UpdateExternalIdRequest =
  | { oldExternalId: string; identityCode?: never; newExternalId: string }
  | { identityCode: string; oldExternalId?: never; newExternalId: string };

/** The `<info>` of UpdateExternalId: the schema's choice of identity code or old external id, then the new id. */
export function updateExternalIdRequest(request: UpdateExternalIdRequest): string {
  const method = Methods.UpdateExternalId;
  const { oldExternalId, identityCode, newExternalId } = request;
  if ((oldExternalId === undefined) === (identityCode === undefined)) {
    throw new HvError(
      'invalid-config',
      `${method} takes the old external id or the identity code of the request, ` +
        (identityCode === undefined ? 'and was given neither.' : 'not both.'),
    );
  }
  return infoXml(method, [
    identityCode === undefined
      ? textElement(method, 'old-external-id', 'old external id', oldExternalId)
      : textElement(method, 'identity-code', 'identity code', identityCode),
    textElement(method, 'new-external-id', 'new external id', newExternalId),
  ]);
}

/** Gives a connect request (or a drop-off package) a new external id. */
export const updateExternalId: MethodDescriptor<UpdateExternalIdRequest, void> = {
  name: Methods.UpdateExternalId,
  version: 1,
  readOnly: false,
  buildInfo: updateExternalIdRequest,
  decode: noInfo,
};
