/**
 * Service requests and their reaction SLA (DOMAIN.md, second round; seeds 003 and 004).
 * Pure data and rules, shared by the Worker and the browser UI. Working time: ./working-time.
 */
import { addWorkingMinutes, workingMinutesBetween, type WorkingCalendar } from './working-time';

export type SlaLevelCode = 'vip' | 'emergency' | 'standard' | 'non_commercial' | 'consulting';

export interface SlaLevel {
  code: SlaLevelCode;
  ru: string;
  en: string;
  /** Maximum reaction time, in working hours of the company's calendar. */
  reactionHours: number;
  /** Where the number comes from in seed 003. */
  source: string;
}

/**
 * Seed 003 gives one maximum reaction time per level, but for two levels it gives two numbers:
 * partners 3 h / commercial clients 4 h (emergency), partners 5 h / commercial clients 6 h
 * (standard). A level here carries the larger one: the reaction time promised is a maximum, and
 * the company's customers are commercial clients, whose numbers these are.
 */
export const SLA_LEVELS: Readonly<Record<SlaLevelCode, SlaLevel>> = Object.freeze({
  vip: { code: 'vip', ru: 'VIP-поддержка', en: 'VIP support', reactionHours: 2, source: '5.5' },
  emergency: {
    code: 'emergency',
    ru: 'Оперативная поддержка',
    en: 'Emergency support',
    reactionHours: 4,
    source: '5.1 (3 h), 5.3 (4 h): the maximum',
  },
  standard: {
    code: 'standard',
    ru: 'Стандартная поддержка',
    en: 'Standard support',
    reactionHours: 6,
    source: '5.2 (5 h), 5.4 (6 h): the maximum',
  },
  non_commercial: {
    code: 'non_commercial',
    ru: 'Некоммерческая поддержка',
    en: 'Non-commercial support',
    reactionHours: 24,
    source: '5.7',
  },
  consulting: { code: 'consulting', ru: 'Консультирование по общим вопросам', en: 'General consulting', reactionHours: 40, source: '5.8' },
});

/** Levels from the shortest reaction time to the longest (for pickers). */
export const SLA_LEVEL_CODES: readonly SlaLevelCode[] = Object.freeze(['vip', 'emergency', 'standard', 'non_commercial', 'consulting']);

/** The reaction deadline: creation time plus the level's reaction time in working hours. */
export function reactionDeadline(createdAtIso: string, level: SlaLevelCode, calendar: WorkingCalendar): string {
  return addWorkingMinutes(createdAtIso, SLA_LEVELS[level].reactionHours * 60, calendar);
}

export interface SlaRequest {
  createdAt: string;
  /** The first staff answer (a reply or a clarifying question), or null while there is none. */
  firstAnswerAt: string | null;
  level: SlaLevelCode;
}

export interface SlaState {
  dueAt: string;
  /** No staff answer by dueAt: an answer at dueAt is in time, one after it is still a breach. */
  breached: boolean;
  /**
   * Unanswered, not yet breached, and less than a quarter of the level's reaction time left in
   * working time (VIP: under 30 min; standard: under 1 h 30 min; consulting: under 10 h). A share
   * rather than a fixed hour, because one hour is half of VIP's time and nothing of consulting's.
   */
  atRisk: boolean;
  /**
   * Working minutes from now (or from the first answer, which stops the clock) to dueAt,
   * truncated toward zero; negative once past it ("overdue by").
   */
  remainingMinutes: number;
}

export function slaState(request: SlaRequest, nowIso: string, calendar: WorkingCalendar): SlaState {
  const dueAt = reactionDeadline(request.createdAt, request.level, calendar);
  const answered = request.firstAnswerAt !== null;
  const measuredAt = request.firstAnswerAt ?? nowIso;
  const breached = Date.parse(measuredAt) > Date.parse(dueAt);
  const remainingMinutes = workingMinutesBetween(measuredAt, dueAt, calendar);
  const atRisk = !answered && !breached && remainingMinutes * 4 < SLA_LEVELS[request.level].reactionHours * 60;
  return { dueAt, breached, atRisk, remainingMinutes };
}

/** A request's priority as the customer sets it: 1 critical, 2 high, 3 normal, 4 low. */
export type RequestPriority = 1 | 2 | 3 | 4;

/**
 * The SLA level a new request starts at, from its priority: critical is seed 003's emergency
 * support (a failure that stops work), high its standard support, normal its non-commercial level
 * (24 h, "up to three calendar days"), low its general consulting (40 h). Staff triage the level
 * afterwards (VIP customers, a critical request that is not): the deadline follows the level.
 */
export const PRIORITY_LEVELS: Readonly<Record<RequestPriority, SlaLevelCode>> = Object.freeze({
  1: 'emergency',
  2: 'standard',
  3: 'non_commercial',
  4: 'consulting',
});

export const PRIORITY_WORDS: Readonly<Record<RequestPriority, { ru: string; en: string }>> = Object.freeze({
  1: { ru: 'Критический', en: 'Critical' },
  2: { ru: 'Высокий', en: 'High' },
  3: { ru: 'Обычный', en: 'Normal' },
  4: { ru: 'Низкий', en: 'Low' },
});

/** Request kinds, in seed 004's words. */
export type RequestKind = 'incident' | 'problem' | 'service' | 'development';

export const REQUEST_KINDS: Readonly<Record<RequestKind, { ru: string; en: string; ruHint: string; enHint: string }>> = Object.freeze({
  incident: {
    ru: 'Инцидент',
    en: 'Incident',
    ruHint: 'Сбой в системе у одного пользователя заказчика',
    enHint: "A failure affecting one of the customer's users",
  },
  problem: {
    ru: 'Проблема',
    en: 'Problem',
    ruHint: 'Сбой, остановивший работу или лишивший систему работоспособности',
    enHint: 'A failure that stopped the system or left it unusable',
  },
  service: {
    ru: 'Запрос на обслуживание',
    en: 'Service request',
    ruHint: 'Запрос на предоставление информации',
    enHint: 'A request for information',
  },
  development: {
    ru: 'Запрос на развитие',
    en: 'Development request',
    ruHint: 'Запрос на доработку системы',
    enHint: 'A request to enhance the system',
  },
});

export type RequestStatus = 'new' | 'in_work' | 'needs_clarification' | 'resolved' | 'closed';

/** Seed 004 calls a finished request «Обработано»; that is `resolved` here. */
export const REQUEST_STATUSES: Readonly<Record<RequestStatus, { ru: string; en: string }>> = Object.freeze({
  new: { ru: 'Новый', en: 'New' },
  in_work: { ru: 'В работе', en: 'In work' },
  needs_clarification: { ru: 'Требует уточнения', en: 'Needs clarification' },
  resolved: { ru: 'Обработан', en: 'Resolved' },
  closed: { ru: 'Закрыт', en: 'Closed' },
});

export type RequestAction = 'take' | 'ask' | 'clarify' | 'resolve' | 'reopen' | 'close';

/**
 * The one table of status changes. take: staff start work; ask: staff need more information
 * (seed 004: the developer may ask for clarification); clarify: the customer answered; resolve:
 * done; reopen: the customer says it is not; close: final, from any open status (confirmed,
 * withdrawn, duplicate, no answer to a question). Closed is final.
 */
export const REQUEST_TRANSITIONS: Readonly<Record<RequestAction, { readonly from: readonly RequestStatus[]; readonly to: RequestStatus }>> =
  Object.freeze({
    take: { from: ['new'], to: 'in_work' },
    ask: { from: ['new', 'in_work'], to: 'needs_clarification' },
    clarify: { from: ['needs_clarification'], to: 'in_work' },
    resolve: { from: ['in_work'], to: 'resolved' },
    reopen: { from: ['resolved'], to: 'in_work' },
    close: { from: ['new', 'in_work', 'needs_clarification', 'resolved'], to: 'closed' },
  });

const ACTIONS = Object.keys(REQUEST_TRANSITIONS) as RequestAction[];

/** The status an action leads to from `from`, or null when the table does not allow it there. */
export function applyAction(from: RequestStatus, action: RequestAction): RequestStatus | null {
  const t = REQUEST_TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

/** The actions allowed from a status (for the buttons on a request). */
export function actionsFrom(from: RequestStatus): RequestAction[] {
  return ACTIONS.filter((a) => applyAction(from, a) !== null);
}

export function nextStatuses(from: RequestStatus): RequestStatus[] {
  return [...new Set(actionsFrom(from).map((a) => REQUEST_TRANSITIONS[a].to))];
}

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return nextStatuses(from).includes(to);
}

/** The statuses a request may be in for staff to set `to` (staying where it is counts as allowed): the store's SQL guard. */
export function statusesLeadingTo(to: RequestStatus): RequestStatus[] {
  return (Object.keys(REQUEST_STATUSES) as RequestStatus[]).filter((from) => from === to || canTransition(from, to));
}

/** Open statuses: a request in one of them can still be answered, triaged and closed (the `close` row of the table). */
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = REQUEST_TRANSITIONS.close.from;

/** Where the SLA clock runs while unanswered: not once the request is resolved or closed. */
export const SLA_RUNNING_STATUSES: readonly RequestStatus[] = OPEN_REQUEST_STATUSES.filter((s) => s !== 'resolved');

/** Only a development request can become a quote (seed 004: «запрос на развитие»), and only once, while open. */
export function mayQuote(r: { kind: RequestKind; status: RequestStatus; quoteId: number | null }): boolean {
  return r.kind === 'development' && r.quoteId === null && OPEN_REQUEST_STATUSES.includes(r.status);
}
