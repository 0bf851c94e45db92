import type { MethodDescriptor } from '../method-descriptor.js';
import { HvError } from '../../errors.js';
import { isGuid } from '../../guid.js';
import { Methods } from '../methods.js';
import { infoXml, xmlElement, type XmlFragment } from '../xml-write.js';
import { child, childrenNamed, childText, type XmlNode } from '../xml-node.js';
import {
  malformed,
  parseBoolean,
  parseDateTime,
  parseEnum,
  parseInteger,
  requiredChild,
  requiredInfo,
  requiredText,
  withoutUndefined,
} from '../response.js';
import { PERMISSIONS, type Permission } from './query-permissions.js';

export interface GetApplicationInfoOptions {
  /** Return every translation of the localized strings, instead of the best match for the request's culture. */
  allLanguages?: boolean;
  /** Ask for a child application's configuration (the caller must be its master application). */
  childAppId?: string;
}

/** A localized string (`wc-types:CultureSpecificString`): `lang` is its `xml:lang`, absent for the default. */
export interface LocalizedText {
  text: string;
  lang?: string;
}

/** The text of `texts` in `language` (a primary subtag such as `es`), else the first one (the default entry). */
export function textIn(texts: readonly LocalizedText[], language: string): string | undefined {
  return (texts.find((text) => text.lang?.split('-')[0].toLowerCase() === language) ?? texts[0])?.text;
}

/** One authorization rule of the application (`wc-auth:Rule`). */
export interface AuthRule {
  /** The rule name that `onopt#`/`offopt#` refer to; required rules may have none. */
  name?: string;
  optional: boolean;
  /** Part of an incremental authorization request. */
  incremental: boolean;
  /** Why the application asks, as shown to the person, per language. */
  reasons: LocalizedText[];
  /** How the Shell presents an optional rule (the platform's bit flags, passed through as they are). */
  displayFlags: number;
  permissions: Permission[];
  /** The thing types the rule covers (every `target-set`; date ranges are not decoded). */
  typeIds: string[];
  /** The thing types explicitly excluded (every `exception-set`). */
  exceptionTypeIds: string[];
}

/** The application's own configuration (`wc-app:AppWithLogos`); logos and statements are not decoded. */
export interface ApplicationInfo {
  id: string;
  /** The first (best matching) name. */
  name: string;
  names: LocalizedText[];
  descriptions: LocalizedText[];
  authReasons: LocalizedText[];
  actionUrl?: string;
  appAuthRequired: boolean;
  restrictAppUsers: boolean;
  isPublished: boolean;
  domainName?: string;
  appType: string;
  masterAppId?: string;
  createdDate?: Date;
  updatedDate?: Date;
  onlineRules: AuthRule[];
  offlineRules: AuthRule[];
}

/** The `<info>` of GetApplicationInfo. */
export function getApplicationInfoRequest(options: GetApplicationInfoOptions = {}): string {
  const parameters: XmlFragment[] = [];
  if (options.allLanguages !== undefined) parameters.push(xmlElement('all-languages', String(options.allLanguages)));
  if (options.childAppId !== undefined) {
    if (!isGuid(options.childAppId)) {
      throw new HvError('invalid-config', `GetApplicationInfo: child app id "${options.childAppId}" is not a GUID.`);
    }
    parameters.push(xmlElement('child-app-id', options.childAppId));
  }
  return infoXml(Methods.GetApplicationInfo, parameters);
}

function localizedTexts(node: XmlNode, name: string): LocalizedText[] {
  return childrenNamed(node, name).map((text) =>
    withoutUndefined({ text: text.text.trim(), lang: text.attributes['xml:lang'] }),
  );
}

function decodeRule(rule: XmlNode, where: string): AuthRule {
  const permissions = childrenNamed(rule, 'permission').map(
    (permission) => parseEnum(permission.text, PERMISSIONS, `${where}/permission`) as Permission,
  );
  if (permissions.length === 0) throw malformed(where, 'has no <permission>');
  const typeIdsOf = (set: string) =>
    childrenNamed(rule, set).flatMap((s) => childrenNamed(s, 'type-id').map((id) => id.text.trim()));
  return withoutUndefined({
    name: rule.attributes['name'],
    optional: parseBoolean(rule.attributes['is-optional'], `${where}/@is-optional`) ?? false,
    incremental: parseBoolean(rule.attributes['is-incr'], `${where}/@is-incr`) ?? false,
    reasons: localizedTexts(rule, 'reason'),
    displayFlags: parseInteger(childText(rule, 'display-flags'), `${where}/display-flags`) ?? 0,
    permissions,
    typeIds: typeIdsOf('target-set'),
    exceptionTypeIds: typeIdsOf('exception-set'),
  });
}

/** The rules of a `wc-auth:AuthXml` (`<auth><rules><rule>…`); none when the element is absent. */
function decodeRules(authXml: XmlNode | undefined, where: string): AuthRule[] {
  return childrenNamed(child(child(authXml, 'auth'), 'rules'), 'rule').map((rule) =>
    decodeRule(rule, `${where}/auth/rules/rule`),
  );
}

/** Reads the `<application>` of a GetApplicationInfo response. */
export function decodeApplicationInfo(info: XmlNode | undefined): ApplicationInfo {
  const where = 'application';
  const app = requiredChild(
    requiredInfo(Methods.GetApplicationInfo, info),
    'application',
    'the GetApplicationInfo <info>',
  );
  const names = localizedTexts(app, 'name');
  if (!names[0]?.text) throw malformed(where, 'has no <name>');
  const requiredBoolean = (name: string) => parseBoolean(requiredText(app, name, where), `${where}/${name}`) as boolean;
  return withoutUndefined({
    id: requiredText(app, 'id', where),
    name: names[0].text,
    names,
    descriptions: localizedTexts(app, 'description'),
    authReasons: localizedTexts(app, 'auth-reason'),
    actionUrl: childText(app, 'action-url'),
    appAuthRequired: requiredBoolean('app-auth-required'),
    restrictAppUsers: requiredBoolean('restrict-app-users'),
    isPublished: requiredBoolean('is-published'),
    domainName: childText(app, 'domain-name'),
    appType: requiredText(app, 'app-type', where),
    masterAppId: childText(app, 'master-app-id'),
    createdDate: parseDateTime(childText(app, 'created-date'), `${where}/created-date`),
    updatedDate: parseDateTime(childText(app, 'updated-date'), `${where}/updated-date`),
    onlineRules: decodeRules(
      requiredChild(app, 'person-online-base-auth-xml', where),
      `${where}/person-online-base-auth-xml`,
    ),
    offlineRules: decodeRules(child(app, 'person-offline-base-auth-xml'), `${where}/person-offline-base-auth-xml`),
  });
}

/** The application's own configuration: rules, why strings, thing types. */
export const getApplicationInfo: MethodDescriptor<GetApplicationInfoOptions | undefined, ApplicationInfo> = {
  name: Methods.GetApplicationInfo,
  version: 1,
  readOnly: true,
  buildInfo: (options) => getApplicationInfoRequest(options),
  decode: decodeApplicationInfo,
};
