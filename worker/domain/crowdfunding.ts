/**
 * Crowdfunding projects (seed section 3.1): ready enhancement projects, designed and
 * estimated, waiting for one or several customers to fund them.
 *  - price = Σ ROUND(hours × K × rate, 2) over the estimate; norm-hours = Σ ROUND(hours × K, 2)
 *  - pledges in norm-hours: promised, confirmed (debited from the pledger's balance) or cancelled
 *  - funded is computed: an open project whose confirmed pledges cover its norm-hours
 *  - remaining = norm-hours − promised − confirmed, never below 0; funded % (confirmed) and
 *    promised % are shown apart: a promise is not money
 *  - splitting the remainder among N more customers: shares that differ by at most one
 *    hundredth and add up exactly; money per share at the current rate, to the kopeck.
 */
import type { PledgeStatus, ProjectStatus, StoredProjectStatus } from './enums';
import type { Lifecycle } from './lifecycle';
import { splitEvenly } from './money';
import { normHoursAmountMinor, priceEstimate } from './pricing';

export type { PledgeStatus, ProjectStatus, StoredProjectStatus };

export type ProjectAction =
  | 'develop'
  | 'release'
  | 'withdraw'
  | 'pledge'
  | 'confirmPledge'
  | 'refundPledge'
  | 'editEstimate'
  | 'addToQuote';

/**
 * A project (stored status; `funded` is an open one its pledges cover): open → in development →
 * released, or withdrawn (refunding confirmed pledges). While open it takes pledges, its
 * estimate may change and a customer's share may go into a quote; a pledge may be confirmed
 * until it is released; a confirmed pledge is refunded on cancellation only while it is open.
 */
export const PROJECT_LIFECYCLE: Lifecycle<StoredProjectStatus, ProjectAction> = {
  develop: { from: ['open'], to: 'in_development' },
  release: { from: ['in_development'], to: 'released' },
  withdraw: { from: ['open', 'in_development'], to: 'withdrawn' },
  pledge: { from: ['open'], to: null },
  confirmPledge: { from: ['open', 'in_development'], to: null },
  refundPledge: { from: ['open'], to: null },
  editEstimate: { from: ['open'], to: null },
  addToQuote: { from: ['open'], to: null },
};

export type PledgeAction = 'confirm' | 'cancel';

/** A pledge: promised, then confirmed (debited) or cancelled (a confirmed one refunded). */
export const PLEDGE_LIFECYCLE: Lifecycle<PledgeStatus, PledgeAction> = {
  confirm: { from: ['promised'], to: 'confirmed' },
  cancel: { from: ['promised', 'confirmed'], to: 'cancelled' },
};

/** The stored status behind a status a reader sees (`funded` is an open project). */
export const storedProjectStatus = (status: ProjectStatus): StoredProjectStatus => (status === 'funded' ? 'open' : status);

export interface EstimateRow {
  hoursCenti: number;
  kMilli: number;
}

export interface PledgeFacts {
  customerId: number;
  normHoursCenti: number;
  status: PledgeStatus;
}

export interface Funding {
  priceMinor: number;
  normHoursCenti: number;
  promisedCenti: number;
  confirmedCenti: number;
  remainingCenti: number;
  /** confirmed ÷ norm-hours, in thousandths (1000 = fully funded; can exceed it). */
  fundedMilli: number;
  /** promised (not yet confirmed) ÷ norm-hours, in thousandths, shown apart from what is funded. */
  promisedMilli: number;
  /** Confirmed beyond the price: visible, never silently dropped. */
  overPledgedCenti: number;
  funders: number;
  status: ProjectStatus;
}

export function funding(
  estimate: readonly EstimateRow[],
  pledges: readonly PledgeFacts[],
  rateMinor: number,
  stored: StoredProjectStatus,
): Funding {
  const { priceMinor, normHoursCenti } = priceEstimate(estimate, rateMinor);
  let promised = 0;
  let confirmed = 0;
  const funders = new Set<number>();
  for (const p of pledges) {
    if (p.status === 'cancelled') continue;
    funders.add(p.customerId);
    if (p.status === 'promised') promised += p.normHoursCenti;
    else confirmed += p.normHoursCenti;
  }
  const share = (part: number) => (normHoursCenti === 0 ? 0 : Math.floor((part * 1000) / normHoursCenti));
  const fundedMilli = share(confirmed);
  return {
    priceMinor,
    normHoursCenti,
    promisedCenti: promised,
    confirmedCenti: confirmed,
    remainingCenti: Math.max(0, normHoursCenti - promised - confirmed),
    fundedMilli,
    promisedMilli: share(promised),
    overPledgedCenti: Math.max(0, confirmed - normHoursCenti),
    funders: funders.size,
    status: stored === 'open' && normHoursCenti > 0 && confirmed >= normHoursCenti ? 'funded' : stored,
  };
}

/** The project's co-funders by name: promised and confirmed norm-hours each (cancelled pledges left out). */
export function cofundersOf(
  pledges: readonly { customerId: number; customerName: string; normHoursCenti: number; status: PledgeStatus }[],
) {
  const by = new Map<number, { customerId: number; name: string; promisedCenti: number; confirmedCenti: number }>();
  for (const p of pledges) {
    if (p.status === 'cancelled') continue;
    const row = by.get(p.customerId) ?? { customerId: p.customerId, name: p.customerName, promisedCenti: 0, confirmedCenti: 0 };
    if (p.status === 'confirmed') row.confirmedCenti += p.normHoursCenti;
    else row.promisedCenti += p.normHoursCenti;
    by.set(p.customerId, row);
  }
  return [...by.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

export interface Split {
  n: number;
  /** Each co-funder's share of the remaining norm-hours; they add up to the remainder. */
  sharesCenti: number[];
  /** The largest share, and its money at the rate: what to quote each co-funder. */
  perFunderCenti: number;
  perFunderMinor: number;
  /** Money of every share; they add up to the remainder's money to within rounding per share. */
  sharesMinor: number[];
}

export function splitRemainder(remainingCenti: number, n: number, rateMinor: number): Split {
  const sharesCenti = splitEvenly(remainingCenti, n);
  const sharesMinor = sharesCenti.map((c) => normHoursAmountMinor(c, rateMinor));
  const perFunderCenti = Math.max(...sharesCenti);
  return { n, sharesCenti, perFunderCenti, perFunderMinor: normHoursAmountMinor(perFunderCenti, rateMinor), sharesMinor };
}

/**
 * The compared projects whose score is the best of a row (the lowest or the highest); none
 * when every project scores the same. The comparison screen and its Excel file mark these.
 */
export function bestOf<P extends { id: number }>(projects: readonly P[], score: (p: P) => number, best: 'min' | 'max'): Set<number> {
  const scores = projects.map(score);
  const target = best === 'min' ? Math.min(...scores) : Math.max(...scores);
  if (scores.every((s) => s === target)) return new Set();
  return new Set(projects.filter((p) => score(p) === target).map((p) => p.id));
}

// ---------- a safe Markdown subset ----------

/**
 * Project descriptions are Markdown written by staff. They are parsed into this small tree
 * and rendered as elements — never as HTML — so no markup in a description can run.
 */
export type Inline =
  | { t: 'text'; v: string }
  | { t: 'strong'; c: Inline[] }
  | { t: 'em'; c: Inline[] }
  | { t: 'code'; v: string }
  | { t: 'link'; href: string; c: Inline[] };

export type Block =
  | { t: 'h'; level: 2 | 3 | 4; c: Inline[] }
  | { t: 'p'; c: Inline[] }
  | { t: 'ul'; items: Inline[][] }
  | { t: 'ol'; items: Inline[][] };

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  // A link's address may hold one level of balanced parentheses, as real addresses do.
  const pattern = /(\*\*(.+?)\*\*|\*(.+?)\*|`([^`]+)`|\[([^\]]+)\]\(([^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\))/;
  while (rest) {
    const m = pattern.exec(rest);
    if (!m) {
      out.push({ t: 'text', v: rest });
      break;
    }
    if (m.index > 0) out.push({ t: 'text', v: rest.slice(0, m.index) });
    if (m[2] !== undefined) out.push({ t: 'strong', c: parseInline(m[2]) });
    else if (m[3] !== undefined) out.push({ t: 'em', c: parseInline(m[3]) });
    else if (m[4] !== undefined) out.push({ t: 'code', v: m[4] });
    else if (m[5] !== undefined && m[6] !== undefined) {
      out.push(SAFE_URL.test(m[6]) ? { t: 'link', href: m[6], c: parseInline(m[5]) } : { t: 'text', v: m[5] });
    }
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { t: 'ul' | 'ol'; items: Inline[][] } | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ t: 'p', c: parseInline(paragraph.join(' ')) });
    paragraph = [];
    if (list) blocks.push(list);
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      blocks.push({ t: 'h', level: Math.min(4, Math.max(2, heading[1]!.length + 1)) as 2 | 3 | 4, c: parseInline(heading[2]!) });
    } else if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      if (paragraph.length || (list && list.t !== kind)) flush();
      list ??= { t: kind, items: [] };
      list.items.push(parseInline((bullet ?? numbered)![1]!));
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
