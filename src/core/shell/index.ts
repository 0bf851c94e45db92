export * from './targets.js';
export * from './url.js';
export * from './return.js';
export * from './round-trip-state.js';
export * from './app-data.js';
export * from './round-trip-consume.js';
export * from './return-params.js';
