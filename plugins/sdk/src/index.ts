export * from './define-plugin.js';
