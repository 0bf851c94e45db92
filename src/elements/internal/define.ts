/**
 * Registers `constructor` as `tagName` unless that name is taken. Loading the kit twice (a cdn script and an
 * npm copy, or the same script tag twice) must not break the partner's page, so a second definition is
 * skipped, with a warning when it comes from a different class.
 */
export function define(tagName: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tagName);
  if (existing === undefined) {
    customElements.define(tagName, constructor);
  } else if (existing !== constructor) {
    console.warn(`hv-elements: <${tagName}> is defined by another copy of the kit; keeping that one.`);
  }
}
