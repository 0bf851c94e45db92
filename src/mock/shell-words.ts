import { THING_TYPE_NAMES, ThingType } from './scenarios.js';
import type { AccessScope, SimPermission, SimRecordState } from './state.js';

/**
 * Every word the simulated Shell shows, in English and Spanish: the browser's Shell page, the HTTP simulator's
 * pages and the flow's messages all read them from here. The request's targetqs `culture` (an ISO culture such
 * as `es-MX`) or `lcid` (a decimal Windows locale id such as `3082`) chooses the language (reference §2.1); Spanish
 * for Spanish, English for anything else: the deployment's default, which the docs say HealthVault falls back to
 * for a language it does not support (SRI, `Account.LanguageCode`).
 * Names and texts from an application's configuration (its name, description, rule reasons) stay as configured.
 */

export type ShellLanguage = 'en' | 'es';

/** Windows locale ids keep the language in their low 10 bits; 0x0a is Spanish in every country (es-ES 3082, es-MX 2058…). */
const SPANISH_PRIMARY_LANGUAGE = 0x0a;

/** The Shell's language for a request's `culture` and `lcid` (either may be absent); `culture` wins. */
export function shellLanguageOf(culture: string | undefined, lcid: string | undefined): ShellLanguage {
  if (culture !== undefined) return /^es(-|$)/i.test(culture.trim()) ? 'es' : 'en';
  const id = Number(lcid);
  return Number.isInteger(id) && (id & 0x3ff) === SPANISH_PRIMARY_LANGUAGE ? 'es' : 'en';
}

export interface ShellWords {
  /** `lang` of the page. */
  lang: ShellLanguage;
  /** For dates. */
  locale: string;
  title: string;
  notice: string;

  signInHeading: string;
  toContinueTo(app: string): string;
  toConnectTo(app: string): string;
  toPickUpFrom(app: string): string;
  chooseWhoSignsIn: string;
  signIn: string;
  cancel: string;
  back: string;
  continue: string;

  authorizeHeading(app: string): string;
  whichRecord(app: string, multiRecord: boolean): string;
  needsAccess(app: string): string;
  allowAllOfIt: string;
  optionalAccess: string;
  approve: string;
  chooseAtLeastOneRecord: string;
  scope: Readonly<Record<AccessScope, string>>;
  /** "Read, Create: Medications, Allergies". */
  access(permissions: readonly SimPermission[], thingTypeIds: readonly string[]): string;
  privacyStatement(app: string): string;
  termsOfUse(app: string): string;
  opensInNewTab: string;
  relationship(relType: number, relName: string): string;

  locationNotSupported: string;
  cannotAuthorizeForRecord: string;
  recordUnavailable(state: SimRecordState): string;
  asksForMore: string;
  noRecordCanBeAuthorized(app: string): string;

  errorHeading: string;
  returnToTheApplication: string;
  returnTo(app: string): string;
  closeThisTab: string;
  returningHeading: string;
  returning: string;
  cancelledHeading: string;
  cancelled: string;

  unknownTarget(target: string): string;
  severalApplications: string;
  notAGuid(appId: string): string;
  redirectNotAllowed(redirect: string): string;
  namesNoApplication(target: string): string;
  unknownApplication(appId: string): string;
  unknownOptionalRule(app: string, scope: AccessScope, rule: string): string;

  codeHeading: string;
  codeLabel: string;
  codeHint: string;
  typeTheCode: string;
  lettersOnly: string;
  letterCount(count: number): string;
  linkWithoutCode: string;
  noSuchCode: string;
  noSuchCodeAnyMore: string;
  expiredOn(date: string, app: string | undefined): string;
  locked(app: string | undefined): string;
  pickedUp: string;
  questionHeading: string;
  questionLead(app: string): string;
  wrongAnswer(triesLeft: number): string;
  connectLead(app: string, friendlyName: string): string;
  connectedHeading: string;
  connected(app: string, record: string): string;
  packageHeading: string;
  packageLead(app: string, friendlyName: string): string;
  whichRecordForPackage: string;
  addToRecord: string;
  chooseARecord: string;
  noRecordTakesItems: string;
  cannotAddToRecord: string;
  addedHeading: string;
  added(record: string): string;
}

const PERMISSION_ORDER: readonly SimPermission[] = ['Read', 'Create', 'Update', 'Delete'];

/** "Read, Create: Medications, Allergies" in the words of `names`. */
function accessIn(names: {
  permission: Readonly<Record<SimPermission, string>>;
  thingType(id: string): string;
}): ShellWords['access'] {
  return (permissions, thingTypeIds) =>
    `${PERMISSION_ORDER.filter((p) => permissions.includes(p))
      .map((p) => names.permission[p])
      .join(', ')}: ${thingTypeIds.map(names.thingType).join(', ')}`;
}

const english: ShellWords = {
  lang: 'en',
  locale: 'en-US',
  title: 'HealthVault (simulated Shell)',
  notice: 'Simulated HealthVault Shell of hv-elements: no real account, no real health data.',

  signInHeading: 'Sign in to HealthVault',
  toContinueTo: (app) => `to continue to ${app}`,
  toConnectTo: (app) => `to connect to ${app}`,
  toPickUpFrom: (app) => `to pick up a package from ${app}`,
  chooseWhoSignsIn: 'Choose who signs in',
  signIn: 'Sign in',
  cancel: 'Cancel',
  back: 'Back',
  continue: 'Continue',

  authorizeHeading: (app) => `Authorize ${app}`,
  whichRecord: (app, multiRecord) => (multiRecord ? `Which records may ${app} use?` : `Which record may ${app} use?`),
  needsAccess: (app) => `${app} needs this access`,
  allowAllOfIt: 'To use the application you have to allow all of it.',
  optionalAccess: 'Optional access: choose what to allow',
  approve: 'Approve and continue',
  chooseAtLeastOneRecord: 'Choose at least one record.',
  scope: { online: 'while you are signed in', offline: 'also when you are not signed in (offline)' },
  access: accessIn({
    permission: { Read: 'Read', Create: 'Create', Update: 'Update', Delete: 'Delete' },
    thingType: (id) => THING_TYPE_NAMES[id] ?? `thing type ${id}`,
  }),
  privacyStatement: (app) => `Privacy statement of ${app}`,
  termsOfUse: (app) => `Terms of use of ${app}`,
  opensInNewTab: '(opens in a new tab)',
  relationship: (_relType, relName) => relName,

  locationNotSupported: "This application does not support records in this record's location.",
  cannotAuthorizeForRecord: 'You can view this record but cannot authorize applications for it.',
  recordUnavailable: (state) =>
    `This record is ${{ Active: 'active', ReadOnly: 'read-only', Suspended: 'suspended', Deleted: 'deleted' }[state]}.`,
  asksForMore: 'The application now asks for more than you allowed.',
  noRecordCanBeAuthorized: (app) => `None of your records can be authorized for ${app}.`,

  errorHeading: 'HealthVault cannot continue',
  returnToTheApplication: 'Return to the application',
  returnTo: (app) => `Return to ${app}`,
  closeThisTab: 'HealthVault cannot tell which application to take you back to. You can close this tab.',
  returningHeading: 'Returning to the application',
  returning: 'HealthVault is taking you back to the application.',
  cancelledHeading: 'Nothing was shared',
  cancelled: 'You can close this tab, or go back to the page you came from.',

  unknownTarget: (target) =>
    `The simulated Shell plays the AUTH, APPAUTH, CONNECT and PICKUP targets only; got "${target}".`,
  severalApplications: 'The simulated Shell authorizes one application at a time; appid lists several.',
  notAGuid: (appId) => `The application id "${appId}" is not a GUID.`,
  redirectNotAllowed: (redirect) =>
    `The redirect "${redirect}" is not allowed: it must be an https URL, or http on localhost.`,
  namesNoApplication: (target) => `${target} names no application to authorize.`,
  unknownApplication: (appId) => `No application with id ${appId} is registered with HealthVault.`,
  unknownOptionalRule: (app, scope, rule) => `${app} has no optional ${scope} rule named "${rule}".`,

  codeHeading: 'Enter your identity code',
  codeLabel: 'Identity code',
  codeHint: '20 letters, in five groups of four, as in the message you were given.',
  typeTheCode: 'Type the identity code you were given.',
  lettersOnly: 'An identity code has letters only (the dashes are optional).',
  letterCount: (count) => `That is ${count} letters; an identity code has 20.`,
  linkWithoutCode: 'That link has no identity code in it.',
  noSuchCode: 'No connect request or package has this identity code. Check it and try again.',
  noSuchCodeAnyMore: 'No connect request or package has this identity code any more.',
  expiredOn: (date, app) => `This identity code expired on ${date}.${app ? ` Ask ${app} for a new one.` : ''}`,
  locked: (app) =>
    `This identity code can no longer be used: its question was answered wrongly three times.${app ? ` Ask ${app} for a new one.` : ''}`,
  pickedUp: 'This package has already been picked up.',
  questionHeading: 'Answer the question',
  questionLead: (app) => `${app} asks you this question to make sure its request is for you.`,
  wrongAnswer: (triesLeft) =>
    `That is not the answer. You have ${triesLeft === 1 ? '1 try' : `${triesLeft} tries`} left.`,
  connectLead: (app, friendlyName) => `${app} asks to connect to your record: ${friendlyName}.`,
  connectedHeading: 'Connected',
  connected: (app, record) => `${app} can now use the record of ${record}.`,
  packageHeading: 'Pick up your package',
  packageLead: (app, friendlyName) => `${app} sent you a package, “${friendlyName}”. It holds:`,
  whichRecordForPackage: 'Which record should it go into?',
  addToRecord: 'Add to the record',
  chooseARecord: 'Choose a record.',
  noRecordTakesItems: 'None of your records can take new items.',
  cannotAddToRecord: 'You cannot add items to this record.',
  addedHeading: 'Added to your record',
  added: (record) => `Added to the record of ${record}:`,
};

const SPANISH_THING_TYPES: Readonly<Record<string, string>> = {
  [ThingType.Medication]: 'Medicamentos',
  [ThingType.Allergy]: 'Alergias',
  [ThingType.Weight]: 'Peso',
  [ThingType.Height]: 'Estatura',
  [ThingType.BloodPressure]: 'Presión arterial',
  [ThingType.Condition]: 'Afecciones',
  [ThingType.LabResults]: 'Resultados de laboratorio',
};

/** HealthVault's relationship types (rel-type, reference §10) as the Spanish Shell names them. */
const SPANISH_RELATIONSHIPS: Readonly<Record<number, string>> = {
  1: 'Yo',
  2: 'Otro',
  3: 'Cónyuge',
  5: 'Hijo o hija',
  6: 'Tutor',
  7: 'Paciente',
  8: 'Padre o madre',
  10: 'Familiar',
  11: 'Pareja de hecho',
  13: 'Mascota',
  14: 'Hijo',
  15: 'Hija',
};

const spanish: ShellWords = {
  lang: 'es',
  locale: 'es',
  title: 'HealthVault (Shell simulado)',
  notice: 'Shell simulado de HealthVault de hv-elements: ninguna cuenta real, ningún dato de salud real.',

  signInHeading: 'Iniciar sesión en HealthVault',
  toContinueTo: (app) => `para continuar a ${app}`,
  toConnectTo: (app) => `para conectarse con ${app}`,
  toPickUpFrom: (app) => `para recoger un paquete de ${app}`,
  chooseWhoSignsIn: 'Elija quién inicia sesión',
  signIn: 'Iniciar sesión',
  cancel: 'Cancelar',
  back: 'Volver',
  continue: 'Continuar',

  authorizeHeading: (app) => `Autorizar a ${app}`,
  whichRecord: (app, multiRecord) =>
    multiRecord ? `¿Qué registros puede usar ${app}?` : `¿Qué registro puede usar ${app}?`,
  needsAccess: (app) => `${app} necesita este acceso`,
  allowAllOfIt: 'Para usar la aplicación tiene que permitirlo todo.',
  optionalAccess: 'Acceso opcional: elija qué permitir',
  approve: 'Aprobar y continuar',
  chooseAtLeastOneRecord: 'Elija al menos un registro.',
  scope: {
    online: 'mientras tenga la sesión iniciada',
    offline: 'también cuando no tenga la sesión iniciada (sin conexión)',
  },
  access: accessIn({
    permission: { Read: 'Leer', Create: 'Crear', Update: 'Modificar', Delete: 'Eliminar' },
    thingType: (id) => SPANISH_THING_TYPES[id] ?? `tipo de dato ${id}`,
  }),
  privacyStatement: (app) => `Declaración de privacidad de ${app}`,
  termsOfUse: (app) => `Condiciones de uso de ${app}`,
  opensInNewTab: '(se abre en una pestaña nueva)',
  relationship: (relType, relName) => SPANISH_RELATIONSHIPS[relType] ?? relName,

  locationNotSupported: 'Esta aplicación no admite registros de la ubicación de este registro.',
  cannotAuthorizeForRecord: 'Puede ver este registro, pero no autorizar aplicaciones para él.',
  recordUnavailable: (state) =>
    `Este registro está ${{ Active: 'activo', ReadOnly: 'en solo lectura', Suspended: 'suspendido', Deleted: 'eliminado' }[state]}.`,
  asksForMore: 'La aplicación ahora pide más de lo que usted permitió.',
  noRecordCanBeAuthorized: (app) => `Ninguno de sus registros se puede autorizar para ${app}.`,

  errorHeading: 'HealthVault no puede continuar',
  returnToTheApplication: 'Volver a la aplicación',
  returnTo: (app) => `Volver a ${app}`,
  closeThisTab: 'HealthVault no sabe a qué aplicación llevarle de vuelta. Puede cerrar esta pestaña.',
  returningHeading: 'Volviendo a la aplicación',
  returning: 'HealthVault le está llevando de vuelta a la aplicación.',
  cancelledHeading: 'No se compartió nada',
  cancelled: 'Puede cerrar esta pestaña o volver a la página de la que venía.',

  unknownTarget: (target) =>
    `El Shell simulado solo atiende los destinos AUTH, APPAUTH, CONNECT y PICKUP; recibió "${target}".`,
  severalApplications: 'El Shell simulado autoriza una aplicación cada vez; appid nombra varias.',
  notAGuid: (appId) => `El identificador de aplicación "${appId}" no es un GUID.`,
  redirectNotAllowed: (redirect) =>
    `La dirección de vuelta "${redirect}" no está permitida: debe ser una URL https, o http en localhost.`,
  namesNoApplication: (target) => `${target} no nombra ninguna aplicación que autorizar.`,
  unknownApplication: (appId) => `Ninguna aplicación con el identificador ${appId} está registrada en HealthVault.`,
  unknownOptionalRule: (app, scope, rule) =>
    `${app} no tiene ninguna regla opcional ${scope === 'online' ? 'en línea' : 'sin conexión'} llamada "${rule}".`,

  codeHeading: 'Escriba su código de identidad',
  codeLabel: 'Código de identidad',
  codeHint: '20 letras, en cinco grupos de cuatro, como en el mensaje que recibió.',
  typeTheCode: 'Escriba el código de identidad que recibió.',
  lettersOnly: 'Un código de identidad solo tiene letras (los guiones son opcionales).',
  letterCount: (count) => `Eso son ${count} letras; un código de identidad tiene 20.`,
  linkWithoutCode: 'Ese enlace no contiene ningún código de identidad.',
  noSuchCode:
    'Ninguna solicitud de conexión ni paquete tiene este código de identidad. Compruébelo y vuelva a intentarlo.',
  noSuchCodeAnyMore: 'Ninguna solicitud de conexión ni paquete tiene ya este código de identidad.',
  expiredOn: (date, app) => `Este código de identidad caducó el ${date}.${app ? ` Pida uno nuevo a ${app}.` : ''}`,
  locked: (app) =>
    `Este código de identidad ya no se puede usar: su pregunta se respondió mal tres veces.${app ? ` Pida uno nuevo a ${app}.` : ''}`,
  pickedUp: 'Este paquete ya se recogió.',
  questionHeading: 'Responda a la pregunta',
  questionLead: (app) => `${app} le hace esta pregunta para asegurarse de que su solicitud es para usted.`,
  wrongAnswer: (triesLeft) =>
    `Esa no es la respuesta. Le ${triesLeft === 1 ? 'queda 1 intento' : `quedan ${triesLeft} intentos`}.`,
  connectLead: (app, friendlyName) => `${app} pide conectarse con su registro: ${friendlyName}.`,
  connectedHeading: 'Conectado',
  connected: (app, record) => `${app} ya puede usar el registro de ${record}.`,
  packageHeading: 'Recoja su paquete',
  packageLead: (app, friendlyName) => `${app} le envió un paquete, «${friendlyName}». Contiene:`,
  whichRecordForPackage: '¿En qué registro debe guardarse?',
  addToRecord: 'Añadir al registro',
  chooseARecord: 'Elija un registro.',
  noRecordTakesItems: 'Ninguno de sus registros admite elementos nuevos.',
  cannotAddToRecord: 'No puede añadir elementos a este registro.',
  addedHeading: 'Añadido a su registro',
  added: (record) => `Se añadió al registro de ${record}:`,
};

export const SHELL_WORDS: Readonly<Record<ShellLanguage, ShellWords>> = { en: english, es: spanish };
