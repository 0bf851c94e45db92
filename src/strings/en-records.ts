/**
 * The words of `<hv-auth-status>` in English for a signed-in person's records: why a record is in its state, until
 * when access lasts, the details and "Review access". They load with the code that shows records.
 */
export const recordWords = {
  'why.reauth-required': 'This app now asks for more access. Until you approve, it keeps what you allowed before.',
  'why.reauth-not-possible': 'You cannot grant the access this app now needs on this record, or no longer manage it.',
  'why.location-not-supported': 'This app cannot use records kept where this one is.',
  'why.suspended': 'HealthVault has suspended this record: the app cannot use it.',
  accessUntil: (date: string) => `Access until ${date}`,
  offlineAccess: (until?: string) => `Also while you are away${until ? `, until ${until}` : ''}`,
  reauthorize: 'Review access',
  details: 'What this app can use',
};
