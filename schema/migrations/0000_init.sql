CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`series_id` integer NOT NULL,
	`quote_id` integer NOT NULL,
	`at` text NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_user_id` integer,
	`actor_name` text NOT NULL,
	`ip` text,
	`user_agent` text,
	`action` text NOT NULL,
	`changes` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_series` ON `audit_log` (`series_id`,`id`);--> statement-breakpoint
CREATE TABLE `catalog_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`section` text NOT NULL,
	`name_ru` text NOT NULL,
	`name_en` text NOT NULL,
	`mode` text NOT NULL,
	`actual_time` integer DEFAULT false NOT NULL,
	`hours_centi` integer,
	`category_id` integer NOT NULL,
	`k_milli` integer NOT NULL,
	`description_ru` text DEFAULT '' NOT NULL,
	`inputs_ru` text DEFAULT '' NOT NULL,
	`result_ru` text DEFAULT '' NOT NULL,
	`limits_ru` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "catalog_items_fixed_hours" CHECK("catalog_items"."mode" = 'estimate' or "catalog_items"."hours_centi" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `catalog_items_code` ON `catalog_items` (`code`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_ru` text NOT NULL,
	`name_en` text NOT NULL,
	`k_milli` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_code` ON `categories` (`code`);--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`legal_name` text DEFAULT '' NOT NULL,
	`tax_id` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`overdraft_centi` integer DEFAULT 0 NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customers_name` ON `customers` (`name`);--> statement-breakpoint
CREATE TABLE `debit_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`category_name` text NOT NULL,
	`hours_centi` integer NOT NULL,
	`k_milli` integer NOT NULL,
	`norm_hours_centi` integer NOT NULL,
	`money_minor` integer NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `ledger_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `debit_items_entry` ON `debit_items` (`entry_id`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status_code` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`topup_kind` text,
	`norm_hours_centi` integer NOT NULL,
	`money_minor` integer DEFAULT 0 NOT NULL,
	`rate_minor` integer,
	`memo` text DEFAULT '' NOT NULL,
	`at` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	`order_id` integer,
	`stage_id` integer,
	`pledge_id` integer,
	`corrects_entry_id` integer,
	`idempotency_key` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_nonzero" CHECK("ledger_entries"."norm_hours_centi" <> 0)
);
--> statement-breakpoint
CREATE INDEX `ledger_customer_at` ON `ledger_entries` (`customer_id`,`at`,`norm_hours_centi`);--> statement-breakpoint
CREATE INDEX `ledger_at` ON `ledger_entries` (`at`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_stage_debit` ON `ledger_entries` (`stage_id`) WHERE kind = 'debit' and stage_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_pledge_debit` ON `ledger_entries` (`pledge_id`) WHERE kind = 'debit' and pledge_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_idempotency` ON `ledger_entries` (`idempotency_key`) WHERE idempotency_key is not null;--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_start` text NOT NULL,
	`locked_until` text
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`quote_id` integer,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
CREATE TABLE `order_stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`n` integer NOT NULL,
	`title` text NOT NULL,
	`status` text NOT NULL,
	`hours_centi` integer NOT NULL,
	`norm_hours_centi` integer NOT NULL,
	`debited_centi` integer,
	`money_minor` integer,
	`accepted_at` text,
	`accepted_by` integer,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_stages_n` ON `order_stages` (`order_id`,`n`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`quote_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`status` text NOT NULL,
	`approved_at` text NOT NULL,
	`rate_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	`started_at` text,
	`finished_at` text,
	`withdrawn_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_quote` ON `orders` (`quote_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_number` ON `orders` (`number`);--> statement-breakpoint
CREATE INDEX `orders_customer` ON `orders` (`customer_id`,`approved_at`);--> statement-breakpoint
CREATE INDEX `orders_status` ON `orders` (`status`,`approved_at`);--> statement-breakpoint
CREATE TABLE `pledges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`norm_hours_centi` integer NOT NULL,
	`status` text NOT NULL,
	`pledged_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`quote_id` integer,
	`quote_line_id` integer,
	`created_at` text NOT NULL,
	`created_by` integer,
	`confirmed_at` text,
	`cancelled_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `crowdfunding_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pledges_project` ON `pledges` (`project_id`);--> statement-breakpoint
CREATE INDEX `pledges_customer` ON `pledges` (`customer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `pledges_quote_line` ON `pledges` (`quote_line_id`) WHERE quote_line_id is not null;--> statement-breakpoint
CREATE TABLE `project_estimates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`category_id` integer,
	`title` text DEFAULT '' NOT NULL,
	`k_milli` integer NOT NULL,
	`hours_centi` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `crowdfunding_projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_estimates_project` ON `project_estimates` (`project_id`);--> statement-breakpoint
CREATE TABLE `crowdfunding_projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`description_md` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`target_date` text,
	`links` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_code` ON `crowdfunding_projects` (`code`);--> statement-breakpoint
CREATE TABLE `quote_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quote_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`catalog_item_id` integer,
	`project_id` integer,
	`code` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`mode` text DEFAULT 'estimate' NOT NULL,
	`actual_time` integer DEFAULT false NOT NULL,
	`quantity_milli` integer DEFAULT 1000 NOT NULL,
	`hours_centi` integer,
	`k_milli` integer DEFAULT 1000 NOT NULL,
	`base_k_milli` integer DEFAULT 1000 NOT NULL,
	`k_reason` text DEFAULT '' NOT NULL,
	`category_name` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`inputs` text DEFAULT '' NOT NULL,
	`result` text DEFAULT '' NOT NULL,
	`limits` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`catalog_item_id`) REFERENCES `catalog_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quote_lines_quote` ON `quote_lines` (`quote_id`,`position`);--> statement-breakpoint
CREATE TABLE `quote_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`create_token` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quote_series_number` ON `quote_series` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `quote_series_year_seq` ON `quote_series` (`year`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `quote_series_token` ON `quote_series` (`create_token`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`series_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`number` text NOT NULL,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`write_token` text NOT NULL,
	`customer_id` integer NOT NULL,
	`title` text NOT NULL,
	`currency` text NOT NULL,
	`rate_minor` integer NOT NULL,
	`vat_mode` text NOT NULL,
	`vat_rate_milli` integer NOT NULL,
	`discount_rate_milli` integer NOT NULL,
	`valid_until` text,
	`customer_note` text DEFAULT '' NOT NULL,
	`internal_note` text DEFAULT '' NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`sent_at` text,
	`superseded_at` text,
	`answered_at` text,
	`answer_name` text,
	`answer_message` text,
	`archived_at` text,
	FOREIGN KEY (`series_id`) REFERENCES `quote_series`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_series_revision` ON `quotes` (`series_id`,`revision`);--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_write_token` ON `quotes` (`write_token`);--> statement-breakpoint
CREATE INDEX `quotes_customer` ON `quotes` (`customer_id`);--> statement-breakpoint
CREATE INDEX `quotes_status` ON `quotes` (`status`);--> statement-breakpoint
CREATE INDEX `quotes_updated` ON `quotes` (`updated_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`rate_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`vat_rate_milli` integer NOT NULL,
	`vat_mode` text NOT NULL,
	`time_zone` text NOT NULL,
	`company_name` text NOT NULL,
	`company_details` text NOT NULL,
	`quote_validity_days` integer NOT NULL,
	`share_link_days` integer NOT NULL,
	`version` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `share_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quote_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`first_opened_at` text,
	`last_opened_at` text,
	`open_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `share_links_token` ON `share_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `share_links_quote` ON `share_links` (`quote_id`);--> statement-breakpoint
CREATE TABLE `stage_lines` (
	`stage_id` integer NOT NULL,
	`line_id` integer NOT NULL,
	`actual_hours_centi` integer,
	PRIMARY KEY(`stage_id`, `line_id`),
	FOREIGN KEY (`stage_id`) REFERENCES `order_stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`line_id`) REFERENCES `quote_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stage_lines_line` ON `stage_lines` (`line_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "users_role" CHECK("users"."role" in ('admin','manager','accountant'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email` ON `users` (`email`);