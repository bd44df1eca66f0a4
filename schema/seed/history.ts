/** Demo history (quotes, orders, ledger) over the last months; filled in with the ledger. */
export function demoHistorySql(_now: Date): string[] {
  return [];
}
