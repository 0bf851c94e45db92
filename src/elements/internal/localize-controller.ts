import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HvError } from '../../core/errors.js';
import { en, type HvErrorWords, type HvStrings } from '../../strings/en.js';

/** A host's own words: any string, and any of the failure words. */
export type HvStringOverrides = Partial<Omit<HvStrings, 'errors'>> & { errors?: Partial<HvErrorWords> };

/** What the controller reads off its host: its own `lang`, the configuration's, and the host's overrides. */
export interface LocalizedHost extends ReactiveControllerHost, HTMLElement {
  readonly language?: string;
  readonly config: { lang?: string };
  readonly strings?: HvStringOverrides;
  toggleState(name: string, on: boolean): void;
}

type Table = Partial<HvStrings>;

/**
 * The tables by primary language subtag, as promises: English is there at once; other languages, and English's
 * failure words (`en-errors`), load on first use. A table that fails to load is English: the page still works.
 */
const tables: Record<string, Table> = { en };
const loading: Record<string, Promise<void>> = {};
const loaders: Record<string, () => Promise<{ strings: Table }>> = {
  es: () => import('../../strings/es.js'),
  'en-errors': () => import('../../strings/en-errors.js'),
};

/** The `lang` of `element` or of its closest ancestor that has one, across shadow roots. */
function inheritedLang(element: Element): string | undefined {
  const host = (element.getRootNode() as ShadowRoot).host;
  return element.closest('[lang]')?.getAttribute('lang') ?? (host && inheritedLang(host));
}

/**
 * The words an element shows, in its language: `lang` on the element or its closest ancestor, else
 * `<hv-config lang>`, else English. Other languages load on first use (meanwhile, and for any string missing,
 * English); a host's `strings` override any of them. People see words chosen by an error's `code`; the
 * developer's `HvError.message` stays in the `hv-error` event.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: LocalizedHost;

  constructor(host: LocalizedHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Worked out once per update: a render asks for many words, and finding an ancestor's `lang` walks the tree. */
  #language?: string;

  /** The primary language subtag in use, such as `es` for `es-MX`. */
  get language(): string {
    return this.#language ?? this.#currentLanguage();
  }

  #currentLanguage(): string {
    const lang = this.#host.language ?? inheritedLang(this.#host) ?? this.#host.config.lang ?? 'en';
    return lang.split('-')[0].toLowerCase();
  }

  hostUpdate(): void {
    const language = (this.#language = this.#currentLanguage());
    const awaited = !tables[language] && loaders[language];
    // Hidden until its language's words arrive: English meanwhile would flash, and move the page as it is replaced.
    this.#host.toggleState('translating', !!awaited);
    if (awaited) this.#load(language);
  }

  /** Loads `table` once for the page, and shows it here once it is in. */
  #load(table: string): void {
    void (loading[table] ??= loaders[table]!().then(
      (module) => void (tables[table] = module.strings),
      () => void (tables[table] = en),
    )).then(() => this.#host.requestUpdate());
  }

  /**
   * The string `key` in the host's language. An element with English words of its own (apart from `en.ts`, which
   * every page downloads) falls back to them where this gives undefined.
   */
  term<K extends keyof Omit<HvStrings, 'errors'>>(key: K): HvStrings[K] {
    return (this.#host.strings?.[key] ?? tables[this.language]?.[key] ?? en[key as keyof typeof en]) as HvStrings[K];
  }

  /** The words a person sees for `error`; undefined for the moment it takes English's failure words to load. */
  errorText(error: HvError): string | undefined {
    const { code } = error;
    if (code === 'invalid-config' || code === 'invalid-shell-request') return this.term('setupError');
    const words =
      this.#host.strings?.errors?.[code] ??
      tables[this.language]?.errors?.[code] ??
      tables['en-errors']?.errors?.[code];
    if (words === undefined) this.#load('en-errors');
    return words;
  }
}
