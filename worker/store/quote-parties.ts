/**
 * Who an estimate document names besides the company: the customer's card (legal name, tax
 * id, address) and the manager — the staff user who sent this revision, or else the last
 * staff user who worked on the quote's series (quotes have no owner column). One batch.
 */
import { sql } from 'drizzle-orm';
import { customers } from '../../schema/tables';
import { batch, raw, type Db } from './db';

export interface QuoteParties {
  customer: { name: string; legalName: string; taxId: string; address: string } | null;
  manager: { name: string; email: string } | null;
}

export async function quoteParties(db: Db, quoteId: number): Promise<QuoteParties> {
  const [customerRows, managerRows] = await batch(db, [
    db
      .select({ name: customers.name, legalName: customers.legalName, taxId: customers.taxId, address: customers.address })
      .from(customers)
      .where(sql`${customers.id} = (select customer_id from quotes where id = ${quoteId})`),
    raw(
      db,
      sql`select u.name as name, u.email as email from audit_log a join users u on u.id = a.actor_user_id
          where a.series_id = (select series_id from quotes where id = ${quoteId}) and a.actor_kind = 'user'
          order by (a.quote_id = ${quoteId} and a.action = 'sent') desc, (a.quote_id = ${quoteId}) desc, a.id desc limit 1`,
    ),
  ] as const);
  const manager = (managerRows as unknown as D1Result<{ name: string; email: string }>).results[0] ?? null;
  return { customer: (customerRows as QuoteParties['customer'][])[0] ?? null, manager };
}
