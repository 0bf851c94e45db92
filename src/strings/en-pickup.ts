/**
 * The words of `<hv-pickup-code-entry>` in English. Apart from `en.ts` so that a page without it does not
 * download them.
 */
export const pickupWords = {
  'code.label': 'Identity code',
  'code.hint': 'The 20 letters on your print-out or in your e-mail, such as ABCD-EFGH-JKLM-NPQR-STVW.',
  'code.continue': 'Continue to HealthVault',
  'code.empty': 'Enter the identity code from your print-out or e-mail.',
  'code.not-a-letter': (character: string) => `An identity code has letters only: “${character}” is not one.`,
  'code.too-short': (count: number) => `That is ${count} of the 20 letters of an identity code.`,
  'code.too-long': (count: number) => `That is ${count} letters: an identity code has 20.`,
  'code.link-without-code': 'This link has no identity code in it. Paste the whole link, or type the 20 letters.',
};
