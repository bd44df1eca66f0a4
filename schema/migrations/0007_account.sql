CREATE TABLE `account_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`first_opened_at` text,
	`last_opened_at` text,
	`open_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_links_token` ON `account_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `account_links_customer` ON `account_links` (`customer_id`);--> statement-breakpoint
ALTER TABLE `customers` ADD `service_ends_on` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `deletion_due_at` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `anonymised_at` text;--> statement-breakpoint
ALTER TABLE `order_stages` ADD `ready_at` text;--> statement-breakpoint
ALTER TABLE `order_stages` ADD `ready_by` integer;