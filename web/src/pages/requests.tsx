/**
 * Service requests (issue 18): the inbox with filters and SLA flags, and one request to triage
 * (kind, SLA level, status), answer, and turn into a quote («Создать смету»).
 */
import { useState } from 'preact/hooks';
import type { ServiceRequestT } from '../../../schema/api';
import { REQUEST_STATUS_CODES, REQUEST_KIND_CODES, SLA_LEVEL_CODES_ENUM } from '../../../worker/domain/enums';
import { stampText } from '../../../worker/domain/format';
import { OPEN_REQUEST_STATUSES, SLA_LEVELS, SLA_RUNNING_STATUSES, mayQuote, nextStatuses } from '../../../worker/domain/sla';
import { PRIORITY_LEVEL_WORDS, REQUEST_KIND_WORDS, REQUEST_STATUS_WORDS, SLA_LEVEL_WORDS } from '../../../worker/domain/words/ui';
import { ApiError, api } from '../api';
import { SelectField, customerChoices, type Choice } from '../components/select-field';
import { RequestStatusChip } from '../components/status';
import { useSubmit } from '../components/submit';
import { Button, Chip, ErrorNote, Field, Listing, Loading, PageHeader, toast, useLoad } from '../components/ui';
import { getLang, t, word } from '../i18n';
import { Link, navigate, openRow, setQuery, useLocation } from '../router';
import { hasRole, useSession } from '../session';

type Status = ServiceRequestT['status'];
type Flag = 'open' | 'at_risk' | 'breached';

const asFlag = (v: string | null): Flag | undefined => (v === 'open' || v === 'at_risk' || v === 'breached' ? v : undefined);
const asStatus = (v: string | null) => REQUEST_STATUS_CODES.find((s) => s === v);
const asKind = (v: string | null) => REQUEST_KIND_CODES.find((k) => k === v);
const statusChoices = (statuses: readonly Status[]): Choice[] => statuses.map((s) => [s, word(REQUEST_STATUS_WORDS[s])]);
const kindChoices = (): Choice[] => REQUEST_KIND_CODES.map((k) => [k, word(REQUEST_KIND_WORDS[k])]);

/** "3 h 05 min" of working time, from minutes. */
function workingTime(minutes: number): string {
  const m = Math.abs(minutes);
  return t('minutesShort', { h: Math.floor(m / 60), m: String(m % 60).padStart(2, '0') });
}

/** The deadline cell: the company's local time, then how it stands (answered, left, overdue). */
function Deadline({ r }: { r: ServiceRequestT }) {
  const { settings } = useSession();
  const due = stampText(r.reactionDueAt, settings.timeZone, getLang());
  return (
    <div class="deadline">
      <span class="nowrap">{due}</span>
      <div class="small">
        {r.breached ? <Chip tone="danger">{t('flagBreached')}</Chip> : r.atRisk ? <Chip tone="warning">{t('flagAtRisk')}</Chip> : null}{' '}
        <span class="muted">
          {r.firstAnswerAt
            ? t('answeredAt', { at: stampText(r.firstAnswerAt, settings.timeZone, getLang()) })
            : !SLA_RUNNING_STATUSES.includes(r.status)
              ? ''
              : r.remainingMinutes >= 0
                ? t('remainingWorking', { time: workingTime(r.remainingMinutes) })
                : t('overdueWorking', { time: workingTime(r.remainingMinutes) })}
        </span>
      </div>
    </div>
  );
}

export function RequestsPage() {
  const { query } = useLocation();
  const { settings } = useSession();
  const status = asStatus(query.get('status'));
  const kind = asKind(query.get('kind'));
  const flag = asFlag(query.get('flag'));
  const customerId = query.get('customerId') ?? '';
  const customers = useLoad(() => api('GET /api/customers'), []);
  const list = useLoad(
    () => api('GET /api/requests', { query: { status, kind, flag, customerId: customerId ? Number(customerId) : undefined } }),
    [status, kind, flag, customerId],
  );
  const filtered = Boolean(status || kind || flag || customerId);
  const flags: [Flag | undefined, string][] = [
    [undefined, t('flagAll')],
    ['open', t('flagOpen')],
    ['at_risk', t('flagAtRisk')],
    ['breached', t('flagBreached')],
  ];

  return (
    <>
      <PageHeader title={t('navRequests')} subtitle={t('requestsSubtitle')} />
      <div class="toolbar" role="search">
        <div class="segmented" role="group" aria-label={t('reactionDue')}>
          {flags.map(([f, label]) => (
            <button key={label} type="button" aria-pressed={flag === f} onClick={() => setQuery({ flag: f ?? null })}>
              {label}
            </button>
          ))}
        </div>
        <SelectField
          label={t('status')}
          value={status ?? ''}
          empty={t('anyStatus')}
          choices={statusChoices(REQUEST_STATUS_CODES)}
          onChange={(v) => setQuery({ status: v || null })}
        />
        <SelectField
          label={t('requestKind')}
          value={kind ?? ''}
          empty={t('anyKind')}
          choices={kindChoices()}
          onChange={(v) => setQuery({ kind: v || null })}
        />
        <SelectField
          label={t('customer')}
          value={customerId}
          empty={t('allCustomers')}
          choices={customerChoices(customers.data)}
          onChange={(v) => setQuery({ customerId: v || null })}
        />
      </div>
      <ErrorNote error={list.error} onRetry={list.reload} />
      <div class="card">
        <Listing
          items={list.data}
          loadingRows={6}
          empty={
            <>
              <strong>{filtered ? t('nothingFound') : t('requestsEmpty')}</strong>
              {filtered && t('changeFilters')}
            </>
          }
        >
          {(items) => (
            <div class="table-wrap">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('requestNumber')}</th>
                    <th scope="col">{t('customer')}</th>
                    <th scope="col">{t('requestSubject')}</th>
                    <th scope="col">{t('requestKind')}</th>
                    <th scope="col">{t('requestPriority')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col">{t('reactionDue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((r) => (
                    <tr
                      key={r.id}
                      class={`clickable${r.breached ? ' row-breached' : r.atRisk ? ' row-at-risk' : ''}`}
                      onClick={openRow(`/requests/${r.id}`)}
                    >
                      <td class="nowrap">
                        <Link href={`/requests/${r.id}`} class="mono">
                          {r.number}
                        </Link>
                        <div class="small muted">{stampText(r.createdAt, settings.timeZone, getLang())}</div>
                      </td>
                      <td>{r.customerName}</td>
                      <td>{r.subject}</td>
                      <td>{word(REQUEST_KIND_WORDS[r.kind])}</td>
                      <td>
                        {r.priority} · {word(PRIORITY_LEVEL_WORDS[String(r.priority)]!)}
                        <div class="small muted">{word(SLA_LEVEL_WORDS[r.slaLevel])}</div>
                      </td>
                      <td>
                        <RequestStatusChip status={r.status} />
                      </td>
                      <td>
                        <Deadline r={r} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Listing>
      </div>
    </>
  );
}

export function RequestPage({ id }: { id: number }) {
  const { me, settings } = useSession();
  const request = useLoad(() => api('GET /api/requests/{id}', { params: { id } }), [id]);
  // A conflict shows what changed meanwhile: the request is read again.
  const { busy, busyWith, error, run } = useSubmit<'patch' | 'answer' | 'quote'>({
    afterFailure: (e) => e instanceof ApiError && e.status === 409 && request.reload(),
  });
  const [answer, setAnswer] = useState('');
  const r = request.data;
  if (!r) return request.error ? <ErrorNote error={request.error} onRetry={request.reload} /> : <Loading rows={8} />;

  const patch = (body: { status?: Status; kind?: ServiceRequestT['kind']; slaLevel?: ServiceRequestT['slaLevel'] }) =>
    run(async () => {
      // The answer is the request as saved: its new version is what the next action sends.
      request.setData(await api('PATCH /api/requests/{id}', { params: { id }, body: { version: r.version, ...body } }));
      toast(t('saved'));
    }, 'patch');

  const send = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      request.setData(await api('POST /api/requests/{id}/answers', { params: { id }, body: { body: answer } }));
      setAnswer('');
      toast(t('requestAnswered'));
    }, 'answer');
  };

  const makeQuote = () =>
    run(async () => {
      const made = await api('POST /api/requests/{id}/quote', { params: { id }, body: { version: r.version } });
      toast(t('requestQuoteMade', { number: made.request.quoteNumber ?? '' }));
      navigate(`/quotes/${made.quoteId}`);
    }, 'quote');

  const statuses = [r.status, ...nextStatuses(r.status)];
  const canQuote = hasRole(me, 'manager', 'admin') && mayQuote(r);
  const stamp = (iso: string) => stampText(iso, settings.timeZone, getLang());

  return (
    <>
      <PageHeader title={`${r.number}: ${r.subject}`} subtitle={<Link href="/requests">← {t('requestBack')}</Link>}>
        {r.quoteId !== null && r.quoteNumber && (
          <Link class="btn btn-default" href={`/quotes/${r.quoteId}`}>
            {t('requestQuote')} {r.quoteNumber}
          </Link>
        )}
        {canQuote && (
          <Button variant="primary" busy={busyWith('quote')} disabled={busy} onClick={() => void makeQuote()} title={t('requestQuoteHint')}>
            {t('requestMakeQuote')}
          </Button>
        )}
      </PageHeader>
      <ErrorNote error={error} />
      <div class="request-layout">
        <section class="card card-pad stack" aria-labelledby="request-text">
          <h2 id="request-text" class="sr-only">
            {t('requestDescription')}
          </h2>
          <div class="row small muted">
            {t('requestFromCustomer')}: <Link href={`/customers/${r.customerId}`}>{r.customerName}</Link> · {t('requestCreated')}{' '}
            {stamp(r.createdAt)}
          </div>
          <p class="request-text">{r.description}</p>
          <h2 class="h3">{t('requestThread')}</h2>
          {r.comments.length === 0 ? (
            <p class="muted">{t('requestNoAnswers')}</p>
          ) : (
            <ol class="thread">
              {r.comments.map((c) => (
                <li key={c.id} class={`thread-item thread-${c.author}`}>
                  <div class="small muted">
                    {c.authorName} · {c.author === 'staff' ? t('requestStaffAuthor') : t('requestFromCustomer')} · {stamp(c.createdAt)}
                  </div>
                  <p class="request-text">{c.body}</p>
                </li>
              ))}
            </ol>
          )}
          {OPEN_REQUEST_STATUSES.includes(r.status) && (
            <form class="stack" onSubmit={send}>
              <Field label={t('requestAnswer')} hint={t('requestAnswerHint')}>
                {(fid) => (
                  <textarea id={fid} rows={4} value={answer} maxLength={10_000} onInput={(e) => setAnswer(e.currentTarget.value)} />
                )}
              </Field>
              <div class="row">
                <Button type="submit" variant="primary" busy={busyWith('answer')} disabled={answer.trim() === ''}>
                  {t('requestSendAnswer')}
                </Button>
              </div>
            </form>
          )}
        </section>
        <aside class="card card-pad stack" aria-label={t('requestTriage')}>
          <h2 class="h3">{t('requestTriage')}</h2>
          <div>
            <div class="small muted">{t('reactionDue')}</div>
            <Deadline r={r} />
          </div>
          <div class="small muted">
            {t('requestPriority')}: {r.priority} · {word(PRIORITY_LEVEL_WORDS[String(r.priority)]!)}
          </div>
          <SelectField
            label={t('status')}
            value={r.status}
            disabled={busy}
            choices={statusChoices(statuses)}
            onChange={(v) => void patch({ status: asStatus(v) })}
          />
          <SelectField
            label={t('requestKind')}
            value={r.kind}
            disabled={busy}
            choices={kindChoices()}
            onChange={(v) => void patch({ kind: asKind(v) })}
          />
          <SelectField
            label={t('slaLevel')}
            value={r.slaLevel}
            disabled={busy}
            choices={SLA_LEVEL_CODES_ENUM.map((l) => [
              l,
              <>
                {word(SLA_LEVEL_WORDS[l])} — {t('workingHoursShort', { n: SLA_LEVELS[l].reactionHours })}
              </>,
            ])}
            onChange={(v) => void patch({ slaLevel: SLA_LEVEL_CODES_ENUM.find((l) => l === v) })}
          />
        </aside>
      </div>
    </>
  );
}
