/** The low-balance flag: a chip with words, and the threshold and the shortfall beside it. */
import type { OrderT } from '../../../schema/api';
import { formatHours } from '../../../worker/domain/format';
import { getLang, t } from '../i18n';
import { Chip } from './ui';

type LowBalance = NonNullable<OrderT['lowBalance']>;

export function LowBalanceFlag({ low, compact }: { low: LowBalance; compact?: boolean }) {
  const lang = getLang();
  const hint = t('lowBalanceHint', { threshold: formatHours(low.thresholdCenti, lang), below: formatHours(low.belowCenti, lang) });
  const whose = low.own ? t('lowBalanceOwn') : t('lowBalanceNext');
  return (
    <div class="low-balance" style={compact ? undefined : 'margin-top:6px'}>
      <Chip tone="warning" title={`${hint} (${whose})`}>
        {t('lowBalance')}
      </Chip>
      {!compact && (
        <div class="small muted">
          {hint} ({whose})
        </div>
      )}
    </div>
  );
}
