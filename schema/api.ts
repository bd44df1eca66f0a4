/**
 * Request and response bodies of the HTTP API (API.md), one module per resource in schema/api/.
 * The routes validate with these, the OpenAPI document is generated from them, and the web UI
 * imports their types. Units are in the names: *Minor money, *Centi hundredths of an hour,
 * *Milli thousandths.
 */
export * from './api/common';
export * from './api/staff';
export * from './api/settings';
export * from './api/catalog';
export * from './api/customers';
export * from './api/quotes';
export * from './api/shared';
export * from './api/money';
export * from './api/crowdfunding';
export * from './api/accounting';
export * from './api/delivery';
export * from './api/account';
export * from './api/requests';
