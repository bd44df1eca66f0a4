-- The audit trail stays append-only, with one exception the law asks for: when a customer's data
-- is deleted (customers.anonymised_at set), the names, IP addresses and browser strings their own
-- actions left are erased (name '—', IP and user agent empty, the typed name and message removed
-- from the changes). Every other column must stay as it was; anything else is still refused.
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN NOT (
  old.actor_kind = 'customer'
  AND new.id = old.id AND new.series_id = old.series_id AND new.quote_id = old.quote_id AND new.at = old.at
  AND new.actor_kind = old.actor_kind AND new.actor_user_id IS old.actor_user_id AND new.action = old.action
  AND new.imported_at IS old.imported_at
  AND new.actor_name = '—' AND new.ip IS NULL AND new.user_agent IS NULL
  AND new.changes = json_remove(old.changes, '$.name', '$.message')
  AND EXISTS (SELECT 1 FROM quotes q JOIN customers c ON c.id = q.customer_id WHERE q.id = old.quote_id AND c.anonymised_at IS NOT NULL)
)
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
