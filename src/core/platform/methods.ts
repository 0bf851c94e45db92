/**
 * Platform method names and the namespaces of their `<info>` documents. Shared as constants with the simulator
 * (the decoders are not shared: both sides validate against the official schemas on their own).
 */
export const Methods = {
  GetPersonInfo: 'GetPersonInfo',
  GetAuthorizedRecords: 'GetAuthorizedRecords',
  QueryPermissions: 'QueryPermissions',
  GetApplicationInfo: 'GetApplicationInfo',
  // Patient Connect (reference §6).
  CreateConnectRequest: 'CreateConnectRequest',
  GetAuthorizedConnectRequests: 'GetAuthorizedConnectRequests',
  DeletePendingConnectRequest: 'DeletePendingConnectRequest',
  UpdateExternalId: 'UpdateExternalId',
} as const;

export type MethodName = (typeof Methods)[keyof typeof Methods];

/** Namespace of a request's `<info>` for `method`. */
export function requestNamespace(method: string): string {
  return `urn:com.microsoft.wc.methods.${method}`;
}

/** Namespace of a response's `<wc:info>` for `method` (version suffix where the schema has one). */
export function responseNamespace(method: string): string {
  return `urn:com.microsoft.wc.methods.response.${method}`;
}
