/** Admin: the norm-hour rate, currency, VAT default, time zone and company details. */
import { useState } from 'preact/hooks';
import { formatFixed, formatMilli, parseFixed } from '../../../worker/domain/format';
import { api } from '../api';
import { useSubmit } from '../components/submit';
import { ErrorNote, Field, PageHeader, fieldErrors, toast } from '../components/ui';
import { WEEKDAY_WORDS } from '../../../worker/domain/words/ui';
import { getLang, t, word } from '../i18n';
import { useSession } from '../session';

/** Dates typed one a line or separated by commas or spaces. */
const dates = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];
/** The server takes a data URL of up to 280 000 characters: a 200 KiB file in base64 and its prefix. */
const LOGO_MAX_BYTES = 200 * 1024;

export function SettingsPage() {
  const { settings, refreshSettings } = useSession();
  const lang = getLang();
  const [f, setF] = useState({
    rate: formatFixed(settings.rateMinor, 2, lang),
    currency: settings.currency,
    vatRate: formatMilli(settings.vatRateMilli * 100, lang),
    vatMode: settings.vatMode,
    timeZone: settings.timeZone,
    companyName: settings.companyName,
    companyDetails: settings.companyDetails,
    quoteValidityDays: String(settings.quoteValidityDays),
    shareLinkDays: String(settings.shareLinkDays),
    logoDataUrl: settings.logoDataUrl,
    dayStart: settings.dayStart,
    dayEnd: settings.dayEnd,
    holidays: settings.holidays.join('\n'),
    workdaysOverride: settings.workdaysOverride.join('\n'),
  });
  const [workingDays, setWorkingDays] = useState<number[]>(settings.workingDays);
  const [logoError, setLogoError] = useState<string | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const errors = fieldErrors(error);
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.currentTarget as HTMLInputElement).value });

  async function save(e: Event) {
    e.preventDefault();
    const rateMinor = parseFixed(f.rate, 2);
    const vatPercentMilli = parseFixed(f.vatRate, 3);
    if (rateMinor === null || rateMinor <= 0) return setError(new Error(t('rateMustBePositive')));
    if (vatPercentMilli === null || vatPercentMilli % 100 !== 0) return setError(new Error(t('vatRateFormat')));
    await run(async () => {
      await api('PATCH /api/settings', {
        body: {
          version: settings.version,
          rateMinor,
          currency: f.currency.trim().toUpperCase(),
          vatRateMilli: vatPercentMilli / 100,
          vatMode: f.vatMode,
          timeZone: f.timeZone.trim(),
          companyName: f.companyName,
          companyDetails: f.companyDetails,
          quoteValidityDays: Number(f.quoteValidityDays),
          shareLinkDays: Number(f.shareLinkDays),
          logoDataUrl: f.logoDataUrl,
          workingDays,
          dayStart: f.dayStart,
          dayEnd: f.dayEnd,
          holidays: dates(f.holidays),
          workdaysOverride: dates(f.workdaysOverride),
        },
      });
      await refreshSettings();
      toast(t('saved'));
    });
  }

  function pickLogo(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    setLogoError(null);
    if (!file) return;
    if (!LOGO_TYPES.includes(file.type)) return setLogoError(t('logoWrongType'));
    if (file.size > LOGO_MAX_BYTES) return setLogoError(t('logoTooLarge'));
    const reader = new FileReader();
    reader.onload = () => setF((before) => ({ ...before, logoDataUrl: String(reader.result) }));
    reader.readAsDataURL(file);
  }

  return (
    <>
      <PageHeader title={t('settings')} subtitle={t('settingsSubtitle')} />
      <form class="card card-pad stack" style="max-width:760px" onSubmit={save} noValidate>
        <ErrorNote error={error} />
        <div class="grid-2">
          <Field label={t('normHourRate')} error={errors.rateMinor}>
            {(id) => <input id={id} class="num" inputMode="decimal" value={f.rate} onInput={set('rate')} />}
          </Field>
          <Field label={t('currency')} error={errors.currency}>
            {(id) => <input id={id} value={f.currency} maxLength={3} onInput={set('currency')} />}
          </Field>
          <Field label={t('vatRatePercent')} error={errors.vatRateMilli}>
            {(id) => <input id={id} class="num" inputMode="decimal" value={f.vatRate} onInput={set('vatRate')} />}
          </Field>
          <Field label={t('defaultVat')} error={errors.vatMode}>
            {(id) => (
              <select id={id} value={f.vatMode} onChange={set('vatMode')}>
                <option value="on_top">{t('vatOnTop')}</option>
                <option value="included">{t('vatIncluded')}</option>
                <option value="none">{t('noVat')}</option>
              </select>
            )}
          </Field>
          <Field label={t('timeZone')} error={errors.timeZone} hint={t('timeZoneHint')}>
            {(id) => <input id={id} value={f.timeZone} onInput={set('timeZone')} />}
          </Field>
          <Field label={t('quoteValidityDays')} error={errors.quoteValidityDays}>
            {(id) => <input id={id} type="number" min={1} max={365} value={f.quoteValidityDays} onInput={set('quoteValidityDays')} />}
          </Field>
          <Field label={t('linkValidityDays')} error={errors.shareLinkDays}>
            {(id) => <input id={id} type="number" min={1} max={365} value={f.shareLinkDays} onInput={set('shareLinkDays')} />}
          </Field>
          <Field label={t('company')} error={errors.companyName}>
            {(id) => <input id={id} value={f.companyName} onInput={set('companyName')} />}
          </Field>
        </div>
        <Field label={t('companyDetails')} error={errors.companyDetails}>
          {(id) => <textarea id={id} value={f.companyDetails} onInput={set('companyDetails')} />}
        </Field>
        <Field label={t('logo')} error={logoError ?? errors.logoDataUrl} hint={t('logoHint')}>
          {(id) => (
            <div class="row">
              {f.logoDataUrl && <img class="logo-preview" src={f.logoDataUrl} alt={t('logo')} />}
              <input id={id} type="file" accept={LOGO_TYPES.join(',')} onChange={pickLogo} />
              {f.logoDataUrl && (
                <button type="button" class="btn btn-ghost" onClick={() => setF({ ...f, logoDataUrl: '' })}>
                  {t('logoRemove')}
                </button>
              )}
            </div>
          )}
        </Field>
        <fieldset class="stack calendar-fields">
          <legend>{t('workingCalendar')}</legend>
          <div class="row" role="group" aria-label={t('workingDays')}>
            <span class="small muted">{t('workingDays')}:</span>
            {WEEKDAY_WORDS.map((w, i) => (
              <label key={i} class="row small">
                <input
                  type="checkbox"
                  checked={workingDays.includes(i + 1)}
                  onChange={(e) =>
                    setWorkingDays(e.currentTarget.checked ? [...workingDays, i + 1].sort() : workingDays.filter((d) => d !== i + 1))
                  }
                />
                {word(w)}
              </label>
            ))}
          </div>
          {errors.workingDays && (
            <div class="field-error" role="alert">
              {errors.workingDays}
            </div>
          )}
          <div class="grid-2">
            <Field label={t('dayStart')} error={errors.dayStart}>
              {(id) => <input id={id} value={f.dayStart} pattern="[0-2][0-9]:[0-5][0-9]" onInput={set('dayStart')} />}
            </Field>
            <Field label={t('dayEnd')} error={errors.dayEnd}>
              {(id) => <input id={id} value={f.dayEnd} pattern="[0-2][0-9]:[0-5][0-9]" onInput={set('dayEnd')} />}
            </Field>
            <Field label={t('holidays')} error={errors.holidays} hint={t('holidaysHint')}>
              {(id) => <textarea id={id} rows={5} value={f.holidays} onInput={set('holidays')} />}
            </Field>
            <Field label={t('workdaysOverride')} error={errors.workdaysOverride} hint={t('holidaysHint')}>
              {(id) => <textarea id={id} rows={5} value={f.workdaysOverride} onInput={set('workdaysOverride')} />}
            </Field>
          </div>
        </fieldset>
        <div class="row">
          <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy}>
            {busy ? t('saving') : t('save')}
          </button>
        </div>
      </form>
    </>
  );
}
