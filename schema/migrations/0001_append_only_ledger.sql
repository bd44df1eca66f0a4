-- The ledger, its itemised debits and the audit trail are append-only: the database
-- itself refuses to change or remove a row, whatever the application does.
CREATE TRIGGER `ledger_entries_no_update` BEFORE UPDATE ON `ledger_entries`
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_delete` BEFORE DELETE ON `ledger_entries`
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `debit_items_no_update` BEFORE UPDATE ON `debit_items`
BEGIN SELECT RAISE(ABORT, 'debit items are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `debit_items_no_delete` BEFORE DELETE ON `debit_items`
BEGIN SELECT RAISE(ABORT, 'debit items are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
