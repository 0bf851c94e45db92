import { codeLoadFailure } from '../../errors.js';
import type { MethodDescriptor } from '../method-descriptor.js';
import type { PersonInfo } from './person-info.js';

export interface GetPersonInfoOptions {
  /** Also return the groups the person belongs to. */
  groupMembership?: boolean;
  /** Also return the application's effective permissions on each record. */
  effectiveRecordPermissions?: boolean;
}

export type { Culture, EffectiveRecordPermission, PersonGroup, PersonInfo } from './person-info.js';

/**
 * The `<info>` of GetPersonInfo, as `infoXml` writes it (xml-write.ts; the tests hold both to the same text). Its
 * flags are booleans, with nothing to escape: every page asks this on load, and needs no XML writer for it.
 */
export function getPersonInfoRequest(options: GetPersonInfoOptions = {}): string {
  const flag = (name: string, value: boolean | undefined) => (value === undefined ? '' : `<${name}>${value}</${name}>`);
  const flags =
    flag('group-membership', options.groupMembership) +
    flag('effective-record-permissions', options.effectiveRecordPermissions);
  const open = 'wc:info xmlns:wc="urn:com.microsoft.wc.methods.GetPersonInfo"';
  return flags ? `<${open}>${flags}</wc:info>` : `<${open}/>`;
}

/** The signed-in person and their records as this application sees them. */
export const getPersonInfo: MethodDescriptor<GetPersonInfoOptions | undefined, PersonInfo> = {
  name: 'GetPersonInfo',
  version: 1,
  readOnly: true,
  buildInfo: (options) => getPersonInfoRequest(options),
  // Every page asks this on load, and a first visit is answered "signed out": the decoder loads with an answer.
  decode: (info) =>
    import('./person-info-decode.js').then(
      ({ decodePersonInfo }) => decodePersonInfo(info),
      (cause: unknown) => {
        throw codeLoadFailure(cause);
      },
    ),
};
