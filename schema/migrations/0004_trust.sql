-- Idempotency rows are claimed in the batch of the write they guard (result), answers stored after.
-- (Hand-edited: the old table has no `result` column to copy, and no foreign keys need switching off.)
CREATE TABLE `__new_idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`result` text DEFAULT '{}' NOT NULL,
	`status_code` integer,
	`body` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
INSERT INTO `__new_idempotency_keys`("scope", "key", "request_hash", "result", "status_code", "body", "created_at") SELECT "scope", "key", "request_hash", '{}', "status_code", "body", "created_at" FROM `idempotency_keys`;--> statement-breakpoint
DROP TABLE `idempotency_keys`;--> statement-breakpoint
ALTER TABLE `__new_idempotency_keys` RENAME TO `idempotency_keys`;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `imported_at` text;--> statement-breakpoint
ALTER TABLE `settings` ADD `backdate_days` integer DEFAULT 45 NOT NULL;