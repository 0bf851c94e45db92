/**
 * The words of `<hv-pickup-code-entry>` in English that it shows before anyone types (what is wrong with a code:
 * `en-pickup-problems.ts`). Apart from `en.ts` so that a page without it does not download them.
 */
export const pickupWords = {
  'code.label': 'Identity code',
  'code.hint': 'The 20 letters on your print-out or in your e-mail, such as ABCD-EFGH-JKLM-NPQR-STVW.',
  'code.continue': 'Continue to HealthVault',
  'code.empty': 'Enter the identity code from your print-out or e-mail.',
};
