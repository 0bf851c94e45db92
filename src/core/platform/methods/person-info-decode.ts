import { child, childrenNamed, childText, type XmlNode } from '../xml-node.js';
import { parseBoolean, requiredChild, requiredInfo, requiredText, withoutUndefined } from '../response.js';
import { decodeRecord } from './record.js';
import { decodeThingTypePermission } from './thing-type-permission.js';
import type { Culture, PersonInfo } from './person-info.js';

function decodeCulture(node: XmlNode | undefined): Culture | undefined {
  return node && withoutUndefined({ language: childText(node, 'language'), country: childText(node, 'country') });
}

/** Reads the `<person-info>` of a GetPersonInfo response. */
export function decodePersonInfo(info: XmlNode | undefined): PersonInfo {
  const where = 'person-info';
  const person = requiredChild(requiredInfo('GetPersonInfo', info), 'person-info', 'the GetPersonInfo <info>');
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
