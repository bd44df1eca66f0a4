/**
 * Fails when a TypeScript/TSX source line is longer than the formatter's line width.
 *   npx tsx scripts/check-line-length.ts [--max 140]
 * Looks at the files git tracks under worker/, web/src/, schema/, test/, scripts/ and bench/
 * (not worker/excel/vendor/, worker/env.d.ts, schema/migrations/), prints each long line
 * as file:line (length) and exits 1 if there is one. Length is counted in characters
 * (Unicode code points), not in UTF-16 units or bytes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const roots = ['worker/', 'web/src/', 'schema/', 'test/', 'scripts/', 'bench/'];
const excluded = ['worker/excel/vendor/', 'schema/migrations/'];
const excludedFiles = ['worker/env.d.ts'];

function maxWidth(): number {
  const index = process.argv.indexOf('--max');
  const value = index >= 0 ? Number(process.argv[index + 1]) : 140;
  if (!Number.isInteger(value) || value <= 0) throw new Error('--max takes a positive whole number');
  return value;
}

const max = maxWidth();
const files = execFileSync('git', ['ls-files', '-z', '--', ...roots], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  .split('\0')
  .filter((file) => /\.(ts|tsx|mts|cts)$/.test(file))
  .filter((file) => !excludedFiles.includes(file) && !excluded.some((prefix) => file.startsWith(prefix)));

let long = 0;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // deleted in the work tree but still in the index
  }
  text.split(/\r?\n/).forEach((line, index) => {
    const length = [...line].length;
    if (length > max) {
      long++;
      console.log(`${file}:${index + 1} (${length})`);
    }
  });
}
console.log(
  long
    ? `${long} line(s) longer than ${max} characters in ${files.length} files`
    : `All lines fit in ${max} characters (${files.length} files)`,
);
process.exit(long ? 1 : 0);
