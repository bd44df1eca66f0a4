/**
 * Crowdfunding projects, their estimates and pledges. Confirming a pledge debits the
 * pledger's balance (one guarded batch, like a stage acceptance); withdrawing a project
 * cancels its promised pledges and refunds its confirmed ones with corrections.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { customers, pledges, projectEstimates, projects } from '../../schema/tables';
import {
  PLEDGE_LIFECYCLE,
  PROJECT_LIFECYCLE,
  funding,
  type PledgeFacts,
  type PledgeStatus,
  type StoredProjectStatus,
} from '../domain/crowdfunding';
import type { EntryMoney } from '../domain/ledger-entries';
import { normHoursAmountMinor } from '../domain/pricing';
import { randomToken } from '../platform/secrets';
import { batch, changed, raw, type BatchItem, type Db } from './db';
import { allowedBy } from './guards';
import { claimInsert, type Claim } from './idempotency';
import { applied, auditInsert, editStamp, type Actor } from './quotes';

export type ProjectRow = typeof projects.$inferSelect;
export type EstimateRowRecord = typeof projectEstimates.$inferSelect;

export interface ProjectFields {
  code: string;
  title: string;
  description: string;
  estimate: { kMilli: number; hoursCenti: number; categoryId?: number; title?: string }[];
  targetDate: string | null;
  links: { title: string; url: string }[];
}

function estimateInserts(projectId: number | ReturnType<typeof sql>, rows: ProjectFields['estimate']): BatchItem[] {
  const id = typeof projectId === 'number' ? sql`${projectId}` : projectId;
  return rows.map((r) =>
    raw(sql`insert into project_estimates (project_id, category_id, title, k_milli, hours_centi)
                select ${id}, ${r.categoryId ?? null}, ${r.title ?? ''}, ${r.kMilli}, ${r.hoursCenti} where ${id} is not null`),
  );
}

/** Null when the code is taken. */
export async function insertProject(db: Db, f: ProjectFields): Promise<number | null> {
  const now = new Date().toISOString();
  const newId = sql`(select id from crowdfunding_projects where code = ${f.code} and created_at = ${now})`;
  const results = await batch(db, [
    raw(sql`insert into crowdfunding_projects (code, title, description_md, status, target_date, links, created_at, updated_at)
                values (${f.code}, ${f.title}, ${f.description}, ${'open' satisfies StoredProjectStatus}, ${f.targetDate},
                  ${JSON.stringify(f.links)}, ${now}, ${now})
                on conflict(code) do nothing`),
    ...estimateInserts(newId, f.estimate),
    db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.code, f.code), eq(projects.createdAt, now))),
  ]);
  const [row] = results[results.length - 1] as { id: number }[];
  return row?.id ?? null;
}

/** A change guarded by the version; a new estimate replaces the old one in the same batch. */
export async function updateProject(
  db: Db,
  id: number,
  version: number,
  p: Partial<Omit<ProjectFields, 'code'>> & { status?: StoredProjectStatus },
  actorUserId: number | null,
): Promise<boolean> {
  const now = new Date().toISOString();
  const sets = [sql`version = version + 1`, sql`updated_at = ${now}`];
  if (p.title !== undefined) sets.push(sql`title = ${p.title}`);
  if (p.description !== undefined) sets.push(sql`description_md = ${p.description}`);
  if (p.targetDate !== undefined) sets.push(sql`target_date = ${p.targetDate}`);
  if (p.links !== undefined) sets.push(sql`links = ${JSON.stringify(p.links)}`);
  if (p.status !== undefined) sets.push(sql`status = ${p.status}`);
  // The version column carries our token for the rest of the batch: version = v + 1 and
  // updated_at = now identify this very write.
  const ours = sql`exists (select 1 from crowdfunding_projects where id = ${id} and version = ${version + 1} and updated_at = ${now})`;
  const writes: BatchItem[] = [
    raw(sql`update crowdfunding_projects set ${sql.join(sets, sql`, `)} where id = ${id} and version = ${version}`),
  ];
  if (p.estimate) {
    writes.push(raw(sql`delete from project_estimates where project_id = ${id} and ${ours}`));
    writes.push(...estimateInserts(sql`(case when ${ours} then ${id} end)`, p.estimate));
  }
  if (p.status === PROJECT_LIFECYCLE.withdraw.to) {
    // Withdrawn: promised pledges lapse; confirmed ones are refunded by a correction each, under
    // the same key a cancellation uses, so a pledge is never refunded twice.
    writes.push(
      raw(sql`insert into ledger_entries (customer_id, kind, norm_hours_centi, money_minor, discount_minor, net_minor, vat_minor,
        total_minor, rate_minor, discount_rate_milli, vat_mode, vat_rate_milli, memo, at, created_at, created_by, pledge_id,
                    corrects_entry_id, idempotency_key)
                  select e.customer_id, 'correction', -e.norm_hours_centi, -e.money_minor, -e.discount_minor, -e.net_minor, -e.vat_minor,
                    -e.total_minor, e.rate_minor, e.discount_rate_milli, e.vat_mode, e.vat_rate_milli,
                    'Возврат взноса: проект ' || pr.code || ' отозван', ${now}, ${now}, ${actorUserId}, e.pledge_id, e.id,
                      printf('pledge-refund:%d', e.pledge_id)
                  from ledger_entries e join pledges pl on pl.id = e.pledge_id join crowdfunding_projects pr on pr.id = pl.project_id
                  where pl.project_id = ${id} and pl.status = ${PLEDGE_LIFECYCLE.confirm.to} and e.kind = 'debit' and ${ours}
                    and not exists (select 1 from ledger_entries r where r.idempotency_key = printf('pledge-refund:%d', e.pledge_id))`),
      raw(
        sql`update pledges set status = ${PLEDGE_LIFECYCLE.cancel.to}, cancelled_at = ${now} where project_id = ${id} and
          ${allowedBy(PLEDGE_LIFECYCLE, 'cancel', sql`status`)} and ${ours}`,
      ),
    );
  }
  const [result] = await batch(db, writes);
  return changed(result) > 0;
}

export async function loadProjects(db: Db, ids?: number[]) {
  const where = ids ? inArray(projects.id, ids) : undefined;
  const [rows, estimates, pledgeRows] = await batch(db, [
    db.select().from(projects).where(where).orderBy(desc(projects.updatedAt), desc(projects.id)),
    db
      .select()
      .from(projectEstimates)
      .where(ids ? inArray(projectEstimates.projectId, ids) : undefined)
      .orderBy(asc(projectEstimates.id)),
    db
      .select({ p: pledges, customerName: customers.name })
      .from(pledges)
      .innerJoin(customers, eq(customers.id, pledges.customerId))
      .where(ids ? inArray(pledges.projectId, ids) : undefined)
      .orderBy(asc(pledges.id)),
  ]);
  return rows.map((project) => ({
    project,
    estimate: estimates.filter((e) => e.projectId === project.id),
    pledges: pledgeRows.filter((r) => r.p.projectId === project.id),
  }));
}

export type LoadedProject = Awaited<ReturnType<typeof loadProjects>>[number];

export function projectView(p: LoadedProject, rateMinor: number, currency: string) {
  const facts: PledgeFacts[] = p.pledges.map((r) => ({
    customerId: r.p.customerId,
    normHoursCenti: r.p.normHoursCenti,
    status: r.p.status,
  }));
  const f = funding(p.estimate, facts, rateMinor, p.project.status);
  return {
    id: p.project.id,
    code: p.project.code,
    title: p.project.title,
    description: p.project.descriptionMd,
    targetDate: p.project.targetDate,
    links: JSON.parse(p.project.links) as { title: string; url: string }[],
    estimate: p.estimate.map((e) => ({ id: e.id, categoryId: e.categoryId, title: e.title, kMilli: e.kMilli, hoursCenti: e.hoursCenti })),
    rateMinor,
    currency,
    version: p.project.version,
    createdAt: p.project.createdAt,
    updatedAt: p.project.updatedAt,
    pledges: p.pledges.map((r) => ({
      id: r.p.id,
      projectId: r.p.projectId,
      customerId: r.p.customerId,
      customerName: r.customerName,
      normHoursCenti: r.p.normHoursCenti,
      moneyMinor: normHoursAmountMinor(r.p.normHoursCenti, rateMinor),
      status: r.p.status,
      pledgedOn: r.p.pledgedOn,
      note: r.p.note,
      quoteId: r.p.quoteId,
      confirmedAt: r.p.confirmedAt,
      cancelledAt: r.p.cancelledAt,
    })),
    ...f,
  };
}

export async function insertPledge(
  db: Db,
  p: { projectId: number; customerId: number; normHoursCenti: number; pledgedOn: string; note: string; userId: number | null },
): Promise<number | null> {
  const [result] = await batch(db, [
    raw(sql`insert into pledges (project_id, customer_id, norm_hours_centi, status, pledged_on, note, created_at, created_by)
                select ${p.projectId}, ${p.customerId}, ${p.normHoursCenti}, ${'promised' satisfies PledgeStatus}, ${p.pledgedOn},
                  ${p.note}, ${new Date().toISOString()}, ${p.userId}
                where exists (select 1 from crowdfunding_projects where id = ${p.projectId} and ${allowedBy(
                  PROJECT_LIFECYCLE,
                  'pledge',
                  sql`status`,
                )})
                  and exists (select 1 from customers where id = ${p.customerId})
                returning id`),
  ]);
  return (result as D1Result<{ id: number }>).results?.[0]?.id ?? null;
}

/** The debit of a pledge and the refund of it: keys built here, as text (D1 binds numbers as REAL). */
export const pledgeDebitKey = (pledgeId: number) => `pledge:${pledgeId}`;
export const pledgeRefundKey = (pledgeId: number) => `pledge-refund:${pledgeId}`;

/**
 * Confirms a promised pledge: one batch debits the pledger's balance (if it covers the
 * pledge, with any overdraft) and marks the pledge confirmed. A unique index on the pledge's
 * debit makes a second debit impossible; the claim of an Idempotency-Key is written with it.
 */
export async function confirmPledge(
  db: Db,
  pledgeId: number,
  normHoursCenti: number,
  money: EntryMoney,
  userId: number | null,
  claim: Claim | null,
): Promise<boolean> {
  const now = new Date().toISOString();
  const ledgerKey = pledgeDebitKey(pledgeId);
  // Money by the domain (hours × rate, the settings' VAT), not by SQL arithmetic: a pledge's hours never change after it is made.
  const m = money;
  const mine = sql`exists (select 1 from pledges where id = ${pledgeId} and ${allowedBy(PLEDGE_LIFECYCLE, 'confirm', sql`status`)}) and
    exists (select 1 from ledger_entries where idempotency_key = ${ledgerKey})`;
  const writes: BatchItem[] = [
    raw(sql`insert into ledger_entries (customer_id, kind, norm_hours_centi, money_minor, discount_minor, net_minor, vat_minor, total_minor,
      rate_minor,
                  discount_rate_milli, vat_mode, vat_rate_milli, memo, at, created_at, created_by, pledge_id, idempotency_key)
                select pl.customer_id, 'debit', -pl.norm_hours_centi, ${-m.subtotalMinor}, ${-m.discountMinor}, ${-m.netMinor},
                  ${-m.vatMinor}, ${-m.totalMinor}, ${m.rateMinor},
                  ${m.discountRateMilli}, ${m.vatMode}, ${m.vatRateMilli},
                  'Взнос в проект ' || pr.code || ' · ' || pr.title, ${now}, ${now}, ${userId}, pl.id, ${ledgerKey}
                from pledges pl join crowdfunding_projects pr on pr.id = pl.project_id join customers c on c.id = pl.customer_id
                where pl.id = ${pledgeId} and ${allowedBy(
                  PLEDGE_LIFECYCLE,
                  'confirm',
                  sql`pl.status`,
                )} and pl.norm_hours_centi = ${normHoursCenti} and ${allowedBy(PROJECT_LIFECYCLE, 'confirmPledge', sql`pr.status`)}
                  and c.balance_centi - pl.norm_hours_centi >= -c.overdraft_centi`),
  ];
  if (claim) writes.push(claimInsert(claim, sql`json_object()`, mine));
  writes.push(
    raw(sql`update pledges set status = ${PLEDGE_LIFECYCLE.confirm.to}, confirmed_at = ${now} where id = ${pledgeId} and ${mine}`),
  );
  try {
    const results = await batch(db, writes);
    return changed(results[results.length - 1]) > 0;
  } catch (e) {
    if (/UNIQUE/i.test(String((e as Error).message))) return false;
    throw e;
  }
}

/**
 * Cancels a pledge; a confirmed one is refunded by a correction naming its debit, once: the
 * refund's key is unique, and the pledge turns cancelled in the same batch.
 */
export async function cancelPledge(db: Db, pledgeId: number, reason: string, userId: number | null, claim: Claim | null): Promise<boolean> {
  const now = new Date().toISOString();
  const refundKey = pledgeRefundKey(pledgeId);
  // Cancelled now: a promised pledge, or a confirmed one whose refund is written (by this batch).
  const mine = sql`exists (select 1 from pledges where id = ${pledgeId} and ${allowedBy(PLEDGE_LIFECYCLE, 'cancel', sql`status`)}
    and (status <> ${PLEDGE_LIFECYCLE.confirm.to} or exists (select 1 from ledger_entries where idempotency_key = ${refundKey})))`;
  const writes: BatchItem[] = [
    raw(sql`insert into ledger_entries (customer_id, kind, norm_hours_centi, money_minor, discount_minor, net_minor, vat_minor, total_minor,
      rate_minor, discount_rate_milli, vat_mode, vat_rate_milli, memo, at, created_at, created_by, pledge_id,
                  corrects_entry_id, idempotency_key)
                select e.customer_id, 'correction', -e.norm_hours_centi, -e.money_minor, -e.discount_minor, -e.net_minor, -e.vat_minor,
                  -e.total_minor, e.rate_minor, e.discount_rate_milli, e.vat_mode, e.vat_rate_milli,
                  ${`Возврат взноса: ${reason}`.slice(0, 500)}, ${now}, ${now}, ${userId},
                  e.pledge_id, e.id, ${refundKey}
                from ledger_entries e join pledges pl on pl.id = e.pledge_id join crowdfunding_projects pr on pr.id = pl.project_id
                where pl.id = ${pledgeId} and pl.status = ${PLEDGE_LIFECYCLE.confirm.to} and e.kind = 'debit' and ${allowedBy(
                  PROJECT_LIFECYCLE,
                  'refundPledge',
                  sql`pr.status`,
                )}
                  and not exists (select 1 from ledger_entries r where r.idempotency_key = ${refundKey})`),
  ];
  if (claim) writes.push(claimInsert(claim, sql`json_object()`, mine));
  writes.push(
    raw(sql`update pledges set status = ${PLEDGE_LIFECYCLE.cancel.to}, cancelled_at = ${now} where id = ${pledgeId} and ${mine}`),
  );
  const results = await batch(db, writes);
  return changed(results[results.length - 1]) > 0;
}

export async function findPledge(db: Db, id: number) {
  return (await db.select().from(pledges).where(eq(pledges.id, id)))[0] ?? null;
}

/**
 * A customer's share of a project as a line of a draft quote (kind 'project', K 1: the share
 * is already in billable norm-hours). One guarded batch, like every quote write.
 */
export async function addProjectLine(quoteId: number, version: number, projectId: number, shareCenti: number, actor: Actor) {
  const token = randomToken(12);
  const now = new Date().toISOString();
  return {
    token,
    writes: [
      editStamp(
        quoteId,
        version,
        token,
        now,
        sql`exists (select 1 from crowdfunding_projects where id = ${projectId} and
          ${allowedBy(PROJECT_LIFECYCLE, 'addToQuote', sql`status`)})`,
      ),
      raw(sql`insert into quote_lines (quote_id, position, kind, project_id, code, title, mode, quantity_milli, hours_centi, k_milli,
        base_k_milli, description, result)
                  select ${quoteId}, (select coalesce(max(position), 0) + 1 from quote_lines where quote_id = ${quoteId}), 'project', p.id,
                    p.code,
                    'Долевое участие: ' || p.title, 'estimate', 1000, ${shareCenti}, 1000, 1000, p.description_md,
                    'Проект выполняется, когда взносы покрывают его стоимость'
                  from crowdfunding_projects p where p.id = ${projectId} and ${applied(token)}`),
      auditInsert({
        quoteId,
        action: 'line_added',
        changes: sql`json_object('project', (select code from crowdfunding_projects where id = ${projectId}), 'hoursCenti', ${shareCenti})`,
        actor,
        at: now,
        when: applied(token),
      }),
    ] as BatchItem[],
  };
}
