/** Work-order and stage statuses as chips with words. */
import type { OrderT, StageT } from '../../../schema/api';
import { Chip, type Tone } from '../components/ui';
import { tr } from '../i18n';

export const ORDER_STATUS: Record<OrderT['status'], { tone: Tone; ru: string; en: string }> = {
  queued: { tone: 'neutral', ru: 'В очереди', en: 'Queued' },
  in_progress: { tone: 'info', ru: 'В работе', en: 'In progress' },
  paused: { tone: 'warning', ru: 'Пауза: мало нормо-часов', en: 'Paused for balance' },
  done: { tone: 'success', ru: 'Выполнена', en: 'Done' },
  withdrawn: { tone: 'danger', ru: 'Отозвана', en: 'Withdrawn' },
};

export function OrderStatusChip({ status }: { status: OrderT['status'] }) {
  const s = ORDER_STATUS[status];
  return <Chip tone={s.tone}>{tr(s.ru, s.en)}</Chip>;
}

const STAGE_STATUS: Record<StageT['status'], { tone: Tone; ru: string; en: string }> = {
  pending: { tone: 'neutral', ru: 'Ожидает приёмки', en: 'Pending' },
  accepted: { tone: 'success', ru: 'Принят, списан', en: 'Accepted, debited' },
  withdrawn: { tone: 'danger', ru: 'Отозван', en: 'Withdrawn' },
};

export function StageStatusChip({ status }: { status: StageT['status'] }) {
  const s = STAGE_STATUS[status];
  return <Chip tone={s.tone}>{tr(s.ru, s.en)}</Chip>;
}
