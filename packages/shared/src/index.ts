export * from './enums.js';
export * from './errors.js';
export * from './limits.js';
