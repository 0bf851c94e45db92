import { permissionWords } from './en-access.js';

/** The words of `<hv-optional-rule-prompt>` in English, loaded with its view (what it says signed out: `en-prompt-sign-in.ts`). */
export const promptWords = {
  'prompt.heading': (app: string) => `${app} can do more with your permission`,
  'prompt.choose': 'Choose what to allow',
  'prompt.online': 'While you are signed in',
  'prompt.offline': 'Also while you are away: the app keeps this access when you are not signed in',
  'prompt.allow': 'Allow',
  'prompt.notNow': 'Not now',
  'prompt.chooseOne': 'Choose at least one to allow, or choose Not now.',
  'prompt.granted': 'You have allowed this access.',
  'prompt.unavailable': 'This request for more access cannot be shown.',
  'prompt.failed': 'This cannot be shown right now.',
  'prompt.retry': 'Try again',
  ...permissionWords,
};
