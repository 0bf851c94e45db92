import { codeLoadFailure } from '../../core/errors.js';
import { dispatchHvEvent } from '../../session/events.js';

/**
 * Defines each element of `loaders` (tag name → the import of its define module) once one is in the document:
 * a page that never shows a staff element never downloads its code. Elements inside a shadow root are not seen
 * (as with Shoelace's autoloader): the page loads those with the returned function. A module that fails to load
 * is asked for again at the next change to the page; the elements waiting for it get an `hv-error` (`network`).
 */
export function defineOnFirstUse<TagName extends string>(
  loaders: Readonly<Record<TagName, () => Promise<unknown>>>,
): (tagName: TagName) => Promise<unknown> {
  const loading: Partial<Record<TagName, Promise<unknown>>> = {};
  const load = (tagName: TagName) =>
    (loading[tagName] ??= loaders[tagName]().catch((cause: unknown) => {
      delete loading[tagName];
      const error = codeLoadFailure(cause);
      for (const element of document.querySelectorAll(tagName)) dispatchHvEvent(element, 'hv-error', { error });
      throw error;
    }));
  const loadThoseInTheDocument = () => {
    for (const tagName in loaders) {
      if (!loading[tagName] && document.querySelector(tagName)) load(tagName).catch(() => undefined);
    }
  };
  new MutationObserver(loadThoseInTheDocument).observe(document, { childList: true, subtree: true });
  loadThoseInTheDocument();
  return load;
}
