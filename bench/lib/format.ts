/** Numbers as RESULTS.md prints them, and how a figure grows with its input. */

export const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`);
export const rps = (v: number) => `${v.toFixed(0)} req/s`;
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
export const mb = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(1)} MB`);
export const x = (v: number) => (Number.isFinite(v) ? `${v >= 10 ? v.toFixed(0) : v.toFixed(2)}×` : '—');
export const int = (v: number) => Math.round(v).toLocaleString('en-US').replace(/,/g, ' ');

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The exponent k in figure ∝ inputᵏ between two points: 1 is linear, 0 flat. */
export function exponent(n1: number, v1: number, n2: number, v2: number): number {
  return Math.log(v2 / v1) / Math.log(n2 / n1);
}

export function growthWord(k: number): string {
  if (!Number.isFinite(k)) return 'n/a';
  if (k < 0.2) return 'flat';
  if (k < 0.85) return 'sublinear';
  if (k <= 1.15) return 'linear';
  return 'worse than linear';
}

export function table(headers: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
