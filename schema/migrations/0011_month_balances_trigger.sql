-- customer_month_balances is the ledger summed per customer and UTC month, maintained here and
-- nowhere else: entries are only ever inserted (0001 forbids updates and deletes), so one upsert
-- per insert keeps it exact, in the same statement as the entry itself. The month is the text
-- prefix of `at` (ISO-8601 UTC from toISOString), so it agrees with the reports' text ranges.
-- Money is classified as the report classifies it: a correction counts with the kind of the
-- entry it corrects (that entry is always older, hence already in the table).
INSERT INTO `customer_month_balances` (`customer_id`, `month`, `entries`, `delta_centi`, `topups_centi`, `debits_centi`, `corrections_centi`, `net_minor`, `vat_minor`, `total_minor`, `paid_minor`)
SELECT e.`customer_id`, substr(e.`at`, 1, 7), count(*), sum(e.`norm_hours_centi`),
  sum(CASE WHEN e.`kind` = 'topup' THEN e.`norm_hours_centi` ELSE 0 END),
  sum(CASE WHEN e.`kind` = 'debit' THEN -e.`norm_hours_centi` ELSE 0 END),
  sum(CASE WHEN e.`kind` = 'correction' THEN e.`norm_hours_centi` ELSE 0 END),
  sum(CASE WHEN e.`kind` = 'debit' OR (e.`kind` = 'correction' AND t.`kind` = 'debit') THEN -e.`net_minor` ELSE 0 END),
  sum(CASE WHEN e.`kind` = 'debit' OR (e.`kind` = 'correction' AND t.`kind` = 'debit') THEN -e.`vat_minor` ELSE 0 END),
  sum(CASE WHEN e.`kind` = 'debit' OR (e.`kind` = 'correction' AND t.`kind` = 'debit') THEN -e.`total_minor` ELSE 0 END),
  sum(CASE WHEN e.`kind` = 'topup' OR (e.`kind` = 'correction' AND t.`kind` = 'topup') THEN e.`net_minor` ELSE 0 END)
FROM `ledger_entries` e LEFT JOIN `ledger_entries` t ON t.`id` = e.`corrects_entry_id`
GROUP BY e.`customer_id`, substr(e.`at`, 1, 7);
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_month_balance` AFTER INSERT ON `ledger_entries`
BEGIN
  INSERT INTO `customer_month_balances` (`customer_id`, `month`, `entries`, `delta_centi`, `topups_centi`, `debits_centi`, `corrections_centi`, `net_minor`, `vat_minor`, `total_minor`, `paid_minor`)
  SELECT NEW.`customer_id`, substr(NEW.`at`, 1, 7), 1, NEW.`norm_hours_centi`,
    CASE WHEN NEW.`kind` = 'topup' THEN NEW.`norm_hours_centi` ELSE 0 END,
    CASE WHEN NEW.`kind` = 'debit' THEN -NEW.`norm_hours_centi` ELSE 0 END,
    CASE WHEN NEW.`kind` = 'correction' THEN NEW.`norm_hours_centi` ELSE 0 END,
    CASE WHEN k.`service` THEN -NEW.`net_minor` ELSE 0 END,
    CASE WHEN k.`service` THEN -NEW.`vat_minor` ELSE 0 END,
    CASE WHEN k.`service` THEN -NEW.`total_minor` ELSE 0 END,
    CASE WHEN k.`payment` THEN NEW.`net_minor` ELSE 0 END
  FROM (SELECT
      NEW.`kind` = 'debit' OR (NEW.`kind` = 'correction' AND coalesce((SELECT t.`kind` FROM `ledger_entries` t WHERE t.`id` = NEW.`corrects_entry_id`), '') = 'debit') AS `service`,
      NEW.`kind` = 'topup' OR (NEW.`kind` = 'correction' AND coalesce((SELECT t.`kind` FROM `ledger_entries` t WHERE t.`id` = NEW.`corrects_entry_id`), '') = 'topup') AS `payment`) k
  WHERE true
  ON CONFLICT (`customer_id`, `month`) DO UPDATE SET
    `entries` = `entries` + excluded.`entries`,
    `delta_centi` = `delta_centi` + excluded.`delta_centi`,
    `topups_centi` = `topups_centi` + excluded.`topups_centi`,
    `debits_centi` = `debits_centi` + excluded.`debits_centi`,
    `corrections_centi` = `corrections_centi` + excluded.`corrections_centi`,
    `net_minor` = `net_minor` + excluded.`net_minor`,
    `vat_minor` = `vat_minor` + excluded.`vat_minor`,
    `total_minor` = `total_minor` + excluded.`total_minor`,
    `paid_minor` = `paid_minor` + excluded.`paid_minor`;
END;
--> statement-breakpoint
-- Like the ledger it sums, a month's row is never removed.
CREATE TRIGGER `customer_month_balances_no_delete` BEFORE DELETE ON `customer_month_balances`
BEGIN SELECT RAISE(ABORT, 'month balances follow the append-only ledger'); END;
