import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HvError } from '../../core/errors.js';
import { en, type HvStrings } from '../../strings/en.js';

/** What the controller reads off its host: its own `lang`, the configuration's, and the host's overrides. */
export interface LocalizedHost extends ReactiveControllerHost, HTMLElement {
  readonly language?: string;
  readonly config: { lang?: string };
  readonly strings?: Partial<HvStrings>;
}

/** The tables loaded so far, by primary language subtag; English is always there. */
const tables = new Map<string, HvStrings>([['en', en]]);
/** Languages with a table of their own, loaded on first use (a chunk of its own in the cdn build). */
const loaders: Record<string, () => Promise<{ strings: HvStrings }>> = {
  es: () => import('../../strings/es.js'),
};
const loading = new Map<string, Promise<void>>();

/** The `lang` of `element` or of its closest ancestor that has one, across shadow roots. */
function inheritedLang(element: Element): string | undefined {
  for (let node: Element | undefined = element; node;) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || undefined);
  }
  return undefined;
}

/**
 * The words an element shows, in its language: `lang` on the element or its closest ancestor, else
 * `<hv-config lang>`, else English. Other languages load on first use (meanwhile, and for any string missing,
 * English); a host's `strings` override any of them. People see words chosen by an error's `code`; the
 * developer's `HvError.message` stays in the `hv-error` event.
 */
export class LocalizeController implements ReactiveController {
  constructor(private readonly host: LocalizedHost) {
    host.addController(this);
  }

  /** The primary language subtag in use, such as `es` for `es-MX`. */
  get language(): string {
    const lang = this.host.language ?? inheritedLang(this.host) ?? this.host.config.lang ?? 'en';
    return lang.split('-')[0].toLowerCase();
  }

  hostUpdate(): void {
    const { language } = this;
    const load = loaders[language];
    if (tables.has(language) || !load) return;
    let loaded = loading.get(language);
    if (!loaded) {
      // A table that fails to load is English from then on: the page still works.
      loaded = load().then(
        ({ strings }) => void tables.set(language, strings),
        () => void tables.set(language, en),
      );
      loading.set(language, loaded);
    }
    void loaded.then(() => this.host.requestUpdate());
  }

  /** The string `key` in the host's language. */
  term<K extends keyof HvStrings>(key: K): HvStrings[K] {
    return (this.host.strings?.[key] ?? tables.get(this.language)?.[key] ?? en[key]) as HvStrings[K];
  }

  /** The words a person sees for `error`. */
  errorText(error: HvError): string {
    return this.term('errors')[error.code] ?? en.errors[error.code];
  }
}
