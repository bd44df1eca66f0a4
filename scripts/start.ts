/**
 * `npm start`: build the web UI, migrate the local D1, load demo data when it is empty,
 * and serve everything at http://localhost:8787 with wrangler dev (offline).
 */
import { build } from 'vite';
import { DEMO_PASSWORD, DEMO_USERS } from '../schema/seed/demo';
import { seedIfEmpty } from './seed';
import { spawnWrangler, wrangler } from './wrangler';

const port = process.env.PORT ?? '8787';
const persistIndex = process.argv.indexOf('--persist-to');
const persistTo = persistIndex > 0 ? process.argv[persistIndex + 1] : undefined;
const persist = persistTo ? ['--persist-to', persistTo] : [];

function step(title: string) {
  console.log(`\n▸ ${title}`);
}

step('Building the web UI');
await build({ configFile: 'web/vite.config.ts', logLevel: 'warn' });

step('Applying migrations to the local D1');
wrangler(['d1', 'migrations', 'apply', 'DB', '--local', ...persist], { capture: true });

step('Loading demo data (only into an empty database)');
const seeded = await seedIfEmpty(persistTo);
console.log(seeded ? '  demo data loaded' : '  database already has data: left as it is');

console.log(`
  Open http://localhost:${port}
  Demo users (password “${DEMO_PASSWORD}”):
${DEMO_USERS.map((u) => `    ${u.role.padEnd(11)} ${u.email}`).join('\n')}
`);

const dev = spawnWrangler([
  'dev',
  '--port',
  port,
  '--ip',
  '127.0.0.1',
  '--show-interactive-dev-session=false',
  '--test-scheduled',
  ...persist,
]);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code) => process.exit(code ?? 0));
