-- Delivery (issue 16): the outbox, links that belong to a quote's number, the manager's phone,
-- the customer's language, the company's logo. (Hand-edited: existing links get their series.)
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`to_json` text NOT NULL,
	`lang` text NOT NULL,
	`subject` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`error` text,
	`dedupe_key` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	`next_attempt_at` text NOT NULL,
	`claimed_at` text,
	`sent_at` text,
	`message_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe` ON `outbox` (`dedupe_key`) WHERE dedupe_key is not null;--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_created` ON `outbox` (`created_at`);--> statement-breakpoint
ALTER TABLE `customers` ADD `lang` text DEFAULT 'ru' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `logo_data_url` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `share_links` ADD `series_id` integer NOT NULL DEFAULT 0;--> statement-breakpoint
UPDATE `share_links` SET `series_id` = (SELECT `series_id` FROM `quotes` WHERE `quotes`.`id` = `share_links`.`quote_id`);--> statement-breakpoint
CREATE INDEX `share_links_series` ON `share_links` (`series_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `phone` text DEFAULT '' NOT NULL;