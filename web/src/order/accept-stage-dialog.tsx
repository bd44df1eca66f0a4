/**
 * Signing off an order's next stage: actual hours for lines billed by time, the difference from
 * the plan in hours and money, an overrun to confirm, and the debit from the customer's balance.
 */
import { useState } from 'preact/hooks';
import type { OrderT, StageT } from '../../../schema/api';
import { formatFixed, formatHours, formatMilli, formatMoney, parseFixed } from '../../../worker/domain/format';
import { figuresOf } from '../../../worker/domain/debit-money';
import { totalHoursCenti } from '../../../worker/domain/ledger';
import { lineNormHoursCenti, normHoursAmountMinor } from '../../../worker/domain/pricing';
import { api } from '../api';
import { useSubmit } from '../components/submit';
import { ErrorNote, Field, FormFoot, Hours, Modal, Money, NumTh, toast } from '../components/ui';
import { getLang, midSentence, t } from '../i18n';

export function AcceptStageDialog({
  order,
  stage,
  onClose,
  onDone,
}: {
  order: OrderT;
  stage: StageT;
  onClose(): void;
  onDone(o: OrderT): void;
}) {
  const lang = getLang();
  const actualLines = stage.lines.filter((l) => l.actualTime);
  const [actual, setActual] = useState<Record<number, string>>(
    Object.fromEntries(actualLines.map((l) => [l.lineId, formatFixed(totalHoursCenti(l), 2, lang)])),
  );
  const [confirmed, setConfirmed] = useState(false);
  const { busy, error, setError, run } = useSubmit();
  // One key per dialog: a double click or a retry after a network error debits once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const preview = stage.lines.map((l) => {
    const spent = l.actualTime ? parseFixed(actual[l.lineId] ?? '', 2) : null;
    const norm =
      l.actualTime && spent !== null ? lineNormHoursCenti({ quantityMilli: 1000, hoursCenti: spent, kMilli: l.kMilli }) : l.normHoursCenti;
    return { line: l, spent, norm };
  });
  const total = preview.reduce((s, p) => s + (p.norm ?? 0), 0);
  const planned = stage.normHoursCenti;
  const extra = total - planned;
  // The difference in money on the accepted quote's terms (its discount and VAT), as the debit will be.
  const terms = { ...order.terms, rateMinor: order.rateMinor };
  const extraMoney = figuresOf(normHoursAmountMinor(Math.abs(extra), order.rateMinor), terms).totalMinor * Math.sign(extra);
  const overrun = extra > 0;
  const available = order.balanceCenti + order.overdraftCenti;
  const short = available < total;
  const after = order.stages.find((x) => x.n > stage.n && x.status === 'pending');
  const pausesAfter = !short && after !== undefined && available - total < after.normHoursCenti;
  const money = (minor: number) => formatMoney(minor, order.currency, lang);
  const signed = (text: string, n: number) => (n > 0 ? `+${text}` : n < 0 ? `−${text.replace(/^[−-]/, '')}` : text);

  async function submit(e: Event) {
    e.preventDefault();
    const lines: { lineId: number; actualHoursCenti: number }[] = [];
    for (const l of actualLines) {
      const value = parseFixed(actual[l.lineId] ?? '', 2);
      if (value === null || value <= 0) return setError(new Error(t('enterActualHours', { code: l.code })));
      lines.push({ lineId: l.lineId, actualHoursCenti: value });
    }
    if (overrun && !confirmed) return setError(new Error(t('confirmOverrunFirst')));
    await run(async () => {
      const result = await api('POST /api/orders/{id}/stages/{n}/accept', {
        params: { id: order.id, n: stage.n },
        body: { ...(lines.length ? { lines } : {}), ...(overrun ? { confirmOverrun: true } : {}) },
        headers: { 'idempotency-key': idempotencyKey },
      });
      if (result.order.status === 'paused') toast(t('stageRecordedPaused', { n: stage.n }), 'warning');
      else toast(t('stageAccepted', { n: stage.n }));
      onDone(result.order);
    });
  }

  return (
    <Modal title={t('acceptingStage', { n: stage.n })} onClose={onClose} wide>
      <form class="stack" onSubmit={submit} noValidate>
        <ErrorNote error={error} />
        <p>
          {stage.title}. {t('acceptStageHint')}
        </p>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('service')}</th>
              <NumTh>
                {t('planned')}, {t('hourUnit')}
              </NumTh>
              <NumTh>{t('actualHours')}</NumTh>
              <NumTh>K</NumTh>
              <NumTh>{t('plannedNormHours')}</NumTh>
              <NumTh>{t('toDebit')}</NumTh>
            </tr>
          </thead>
          <tbody>
            {preview.map(({ line, norm }) => (
              <tr key={line.lineId}>
                <td>
                  {line.code} {line.title}
                  {line.actualTime && <div class="small muted">{t('actualTime')}</div>}
                </td>
                <td class="num">{formatFixed(totalHoursCenti(line), 2, lang)}</td>
                <td class="num">
                  {line.actualTime ? (
                    <Field label={`${t('actualHours')} ${line.code}`} class="inline-field">
                      {(id) => (
                        <input
                          id={id}
                          class="num narrow"
                          inputMode="decimal"
                          value={actual[line.lineId]}
                          onInput={(e) => {
                            setActual({ ...actual, [line.lineId]: e.currentTarget.value });
                            setConfirmed(false);
                          }}
                        />
                      )}
                    </Field>
                  ) : (
                    '—'
                  )}
                </td>
                <td class="num">{formatMilli(line.kMilli, lang)}</td>
                <td class="num">
                  <Hours centi={line.normHoursCenti} />
                </td>
                <td class={`num ${(norm ?? 0) > line.normHoursCenti ? 'negative' : ''}`}>
                  <Hours centi={norm} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={4}>{t('totalToDebit')}</td>
              <td class="num">
                <Hours centi={planned} />
              </td>
              <td class="num">
                <Hours centi={total} />
              </td>
            </tr>
            <tr>
              <td colSpan={4}>{t('difference')}</td>
              <td class="num" colSpan={2} data-testid="sign-off-difference">
                {signed(formatHours(Math.abs(extra), lang), extra)} · {signed(money(Math.abs(extraMoney)), extraMoney)}
              </td>
            </tr>
          </tfoot>
        </table>
        <p class="small muted">
          {t('planned')}: <Money minor={stage.plan.totalMinor} currency={order.currency} /> · {t('onBalance')}:{' '}
          <Hours centi={order.balanceCenti} />
          {order.overdraftCenti > 0 && (
            <>
              {' '}
              · {midSentence(t('overdraftAllowed'))}: <Hours centi={order.overdraftCenti} />
            </>
          )}
        </p>
        {overrun && (
          <div class="note note-warning" role="alert">
            <div class="stack" style="gap:6px">
              <span>{t('overrunWarning', { hours: formatHours(extra, lang), money: money(extraMoney) })}</span>
              <label class="check">
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} /> {t('confirmOverrun')}
              </label>
            </div>
          </div>
        )}
        {short && <div class="note note-warning">{t('shortAfterSignOff')}</div>}
        {pausesAfter && <div class="note note-warning">{t('pausesAfterSignOff')}</div>}
        <FormFoot onCancel={onClose} busy={busy} disabled={overrun && !confirmed}>
          {t('acceptAndDebit')}
        </FormFoot>
      </form>
    </Modal>
  );
}
