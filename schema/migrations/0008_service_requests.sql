CREATE TABLE `request_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`author` text NOT NULL,
	`user_id` integer,
	`author_name` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `service_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_comments_request` ON `request_comments` (`request_id`,`id`);--> statement-breakpoint
CREATE TABLE `service_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`description` text NOT NULL,
	`priority` integer NOT NULL,
	`sla_level` text NOT NULL,
	`status` text NOT NULL,
	`due_at` text NOT NULL,
	`first_answer_at` text,
	`quote_id` integer,
	`write_token` text,
	`ip` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "service_requests_priority" CHECK("service_requests"."priority" between 1 and 4)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_requests_number` ON `service_requests` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `service_requests_quote` ON `service_requests` (`quote_id`) WHERE quote_id is not null;--> statement-breakpoint
CREATE INDEX `service_requests_customer` ON `service_requests` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `service_requests_status` ON `service_requests` (`status`,`due_at`);--> statement-breakpoint
ALTER TABLE `settings` ADD `working_days` text DEFAULT '[1,2,3,4,5]' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `day_start` text DEFAULT '09:00' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `day_end` text DEFAULT '18:00' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `holidays` text DEFAULT '["2026-01-01","2026-01-02","2026-01-03","2026-01-04","2026-01-05","2026-01-06","2026-01-07","2026-01-08","2026-01-09","2026-02-23","2026-03-08","2026-03-09","2026-05-01","2026-05-09","2026-05-11","2026-06-12","2026-11-04","2026-12-31","2027-01-01","2027-01-02","2027-01-03","2027-01-04","2027-01-05","2027-01-06","2027-01-07","2027-01-08","2027-02-23","2027-03-08","2027-05-01","2027-05-03","2027-05-09","2027-05-10","2027-06-12","2027-06-14","2027-11-04"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `workdays_override` text DEFAULT '[]' NOT NULL;