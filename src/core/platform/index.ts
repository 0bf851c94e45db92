export { Methods, requestNamespace, responseNamespace, type MethodName } from './methods.js';
export { child, childrenNamed, childText, type XmlNode } from './xml-node.js';
export { StatusCode, statusName, statusMessage, type StatusCodeName } from './status-codes.js';
export { decodeResponse, PlatformError } from './platform-error.js';
export { escapeXmlAttribute, escapeXmlText, infoXml, xmlElement, type XmlFragment } from './xml-write.js';
export {
  getPersonInfoRequest,
  type GetPersonInfoOptions,
  type PersonInfo,
  type PersonGroup,
  type Culture,
  type EffectiveRecordPermission,
} from './methods/get-person-info.js';
export { decodePersonInfo } from './methods/person-info-decode.js';
export {
  getAuthorizedRecordsRequest,
  decodeAuthorizedRecords,
  type RecordInfo,
  type RecordState,
  type AppRecordAuthAction,
} from './methods/get-authorized-records.js';
export {
  queryPermissionsRequest,
  decodePermissions,
  type Permission,
  type ThingTypePermission,
} from './methods/query-permissions.js';
export {
  getApplicationInfoRequest,
  decodeApplicationInfo,
  type GetApplicationInfoOptions,
  type ApplicationInfo,
  type AuthRule,
  type LocalizedText,
} from './methods/get-application-info.js';
export {
  createConnectRequestRequest,
  decodeCreatedConnectRequest,
  type CreatedConnectRequest,
  type NewConnectRequest,
} from './methods/create-connect-request.js';
export {
  getAuthorizedConnectRequestsRequest,
  decodeAuthorizedConnectRequests,
  type AuthorizedConnectRequest,
  type GetAuthorizedConnectRequestsOptions,
} from './methods/get-authorized-connect-requests.js';
export { deletePendingConnectRequestRequest } from './methods/delete-pending-connect-request.js';
export { updateExternalIdRequest, type UpdateExternalIdRequest } from './methods/update-external-id.js';
