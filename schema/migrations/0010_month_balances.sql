CREATE TABLE `customer_month_balances` (
	`customer_id` integer NOT NULL,
	`month` text NOT NULL,
	`entries` integer DEFAULT 0 NOT NULL,
	`delta_centi` integer DEFAULT 0 NOT NULL,
	`topups_centi` integer DEFAULT 0 NOT NULL,
	`debits_centi` integer DEFAULT 0 NOT NULL,
	`corrections_centi` integer DEFAULT 0 NOT NULL,
	`net_minor` integer DEFAULT 0 NOT NULL,
	`vat_minor` integer DEFAULT 0 NOT NULL,
	`total_minor` integer DEFAULT 0 NOT NULL,
	`paid_minor` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`customer_id`, `month`),
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_month_balances_month` ON `customer_month_balances` (`month`,`customer_id`);