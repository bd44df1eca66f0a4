/**
 * Who an estimate document names besides the company: the customer's card (legal name, tax
 * id, address) and the manager — the staff user who sent this revision, or else the last
 * staff user who worked on the quote's series (quotes have no owner column). One batch.
 */
import { sql, type SQL } from 'drizzle-orm';
import { customers } from '../../schema/tables';
import type { Lang } from '../domain/format';
import { batch, raw, type Db } from './db';

export interface QuoteParties {
  customer: { name: string; legalName: string; taxId: string; address: string; email: string; lang: Lang } | null;
  manager: { name: string; email: string; phone: string } | null;
}

export type Manager = NonNullable<QuoteParties['manager']>;

/** The quote's manager (`quoteId` a number or a subquery), as a statement for a batch. */
export function managerRead(quoteId: number | SQL) {
  const id = typeof quoteId === 'number' ? sql`${quoteId}` : quoteId;
  return raw(
    sql`select u.name as name, u.email as email, u.phone as phone from audit_log a join users u on u.id = a.actor_user_id
        where a.series_id = (select series_id from quotes where id = ${id}) and a.actor_kind = 'user'
        order by (a.quote_id = ${id} and a.action = 'sent') desc, (a.quote_id = ${id}) desc, a.id desc limit 1`,
  );
}

export const managerOf = (result: unknown): Manager | null => (result as D1Result<Manager>).results?.[0] ?? null;

export async function quoteParties(db: Db, quoteId: number): Promise<QuoteParties> {
  const [customerRows, managerRows] = await batch(db, [
    db
      .select({
        name: customers.name,
        legalName: customers.legalName,
        taxId: customers.taxId,
        address: customers.address,
        email: customers.email,
        lang: customers.lang,
      })
      .from(customers)
      .where(sql`${customers.id} = (select customer_id from quotes where id = ${quoteId})`),
    managerRead(quoteId),
  ] as const);
  return { customer: (customerRows as QuoteParties['customer'][])[0] ?? null, manager: managerOf(managerRows) };
}
