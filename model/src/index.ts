/*
 * model/src/: @adoption/model, the register's model, shared by the API (backend/) and the console
 * (admin/) instead of hand copies — enumerations, field groups and who may see them, proposal
 * tables, the card's field order and kinds, labels in Latvian and English, personal codes and
 * Riga's calendar. Pure TypeScript without Node-only modules, so Vite bundles it for the browser.
 * What depends on the caller at run time (a user's permissions, status moves) stays an API
 * endpoint; zod schemas and table types stay in backend/.
 */

export * from './calendar';
export * from './card';
export * from './enums';
export * from './fields';
export * from './labels';
export * from './lv-dates';
export * from './needs';
export * from './personal-code';
export * from './proposals';
export * from './records';
export * from './rules';
export * from './selection';
