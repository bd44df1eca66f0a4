/**
 * D1 tables. Units are in the column names: *_minor = integer minor units (kopecks),
 * *_centi = hundredths of an hour, *_milli = thousandths (K, quantities, rates).
 * Timestamps are ISO-8601 UTC strings from Date#toISOString (fixed width, so they
 * compare correctly as text); calendar dates are YYYY-MM-DD.
 */
export * from './tables/staff';
export * from './tables/settings';
export * from './tables/catalog';
export * from './tables/customers';
export * from './tables/quotes';
export * from './tables/orders';
export * from './tables/ledger';
export * from './tables/crowdfunding';
export * from './tables/delivery';
export * from './tables/accounting';
export * from './tables/account';
export * from './tables/requests';
