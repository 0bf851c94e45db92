/**
 * What `<hv-optional-rule-prompt>` says while nobody is signed in: in the first download, apart from the rest of
 * its words (`en-prompt.ts`), which load with its view.
 */
export const promptSignIn = 'Connect to HealthVault to choose what this app may use.';
