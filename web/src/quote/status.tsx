/** Quote statuses as coloured chips with words (never colour alone). */
import type { QuoteT } from '../../../schema/api';
import { Chip, type Tone } from '../components/ui';
import { tr } from '../i18n';

const STATUS: Record<QuoteT['status'], { tone: Tone; ru: string; en: string }> = {
  draft: { tone: 'neutral', ru: 'Черновик', en: 'Draft' },
  sent: { tone: 'info', ru: 'Отправлена', en: 'Sent' },
  accepted: { tone: 'success', ru: 'Принята', en: 'Accepted' },
  declined: { tone: 'danger', ru: 'Отклонена', en: 'Declined' },
  changes_requested: { tone: 'warning', ru: 'Запрошены изменения', en: 'Changes requested' },
  expired: { tone: 'warning', ru: 'Просрочена', en: 'Expired' },
  archived: { tone: 'neutral', ru: 'В архиве', en: 'Archived' },
};

export const QUOTE_STATUSES = Object.keys(STATUS) as QuoteT['status'][];

export function statusWord(status: QuoteT['status']): string {
  const s = STATUS[status];
  return tr(s.ru, s.en);
}

export function QuoteStatusChip({ status }: { status: QuoteT['status'] }) {
  return <Chip tone={STATUS[status].tone}>{statusWord(status)}</Chip>;
}
