/** A project's funding: confirmed (solid) and promised (striped) against the whole. */
import type { ProjectT } from '../../../schema/api';
import { formatFixed } from '../../../worker/domain/format';
import { big, divRound, toSafe } from '../../../worker/domain/money';
import { getLang, t } from '../i18n';

export const percent = (milli: number) => `${formatFixed(milli, 1, getLang())}\u00a0%`;

/** `part` of `whole` in whole percent, rounded as the domain rounds (half away from zero). */
const percentOf = (part: number, whole: number) => toSafe(divRound(big(part) * 100n, big(whole)));

/** Confirmed (solid) and promised (striped) against the whole; words beside, never colour alone. */
export function FundingBar({ p }: { p: Pick<ProjectT, 'normHoursCenti' | 'confirmedCenti' | 'promisedCenti' | 'fundedMilli'> }) {
  const whole = Math.max(1, p.normHoursCenti);
  // The bar's widths are CSS, drawn to the pixel; the words say whole percent.
  const confirmed = Math.min(100, (100 * p.confirmedCenti) / whole);
  const promised = Math.min(100 - confirmed, (100 * p.promisedCenti) / whole);
  const promisedPercent = Math.min(Math.max(0, percentOf(whole - p.confirmedCenti, whole)), percentOf(p.promisedCenti, whole));
  return (
    <div class="funding">
      <div
        class="funding-bar"
        role="img"
        aria-label={t('fundingBarLabel', { confirmed: percent(p.fundedMilli), promised: promisedPercent })}
      >
        <span class="funding-confirmed" style={`width:${confirmed}%`} />
        <span class="funding-promised" style={`width:${promised}%`} />
      </div>
      <span class="small">{percent(p.fundedMilli)}</span>
    </div>
  );
}
