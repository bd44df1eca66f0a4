/** Quotes, their revisions and lines, in D1: reading, lines, lifecycle, audit (one module each). */
export * from './audit';
export * from './bulk';
export * from './lifecycle';
export * from './lines';
export * from './read';
