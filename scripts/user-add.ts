/**
 * Creates a staff user in the local D1 or, with --remote, in the deployed one — how the
 * first admin of a real deployment is made.
 *   npm run user:add -- --email boss@example.com --role admin [--name "Имя"] [--remote]
 * The password is read from the NORMHOURS_PASSWORD environment variable or asked for.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { insertSql } from '../schema/seed/sql';
import { hashPassword } from '../worker/platform/secrets';
import { d1Query } from './wrangler';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    remote: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
  },
});

const email = values.email?.trim().toLowerCase();
const role = values.role;
if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || !role || !['admin', 'manager', 'accountant'].includes(role)) {
  console.error('Usage: npm run user:add -- --email someone@example.com --role admin|manager|accountant [--name "Name"] [--remote]');
  process.exit(2);
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.NORMHOURS_PASSWORD;
  if (fromEnv) return fromEnv;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Password (at least 10 characters): ');
  rl.close();
  return answer;
}

const password = await readPassword();
if (password.length < 10) {
  console.error('The password must be at least 10 characters long.');
  process.exit(2);
}

const target = values.remote ? '--remote' : '--local';
const existing = d1Query<{ n: number }>(
  `select count(*) as n from users where email = '${email.replace(/'/g, "''")}'`,
  target,
  values['persist-to'],
);
if ((existing[0]?.n ?? 0) > 0) {
  console.error(`A user ${email} already exists.`);
  process.exit(1);
}
const sql = insertSql('users', {
  email,
  name: values.name ?? email.split('@')[0]!,
  role,
  password_hash: await hashPassword(password),
  active: true,
  created_at: new Date().toISOString(),
});
d1Query(sql, target, values['persist-to']);
console.log(`Created ${role} ${email} in the ${values.remote ? 'remote' : 'local'} database.`);
