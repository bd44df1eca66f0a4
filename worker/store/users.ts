/** Staff users, their sessions and the failed-login counters. */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { loginAttempts, sessions, users } from '../../schema/tables';
import { batch, type BatchItem, type Db } from './db';
import { ROLES, type Role } from '../domain/enums';

export { ROLES };
export type { Role };

export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

const publicColumns = { id: users.id, email: users.email, name: users.name, role: users.role, phone: users.phone, active: users.active };

export async function findUserForLogin(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return row;
}

export async function listUsers(db: Db) {
  return db
    .select({ ...publicColumns, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.email));
}

export async function insertUser(db: Db, u: { email: string; name: string; role: Role; passwordHash: string; phone?: string }) {
  const [row] = await db
    .insert(users)
    .values({ ...u, email: u.email.toLowerCase(), createdAt: new Date().toISOString() })
    .onConflictDoNothing()
    .returning({ ...publicColumns, createdAt: users.createdAt });
  return row ?? null;
}

export async function updateUser(
  db: Db,
  id: number,
  patch: Partial<{ name: string; role: Role; active: boolean; passwordHash: string; phone: string }>,
) {
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length === 0) {
    const [row] = await db
      .select({ ...publicColumns, createdAt: users.createdAt })
      .from(users)
      .where(eq(users.id, id));
    return row ?? null;
  }
  const [row] = await db
    .update(users)
    .set(changes)
    .where(eq(users.id, id))
    .returning({ ...publicColumns, createdAt: users.createdAt });
  if (row && (patch.active === false || patch.passwordHash || patch.role)) {
    // A deactivated user, a new password or a new role ends the user's sessions.
    await db.delete(sessions).where(eq(sessions.userId, id));
  }
  return row ?? null;
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)));
  return row?.n ?? 0;
}

export async function createSession(
  db: Db,
  s: { id: string; userId: number; expiresAt: string; ip: string | null; userAgent: string | null },
) {
  await db.insert(sessions).values({ ...s, createdAt: new Date().toISOString() });
}

export async function findSession(db: Db, id: string, nowIso: string): Promise<(StaffUser & { expiresAt: string }) | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, nowIso), eq(users.active, true)))
    .limit(1);
  return row ?? null;
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteExpiredSessions(db: Db, nowIso: string) {
  await db.delete(sessions).where(sql`${sessions.expiresAt} <= ${nowIso}`);
}

/**
 * Login throttling: every login attempt takes a place in its keys' windows (an email, an IP)
 * BEFORE the password is checked, atomically (one UPSERT … RETURNING per key), so concurrent
 * guesses cannot all slip through before a failure is recorded. An attempt beyond a key's limit
 * within WINDOW_MS locks the key for LOCK_MS and is refused unchecked. A successful login gives
 * its place back. An IP gets a higher limit: offices share one.
 */
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 50;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

/** Takes an attempt on every key; the latest lock end (ms) when one of them refuses it, else null. */
export async function takeAttempt(db: Db, keys: { key: string; max: number }[], now: number): Promise<number | null> {
  const nowText = new Date(now).toISOString();
  const windowStartMin = new Date(now - WINDOW_MS).toISOString();
  const lockText = new Date(now + LOCK_MS).toISOString();
  const locked = sql`(${loginAttempts.lockedUntil} is not null and ${loginAttempts.lockedUntil} > ${nowText})`;
  const stale = sql`${loginAttempts.windowStart} < ${windowStartMin}`;
  const results = await batch(
    db,
    keys.map(({ key, max }) =>
      db
        .insert(loginAttempts)
        .values({ key, failures: 1, windowStart: nowText })
        .onConflictDoUpdate({
          target: loginAttempts.key,
          set: {
            failures: sql`case when ${locked} then ${loginAttempts.failures} when ${stale} then 1 else ${loginAttempts.failures} + 1 end`,
            windowStart: sql`case when not ${locked} and ${stale} then ${nowText} else ${loginAttempts.windowStart} end`,
            lockedUntil: sql`case when ${locked} then ${loginAttempts.lockedUntil}
              when not ${stale} and ${loginAttempts.failures} + 1 > ${max} then ${lockText} else null end`,
          },
        })
        .returning({ lockedUntil: loginAttempts.lockedUntil }),
    ) as BatchItem[],
  );
  let until: number | null = null;
  for (const [row] of results as { lockedUntil: string | null }[][]) {
    const t = row?.lockedUntil ? Date.parse(row.lockedUntil) : 0;
    if (t > now && (until === null || t > until)) until = t;
  }
  return until;
}

/** A successful login: the email's count starts over, the IP gets its place back. */
export async function releaseAttempt(db: Db, emailKey: string, ipKey: string) {
  await batch(db, [
    db.delete(loginAttempts).where(eq(loginAttempts.key, emailKey)),
    db
      .update(loginAttempts)
      .set({ failures: sql`max(${loginAttempts.failures} - 1, 0)` })
      .where(eq(loginAttempts.key, ipKey)),
  ]);
}
