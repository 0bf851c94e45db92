import { permissionWords, type PermissionWords } from './en-access.js';

/** The words of `<hv-optional-rule-prompt>` in English, loaded with it (another language's come as `promptWords`). */
export const promptWords: PromptWords = {
  heading: (app) => `${app} can do more with your permission`,
  choose: 'Choose what to allow',
  online: 'While you are signed in',
  offline: 'Also while you are away: the app keeps this access when you are not signed in',
  permissions: permissionWords,
  allow: 'Allow',
  notNow: 'Not now',
  chooseOne: 'Choose at least one to allow, or choose Not now.',
  granted: 'You have allowed this access.',
  unavailable: 'This request for more access cannot be shown.',
  failed: 'This cannot be shown right now.',
  retry: 'Try again',
};

export interface PromptWords {
  heading: (app: string) => string;
  choose: string;
  online: string;
  offline: string;
  permissions: PermissionWords;
  allow: string;
  notNow: string;
  chooseOne: string;
  granted: string;
  unavailable: string;
  failed: string;
  retry: string;
}
