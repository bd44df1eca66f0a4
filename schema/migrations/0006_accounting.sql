-- Accounting (issue 17): money of every ledger entry (the accepted quote's discount and VAT), top-ups as
-- payments, prepayment invoices, closed months, low-balance thresholds.
CREATE TABLE `accounting_periods` (
	`month` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`start_at` text NOT NULL,
	`end_at` text NOT NULL,
	`closed_at` text,
	`closed_by` integer,
	`close_token` text
);
--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`customer_id` integer NOT NULL,
	`status` text NOT NULL,
	`issued_on` text NOT NULL,
	`norm_hours_centi` integer NOT NULL,
	`rate_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`subtotal_minor` integer NOT NULL,
	`vat_mode` text NOT NULL,
	`vat_rate_milli` integer NOT NULL,
	`vat_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`memo` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	`paid_entry_id` integer,
	`paid_at` text,
	`cancelled_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`create_token` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number` ON `invoices` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_create_token` ON `invoices` (`create_token`);--> statement-breakpoint
CREATE INDEX `invoices_customer` ON `invoices` (`customer_id`,`id`);--> statement-breakpoint
ALTER TABLE `customers` ADD `low_balance_centi` integer;--> statement-breakpoint
ALTER TABLE `debit_items` ADD `line_id` integer;--> statement-breakpoint
ALTER TABLE `debit_items` ADD `planned_hours_centi` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `debit_items` ADD `planned_norm_hours_centi` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `debit_items` ADD `discount_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `debit_items` ADD `net_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `debit_items` ADD `vat_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `debit_items` ADD `total_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `discount_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `net_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `vat_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `total_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `discount_rate_milli` integer;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `vat_mode` text;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `vat_rate_milli` integer;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `payment_ref` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `invoice_id` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_invoice` ON `ledger_entries` (`invoice_id`) WHERE invoice_id is not null;--> statement-breakpoint
CREATE INDEX `ledger_corrects` ON `ledger_entries` (`corrects_entry_id`) WHERE corrects_entry_id is not null;--> statement-breakpoint
-- (Hand-edited from here.) Existing ledger rows get their money as the second round counts it:
-- debits on the accepted quote's discount and VAT, crowdfunding debits and top-ups on the
-- settings' VAT at the settings' rate (their day's rate is not known), corrections on the entry
-- they correct; items first, then each debit as the sum of its items. The append-only triggers
-- are lifted for these updates only.
DROP TRIGGER `ledger_entries_no_update`;--> statement-breakpoint
DROP TRIGGER `debit_items_no_update`;--> statement-breakpoint
UPDATE `ledger_entries` SET
  `discount_rate_milli` = (SELECT q.`discount_rate_milli` FROM `orders` o JOIN `quotes` q ON q.`id` = o.`quote_id` WHERE o.`id` = `ledger_entries`.`order_id`),
  `vat_mode` = (SELECT q.`vat_mode` FROM `orders` o JOIN `quotes` q ON q.`id` = o.`quote_id` WHERE o.`id` = `ledger_entries`.`order_id`),
  `vat_rate_milli` = (SELECT q.`vat_rate_milli` FROM `orders` o JOIN `quotes` q ON q.`id` = o.`quote_id` WHERE o.`id` = `ledger_entries`.`order_id`)
WHERE `kind` = 'debit' AND `order_id` IS NOT NULL;--> statement-breakpoint
UPDATE `ledger_entries` SET
  `rate_minor` = coalesce(`rate_minor`, (SELECT `rate_minor` FROM `settings` WHERE `id` = 1)),
  `discount_rate_milli` = 0,
  `vat_mode` = (SELECT `vat_mode` FROM `settings` WHERE `id` = 1),
  `vat_rate_milli` = (SELECT `vat_rate_milli` FROM `settings` WHERE `id` = 1)
WHERE `kind` = 'topup' OR (`kind` = 'debit' AND `order_id` IS NULL);--> statement-breakpoint
UPDATE `ledger_entries` SET `money_minor` = (`norm_hours_centi` * `rate_minor` * 2 + 100) / 200
WHERE `kind` = 'topup' AND `money_minor` = 0 AND `rate_minor` IS NOT NULL;--> statement-breakpoint
UPDATE `ledger_entries` SET
  `rate_minor` = (SELECT t.`rate_minor` FROM `ledger_entries` t WHERE t.`id` = `ledger_entries`.`corrects_entry_id`),
  `discount_rate_milli` = (SELECT t.`discount_rate_milli` FROM `ledger_entries` t WHERE t.`id` = `ledger_entries`.`corrects_entry_id`),
  `vat_mode` = (SELECT t.`vat_mode` FROM `ledger_entries` t WHERE t.`id` = `ledger_entries`.`corrects_entry_id`),
  `vat_rate_milli` = (SELECT t.`vat_rate_milli` FROM `ledger_entries` t WHERE t.`id` = `ledger_entries`.`corrects_entry_id`)
WHERE `kind` = 'correction' AND `corrects_entry_id` IS NOT NULL;--> statement-breakpoint
UPDATE `ledger_entries` SET `money_minor` = (CASE WHEN `norm_hours_centi` < 0 THEN -1 ELSE 1 END) * ((abs(`norm_hours_centi`) * `rate_minor` * 2 + 100) / 200)
WHERE `kind` = 'correction' AND `corrects_entry_id` IS NOT NULL AND `rate_minor` IS NOT NULL;--> statement-breakpoint
UPDATE `ledger_entries` SET `discount_minor` = (CASE WHEN `money_minor` < 0 THEN -1 ELSE 1 END) * ((abs(`money_minor`) * 2 * `discount_rate_milli` + 1000) / 2000)
WHERE `discount_rate_milli` IS NOT NULL;--> statement-breakpoint
UPDATE `ledger_entries` SET `net_minor` = `money_minor` - `discount_minor`;--> statement-breakpoint
UPDATE `ledger_entries` SET `vat_minor` = (CASE WHEN `net_minor` < 0 THEN -1 ELSE 1 END) * (CASE `vat_mode`
    WHEN 'on_top' THEN (abs(`net_minor`) * 2 * `vat_rate_milli` + 1000) / 2000
    WHEN 'included' THEN (abs(`net_minor`) * 2 * `vat_rate_milli` + 1000 + `vat_rate_milli`) / (2 * (1000 + `vat_rate_milli`))
    ELSE 0 END)
WHERE `vat_mode` IS NOT NULL;--> statement-breakpoint
UPDATE `ledger_entries` SET `total_minor` = CASE WHEN `vat_mode` = 'on_top' THEN `net_minor` + `vat_minor` ELSE `net_minor` END;--> statement-breakpoint
UPDATE `debit_items` SET `line_id` = (
  SELECT sl.`line_id` FROM `stage_lines` sl JOIN `quote_lines` ql ON ql.`id` = sl.`line_id`
  WHERE sl.`stage_id` = (SELECT e.`stage_id` FROM `ledger_entries` e WHERE e.`id` = `debit_items`.`entry_id`) AND ql.`code` = `debit_items`.`code`
  ORDER BY ql.`position`, ql.`id` LIMIT 1);--> statement-breakpoint
UPDATE `debit_items` SET
  `planned_hours_centi` = coalesce((SELECT (ql.`quantity_milli` * ql.`hours_centi` * 2 + 1000) / 2000 FROM `quote_lines` ql WHERE ql.`id` = `debit_items`.`line_id`), `hours_centi`),
  `planned_norm_hours_centi` = coalesce((SELECT (ql.`quantity_milli` * ql.`hours_centi` * ql.`k_milli` * 2 + 1000000) / 2000000 FROM `quote_lines` ql WHERE ql.`id` = `debit_items`.`line_id`), -`norm_hours_centi`);--> statement-breakpoint
UPDATE `debit_items` SET `discount_minor` = (CASE WHEN `money_minor` < 0 THEN -1 ELSE 1 END)
  * ((abs(`money_minor`) * 2 * coalesce((SELECT e.`discount_rate_milli` FROM `ledger_entries` e WHERE e.`id` = `debit_items`.`entry_id`), 0) + 1000) / 2000);--> statement-breakpoint
UPDATE `debit_items` SET `net_minor` = `money_minor` - `discount_minor`;--> statement-breakpoint
UPDATE `debit_items` SET `vat_minor` = (CASE WHEN `net_minor` < 0 THEN -1 ELSE 1 END) * coalesce((SELECT CASE e.`vat_mode`
    WHEN 'on_top' THEN (abs(`debit_items`.`net_minor`) * 2 * e.`vat_rate_milli` + 1000) / 2000
    WHEN 'included' THEN (abs(`debit_items`.`net_minor`) * 2 * e.`vat_rate_milli` + 1000 + e.`vat_rate_milli`) / (2 * (1000 + e.`vat_rate_milli`))
    ELSE 0 END FROM `ledger_entries` e WHERE e.`id` = `debit_items`.`entry_id`), 0);--> statement-breakpoint
UPDATE `debit_items` SET `total_minor` = `net_minor` + CASE WHEN (SELECT e.`vat_mode` FROM `ledger_entries` e WHERE e.`id` = `debit_items`.`entry_id`) = 'on_top' THEN `vat_minor` ELSE 0 END;--> statement-breakpoint
UPDATE `ledger_entries` SET
  `discount_minor` = (SELECT sum(i.`discount_minor`) FROM `debit_items` i WHERE i.`entry_id` = `ledger_entries`.`id`),
  `net_minor` = (SELECT sum(i.`net_minor`) FROM `debit_items` i WHERE i.`entry_id` = `ledger_entries`.`id`),
  `vat_minor` = (SELECT sum(i.`vat_minor`) FROM `debit_items` i WHERE i.`entry_id` = `ledger_entries`.`id`),
  `total_minor` = (SELECT sum(i.`total_minor`) FROM `debit_items` i WHERE i.`entry_id` = `ledger_entries`.`id`)
WHERE EXISTS (SELECT 1 FROM `debit_items` i WHERE i.`entry_id` = `ledger_entries`.`id`);--> statement-breakpoint
-- A signed-off stage's money is its debit's net, as the API now answers it.
UPDATE `order_stages` SET `money_minor` = -(SELECT e.`net_minor` FROM `ledger_entries` e WHERE e.`stage_id` = `order_stages`.`id` AND e.`kind` = 'debit')
WHERE EXISTS (SELECT 1 FROM `ledger_entries` e WHERE e.`stage_id` = `order_stages`.`id` AND e.`kind` = 'debit');--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_update` BEFORE UPDATE ON `ledger_entries`
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `debit_items_no_update` BEFORE UPDATE ON `debit_items`
BEGIN SELECT RAISE(ABORT, 'debit items are append-only'); END;
--> statement-breakpoint
-- Closed months: no entry may be dated before the end of the latest closed month, whatever
-- writes it (a top-up, a correction, a sign-off, a pledge, an import). The API answers 422
-- period_closed before it gets here; this is what makes it true under any race.
CREATE TRIGGER `ledger_entries_closed_period` BEFORE INSERT ON `ledger_entries`
WHEN NEW.`at` < (SELECT coalesce(max(`end_at`), '') FROM `accounting_periods` WHERE `status` = 'closed')
BEGIN SELECT RAISE(ABORT, 'period_closed'); END;
