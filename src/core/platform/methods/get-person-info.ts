import type { MethodDescriptor } from '../method-descriptor.js';
import { Methods } from '../methods.js';
import { infoXml, xmlElement, type XmlFragment } from '../xml-write.js';
import { child, childrenNamed, childText, type XmlNode } from '../xml-node.js';
import { parseBoolean, requiredChild, requiredInfo, requiredText, withoutUndefined } from '../response.js';
import { decodeRecord, type RecordInfo } from './get-authorized-records.js';
import { decodeThingTypePermission, type ThingTypePermission } from './query-permissions.js';

export interface GetPersonInfoOptions {
  /** Also return the groups the person belongs to. */
  groupMembership?: boolean;
  /** Also return the application's effective permissions on each record. */
  effectiveRecordPermissions?: boolean;
}

/** `wc-types:Culture`: `language` holds `en-US` in some answers, `en` plus a separate `country` in others. */
export interface Culture {
  language?: string;
  country?: string;
}

export interface PersonGroup {
  id: string;
  name: string;
  contactEmail: string;
}

export interface EffectiveRecordPermission {
  recordId: string;
  permissions: ThingTypePermission[];
}

/** The signed-in person as the application sees them (`wc-types:PersonInfo`), ids pseudonymous per application. */
export interface PersonInfo {
  personId: string;
  name: string;
  /** The record the person picked for this application at sign-in. */
  selectedRecordId?: string;
  /** True when the person has more authorized records than the response lists. */
  moreRecords: boolean;
  records: RecordInfo[];
  groups: PersonGroup[];
  preferredCulture?: Culture;
  preferredUiCulture?: Culture;
  location?: { country: string; stateProvince?: string };
  effectiveRecordPermissions: EffectiveRecordPermission[];
}

/** The `<info>` of GetPersonInfo. */
export function getPersonInfoRequest(options: GetPersonInfoOptions = {}): string {
  const flags: XmlFragment[] = [];
  if (options.groupMembership !== undefined) {
    flags.push(xmlElement('group-membership', String(options.groupMembership)));
  }
  if (options.effectiveRecordPermissions !== undefined) {
    flags.push(xmlElement('effective-record-permissions', String(options.effectiveRecordPermissions)));
  }
  return infoXml(Methods.GetPersonInfo, flags);
}

function decodeCulture(node: XmlNode | undefined): Culture | undefined {
  return node && withoutUndefined({ language: childText(node, 'language'), country: childText(node, 'country') });
}

/** Reads the `<person-info>` of a GetPersonInfo response. */
export function decodePersonInfo(info: XmlNode | undefined): PersonInfo {
  const where = 'person-info';
  const person = requiredChild(requiredInfo(Methods.GetPersonInfo, info), 'person-info', 'the GetPersonInfo <info>');
  const location = child(person, 'location');
  return withoutUndefined({
    personId: requiredText(person, 'person-id', where),
    name: requiredText(person, 'name', where),
    selectedRecordId: childText(person, 'selected-record-id'),
    moreRecords: parseBoolean(childText(person, 'more-records'), `${where}/more-records`) ?? false,
    records: childrenNamed(person, 'record').map((record) => decodeRecord(record, `${where}/record`)),
    groups: childrenNamed(child(person, 'groups'), 'group').map((group) => ({
      id: requiredText(group, 'id', `${where}/groups/group`),
      name: requiredText(group, 'name', `${where}/groups/group`),
      contactEmail: requiredText(group, 'contact-email', `${where}/groups/group`),
    })),
    preferredCulture: decodeCulture(child(person, 'preferred-culture')),
    preferredUiCulture: decodeCulture(child(person, 'preferred-uiculture')),
    location:
      location &&
      withoutUndefined({
        country: requiredText(location, 'country', `${where}/location`),
        stateProvince: childText(location, 'state-province'),
      }),
    effectiveRecordPermissions: childrenNamed(
      child(person, 'effective-record-permission-list'),
      'effective-record-permission',
    ).map((entry) => {
      const entryWhere = `${where}/effective-record-permission-list/effective-record-permission`;
      return {
        recordId: requiredText(entry, 'record-id', entryWhere),
        permissions: childrenNamed(entry, 'thing-type-permission').map((node) =>
          decodeThingTypePermission(node, `${entryWhere}/thing-type-permission`),
        ),
      };
    }),
  });
}

/** The signed-in person and their records as this application sees them. */
export const getPersonInfo: MethodDescriptor<GetPersonInfoOptions | undefined, PersonInfo> = {
  name: Methods.GetPersonInfo,
  version: 1,
  readOnly: true,
  buildInfo: (options) => getPersonInfoRequest(options),
  decode: decodePersonInfo,
};
