/** Staff users, their sessions and the login throttle. */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../worker/domain/enums';

export const users = sqliteTable(
  'users',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    email: text().notNull(),
    name: text().notNull(),
    role: text({ enum: ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Shown to customers on estimates and e-mails as the manager's contact. */
    phone: text().notNull().default(''),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_email').on(t.email),
    check('users_role', sql`${t.role} in ('admin','manager','accountant')`), // as ROLES; a new role needs a migration
  ],
);

/** Server-side sessions; the id is the SHA-256 of the cookie token, never the token itself. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    ip: text(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Failed-login counters per key ("email:…" and "ip:…"), for throttling. */
export const loginAttempts = sqliteTable('login_attempts', {
  key: text().primaryKey(),
  failures: integer().notNull(),
  windowStart: text('window_start').notNull(),
  lockedUntil: text('locked_until'),
});
