export * from './agenda.js';
export * from './appraisal.js';
export * from './attachments.js';
export * from './enum-descriptions.js';
export * from './enums.js';
/** The same enums as one object, for code that handles them all (GraphQL registration). */
export * as enums from './enums.js';
export * from './errors.js';
export * from './events.js';
export * from './ids.js';
export * from './limits.js';
export * from './mentions.js';
export * from './notifications.js';
export * from './proposal-workflow.js';
export * from './task-workflow.js';
export * from './text.js';
