import { codeLoadFailure } from '../../core/errors.js';

/** A module an element loads on first use: at hand synchronously once loaded, for every element of the page. */
export interface LazyModule<Module> {
  /** The module, once loaded. */
  readonly loaded: Module | undefined;
  /** Loads it (once; a failure, an `HvError` of code `network`, lets the next call try again). */
  load(): Promise<Module>;
}

export function lazyModule<Module>(importModule: () => Promise<Module>): LazyModule<Module> {
  let loading: Promise<Module> | undefined;
  const lazy: { loaded: Module | undefined; load(): Promise<Module> } = {
    loaded: undefined,
    load: () =>
      (loading ??= importModule().then(
        (module) => (lazy.loaded = module),
        (cause: unknown) => {
          loading = undefined;
          throw codeLoadFailure(cause);
        },
      )),
  };
  return lazy;
}
