import { css } from 'lit';

/**
 * The design tokens every hv- element shares. Partners theme the kit by setting these `--hv-*` custom
 * properties anywhere above the elements; each falls back to a neutral, accessible default.
 * The defaults follow the page's `color-scheme` (inherited, so a page or one element can set it): dark where the page
 * is dark, following `prefers-color-scheme` on a page that declares `color-scheme: light dark`. Text and the focus
 * ring are the system's text color on the page's canvas; accent and danger colors keep AA contrast in both.
 */
export const tokenStyles = css`
  :host {
    --_accent: var(--hv-color-accent, light-dark(#0063b1, #6cb8f6));
    --_on-accent: var(--hv-color-on-accent, light-dark(#fff, #000));
    --_danger: var(--hv-color-danger, light-dark(#a4262c, #f1707b));
    --_radius: var(--hv-radius, 0.375rem);
    --_focus-ring: var(--hv-focus-ring, 0.1875rem solid CanvasText);
    font-family: var(--hv-font-family, system-ui, sans-serif);
    color: var(--hv-color-text, CanvasText);
  }

  :host(:state(translating)) {
    visibility: hidden;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
