/** The sticky footer: whether everything is saved, and the totals of what the screen shows. */
import type { QuoteT } from '../../../schema/api';
import { formatPercentMilli } from '../../../worker/domain/format';
import { Button, Chip, Hours, Money } from '../components/ui';
import { getLang, t } from '../i18n';
import type { SaveState } from './editor-state';

export function Totals(props: {
  quote: QuoteT;
  saveState: SaveState;
  busy: boolean;
  conflict: boolean;
  failure: string | null;
  onRetry(): void;
  onDiscard(): void;
}) {
  const { quote } = props;
  const tt = quote.totals;
  const lang = getLang();
  const included = quote.vatMode === 'included' ? ` ${t('vatIncludedMark')}` : '';
  const idle = !props.busy && !props.failure && !props.conflict;
  const state = props.failure
    ? 'paused'
    : props.conflict
      ? 'conflict'
      : props.busy
        ? 'saving'
        : props.saveState === 'idle'
          ? 'idle'
          : 'saved';
  return (
    <div class="totals-bar" role="region" aria-label={t('totals')} data-idle={idle ? 'true' : 'false'}>
      {props.failure ? (
        <div class="save-failure" role="alert">
          <span class="save-state save-error">
            {t('notSaved')}: {props.failure}
          </span>
          <Button class="btn-small" variant="primary" onClick={props.onRetry}>
            {t('retry')}
          </Button>
          <Button class="btn-small" variant="ghost" onClick={props.onDiscard}>
            {t('dropChange')}
          </Button>
        </div>
      ) : (
        <span class={`save-state save-${state}`} role="status">
          {state === 'saving' ? t('saving') : state === 'conflict' ? t('notSavedConflict') : state === 'saved' ? t('saved') : ''}
        </span>
      )}
      {tt.incompleteLines > 0 && <Chip tone="warning">{t('withoutHours', { count: tt.incompleteLines })}</Chip>}
      <dl class="totals">
        <div>
          <dt>{t('subtotal')}</dt>
          <dd data-total="subtotal">
            <Money minor={tt.subtotalMinor} currency={quote.currency} />
          </dd>
        </div>
        {quote.discountRateMilli > 0 && (
          <div>
            <dt>
              {t('discount')} {formatPercentMilli(quote.discountRateMilli, lang)}
            </dt>
            <dd data-total="discount">
              −<Money minor={tt.discountMinor} currency={quote.currency} />
            </dd>
          </div>
        )}
        <div>
          <dt>{quote.vatMode === 'none' ? t('noVat') : `${t('vat')} ${formatPercentMilli(quote.vatRateMilli, lang)}${included}`}</dt>
          <dd data-total="vat">
            <Money minor={tt.vatMinor} currency={quote.currency} />
          </dd>
        </div>
        <div class="total-main">
          <dt>{t('total')}</dt>
          <dd data-total="total">
            <Money minor={tt.totalMinor} currency={quote.currency} />
          </dd>
        </div>
        <div>
          <dt>{t('normHours')}</dt>
          <dd data-total="normHours">
            <Hours centi={tt.normHoursCenti} />
          </dd>
        </div>
      </dl>
    </div>
  );
}
