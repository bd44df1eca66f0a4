import { describe, expect, it } from 'vitest';
import {
  baseNumber,
  effectiveStatus,
  refusalFor,
  revisionNumber,
  type QuoteAction,
  type QuoteStatus,
} from '../../worker/domain/quote-lifecycle';

describe('quote lifecycle', () => {
  it('expired is computed when read, only for a sent unanswered quote past its validity', () => {
    const sent = { status: 'sent' as const, validUntil: '2026-11-20', supersededAt: null };
    expect(effectiveStatus(sent, '2026-11-20')).toBe('sent'); // valid through the day
    expect(effectiveStatus(sent, '2026-11-21')).toBe('expired');
    expect(effectiveStatus({ ...sent, status: 'accepted' }, '2027-01-01')).toBe('accepted');
    expect(effectiveStatus({ ...sent, status: 'draft' }, '2027-01-01')).toBe('draft');
    expect(effectiveStatus({ ...sent, validUntil: null }, '2099-01-01')).toBe('sent');
  });

  it('numbers: Q-YYYY-NNNN, revisions -R2, -R3', () => {
    expect(baseNumber(2026, 42)).toBe('Q-2026-0042');
    expect(revisionNumber('Q-2026-0042', 1)).toBe('Q-2026-0042');
    expect(revisionNumber('Q-2026-0042', 2)).toBe('Q-2026-0042-R2');
  });

  // The whole transition table: action × status → allowed?
  const table: Record<QuoteAction, QuoteStatus[]> = {
    edit: ['draft'],
    send: ['draft'],
    revise: ['sent', 'declined', 'changes_requested', 'expired'],
    duplicate: ['draft', 'sent', 'accepted', 'declined', 'changes_requested', 'expired', 'archived'],
    archive: ['draft', 'sent', 'changes_requested', 'expired'],
    answer: ['sent'],
    order: ['accepted'],
    share: ['sent', 'accepted', 'declined', 'changes_requested', 'expired'],
  };
  const statuses: QuoteStatus[] = ['draft', 'sent', 'accepted', 'declined', 'changes_requested', 'expired', 'archived'];
  for (const [action, allowed] of Object.entries(table) as [QuoteAction, QuoteStatus[]][]) {
    it(`${action} is allowed exactly from ${allowed.join(', ')}`, () => {
      for (const status of statuses) {
        const refusal = refusalFor(action, status, true, false);
        expect(refusal === null, `${action} from ${status}`).toBe(allowed.includes(status));
        if (refusal) {
          expect([409, 422]).toContain(refusal.status);
          expect(refusal.en.length).toBeGreaterThan(10);
          expect(refusal.ru.length).toBeGreaterThan(10);
        }
      }
    });
  }

  it('an accepted revision is locked for edits with its own code', () => {
    expect(refusalFor('edit', 'accepted', true, false)?.code).toBe('quote_locked');
  });

  it('a replaced revision cannot be answered (its link shows the newer one); only the latest can be revised', () => {
    expect(refusalFor('answer', 'sent', false, true)?.code).toBe('revision_replaced');
    // A link belongs to the quote's number (API.md, Delivery): sharing a replaced revision shares the number.
    expect(refusalFor('share', 'sent', false, true)).toBeNull();
    expect(refusalFor('revise', 'sent', false, false)?.code).toBe('not_latest_revision');
    expect(refusalFor('answer', 'expired', true, false)?.code).toBe('quote_expired');
  });
});
