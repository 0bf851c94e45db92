/** The engine running the test, for the few tests that pin where engines differ (README's browser support). */
export type Engine = 'chromium' | 'gecko' | 'webkit';

export const engine: Engine = navigator.userAgent.includes('Firefox/')
  ? 'gecko'
  : navigator.userAgent.includes('Chrome/')
    ? 'chromium'
    : 'webkit';
