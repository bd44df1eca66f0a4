-- customers.balance_centi is the sum of the customer's ledger, maintained here and nowhere
-- else: entries are only ever inserted (0001 forbids updates and deletes), so one trigger
-- on insert keeps it exact.
UPDATE `customers` SET `balance_centi` = coalesce((SELECT sum(`norm_hours_centi`) FROM `ledger_entries` WHERE `customer_id` = `customers`.`id`), 0);
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_balance` AFTER INSERT ON `ledger_entries`
BEGIN UPDATE `customers` SET `balance_centi` = `balance_centi` + NEW.`norm_hours_centi` WHERE `id` = NEW.`customer_id`; END;
