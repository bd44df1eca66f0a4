DROP INDEX `ledger_at`;--> statement-breakpoint
CREATE INDEX `ledger_at_customer` ON `ledger_entries` (`at`,`customer_id`,`norm_hours_centi`,`kind`);--> statement-breakpoint
ALTER TABLE `customers` ADD `balance_centi` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `create_token` text;--> statement-breakpoint
CREATE UNIQUE INDEX `orders_create_token` ON `orders` (`create_token`);