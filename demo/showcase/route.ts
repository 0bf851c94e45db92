// The showcase's address: `#/{tag}/{story}` names the story, and an optional query after it the view toggles
// (`#/hv-auth-status/revoked?theme=dark&lang=es&dir=rtl&viewport=360`), so that any view can be linked to.

export const THEMES = ['system', 'light', 'dark'] as const;
export const LANGUAGES = ['en', 'es'] as const;
export const VIEWPORTS = ['full', '768', '360'] as const;

export interface ViewToggles {
  theme: (typeof THEMES)[number];
  lang: (typeof LANGUAGES)[number];
  /** Right to left: the story is laid out as for Arabic (`dir="rtl"`, `lang="ar"`; the words stay English). */
  rtl: boolean;
  viewport: (typeof VIEWPORTS)[number];
}

export interface Route {
  tagName: string;
  storyId: string;
  /** The toggles the address names; the others keep their current values. */
  toggles: Partial<ViewToggles>;
}

export const DEFAULT_TOGGLES: ViewToggles = { theme: 'system', lang: 'en', rtl: false, viewport: 'full' };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((candidate) => candidate === value);

/** The route a hash names, or undefined for a hash that names no story. */
export function parseRoute(hash: string): Route | undefined {
  const match = /^#\/([a-z-]+)\/([a-z0-9-]+)(?:\?(.*))?$/.exec(hash);
  if (!match) return undefined;
  const params = new URLSearchParams(match[3] ?? '');
  const toggles: Partial<ViewToggles> = {};
  const theme = oneOf(THEMES, params.get('theme'));
  const lang = oneOf(LANGUAGES, params.get('lang'));
  const viewport = oneOf(VIEWPORTS, params.get('viewport'));
  if (theme) toggles.theme = theme;
  if (lang) toggles.lang = lang;
  if (viewport) toggles.viewport = viewport;
  if (params.has('dir')) toggles.rtl = params.get('dir') === 'rtl';
  return { tagName: match[1]!, storyId: match[2]!, toggles };
}

/** The hash of a story, with the toggles that differ from the defaults. */
export function formatRoute(tagName: string, storyId: string, toggles: ViewToggles = DEFAULT_TOGGLES): string {
  const params = new URLSearchParams();
  if (toggles.theme !== DEFAULT_TOGGLES.theme) params.set('theme', toggles.theme);
  if (toggles.lang !== DEFAULT_TOGGLES.lang) params.set('lang', toggles.lang);
  if (toggles.rtl) params.set('dir', 'rtl');
  if (toggles.viewport !== DEFAULT_TOGGLES.viewport) params.set('viewport', toggles.viewport);
  const query = params.toString();
  return `#/${tagName}/${storyId}${query ? `?${query}` : ''}`;
}
