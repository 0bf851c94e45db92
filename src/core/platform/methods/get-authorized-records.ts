import type { MethodDescriptor } from '../method-descriptor.js';
import { Methods } from '../methods.js';
import { infoXml } from '../xml-write.js';
import { childrenNamed, type XmlNode } from '../xml-node.js';
import { guidElements } from './guid-elements.js';
import { requiredInfo } from '../response.js';
import { decodeRecord, type RecordInfo } from './record.js';

export { decodeRecord, type AppRecordAuthAction, type RecordInfo, type RecordState } from './record.js';

/** The `<info>` of GetAuthorizedRecords for `recordIds`. */
export function getAuthorizedRecordsRequest(recordIds: readonly string[]): string {
  const { GetAuthorizedRecords } = Methods;
  return infoXml(GetAuthorizedRecords, guidElements(GetAuthorizedRecords, 'id', 'record id', recordIds));
}

/**
 * The records of a GetAuthorizedRecords response. Requested ids the person cannot use with the application are
 * simply absent: the platform omits them without an error.
 */
export function decodeAuthorizedRecords(info: XmlNode | undefined): RecordInfo[] {
  return childrenNamed(requiredInfo(Methods.GetAuthorizedRecords, info), 'record').map((node) =>
    decodeRecord(node, 'record'),
  );
}

/** The given records, those the application may still reach (unknown or unauthorized ids are left out). */
export const getAuthorizedRecords: MethodDescriptor<readonly string[], RecordInfo[]> = {
  name: Methods.GetAuthorizedRecords,
  version: 1,
  readOnly: true,
  buildInfo: getAuthorizedRecordsRequest,
  decode: decodeAuthorizedRecords,
};
