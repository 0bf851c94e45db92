import { permissionWords } from './en-access.js';

/**
 * The words of `<hv-auth-status>`'s details (what the application may use on a record, and why), in English:
 * loaded with the code that shows records.
 */
export const detailsWords = {
  'details.online': 'While you are signed in',
  'details.offline': 'Also while you are away (offline)',
  'details.none': 'Nothing',
  'details.why': 'Why it asks',
  'details.loading': 'Loading…',
  'details.failed': 'This cannot be shown right now.',
  ...permissionWords,
};
