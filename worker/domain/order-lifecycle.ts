/**
 * Work orders and their stages (DOMAIN.md, "From quote to consumption"): an order waits in the
 * queue, starts when the balance covers it, pauses when it cannot pay its next stage, resumes
 * on a top-up, is done when its last stage is accepted, or is withdrawn; a stage is accepted
 * (debited) once, or withdrawn with its order.
 */
import type { OrderStatus, StageStatus } from './enums';
import type { Lifecycle } from './lifecycle';

export type OrderAction = 'start' | 'pause' | 'resume' | 'finish' | 'withdraw' | 'withdrawBeforeStart' | 'debit';

export const ORDER_LIFECYCLE: Lifecycle<OrderStatus, OrderAction> = {
  start: { from: ['queued'], to: 'in_progress' },
  pause: { from: ['in_progress'], to: 'paused' },
  resume: { from: ['paused'], to: 'in_progress' },
  finish: { from: ['queued', 'in_progress', 'paused'], to: 'done' },
  withdraw: { from: ['queued', 'in_progress', 'paused'], to: 'withdrawn' },
  /** The customer withdraws from their account only an order that has not started (DOMAIN.md rule 2). */
  withdrawBeforeStart: { from: ['queued'], to: 'withdrawn' },
  /** A stage of the order may be accepted (and debited) only while the order runs. */
  debit: { from: ['in_progress'], to: null },
};

export type StageAction = 'accept' | 'withdraw';

export const STAGE_LIFECYCLE: Lifecycle<StageStatus, StageAction> = {
  accept: { from: ['pending'], to: 'accepted' },
  withdraw: { from: ['pending'], to: 'withdrawn' },
};

/** Orders still in the queue's hands (not done, not withdrawn). */
export const OPEN_ORDER_STATUSES = ORDER_LIFECYCLE.withdraw.from;
