// The view toggles: theme (the page's and the story's `color-scheme`), the story's language and direction, and the
// width of the story's frame. Kept in sessionStorage and named in the address (see route.ts).
import { html, render } from 'lit';
import { DEFAULT_TOGGLES, LANGUAGES, THEMES, VIEWPORTS, type ViewToggles } from './route.js';

const STORAGE_KEY = 'hv-demo:toggles';

const THEME_LABELS: Record<ViewToggles['theme'], string> = { system: 'System', light: 'Light', dark: 'Dark' };
const LANGUAGE_LABELS: Record<ViewToggles['lang'], string> = { en: 'English', es: 'Español' };
const VIEWPORT_LABELS: Record<ViewToggles['viewport'], string> = {
  full: 'Full width',
  '768': '768 px (tablet)',
  '360': '360 px (phone)',
};

export function loadToggles(): ViewToggles {
  try {
    return { ...DEFAULT_TOGGLES, ...(JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<ViewToggles>) };
  } catch {
    return { ...DEFAULT_TOGGLES };
  }
}

/** Shows `toggles` on the page: the theme on the root, the rest on the story's frame. */
export function applyToggles(toggles: ViewToggles, frame: HTMLElement): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(toggles));
  document.documentElement.dataset.theme = toggles.theme;
  // Right to left is laid out as for Arabic; the kit has no Arabic words, so it falls back to English ones.
  frame.lang = toggles.rtl ? 'ar' : toggles.lang;
  frame.dir = toggles.rtl ? 'rtl' : 'ltr';
  frame.dataset.viewport = toggles.viewport;
}

/** Renders the toggles' controls into `container`; `changed` hears each committed change. */
export function renderToggles(
  container: HTMLElement,
  toggles: ViewToggles,
  changed: (toggles: ViewToggles) => void,
): void {
  const select = <K extends 'theme' | 'lang' | 'viewport'>(
    key: K,
    label: string,
    values: readonly ViewToggles[K][],
    labels: Record<ViewToggles[K], string>,
  ) =>
    html`<div class="toggle">
      <label for=${`toggle-${key}`}>${label}</label>
      <select
        id=${`toggle-${key}`}
        @change=${(event: Event) => changed({ ...toggles, [key]: (event.target as HTMLSelectElement).value })}
      >
        ${values.map((value) => html`<option value=${value} .selected=${toggles[key] === value}>${labels[value]}</option>`)}
      </select>
    </div>`;
  render(
    html`${select('theme', 'Theme', THEMES, THEME_LABELS)} ${select('lang', 'Language', LANGUAGES, LANGUAGE_LABELS)}
      <div class="toggle">
        <label class="check" for="toggle-rtl"
          ><input
            type="checkbox"
            id="toggle-rtl"
            .checked=${toggles.rtl}
            @change=${(event: Event) => changed({ ...toggles, rtl: (event.target as HTMLInputElement).checked })}
          />
          Right to left</label
        >
      </div>
      ${select('viewport', 'Width', VIEWPORTS, VIEWPORT_LABELS)}`,
    container,
  );
}
