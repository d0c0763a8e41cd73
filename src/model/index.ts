export * from './kinds.js';
export * from './records.js';
export * from './document-check.js';
export * from './graph.js';
export * from './persian.js';
export * from './jalali.js';
export * from './search-text.js';
