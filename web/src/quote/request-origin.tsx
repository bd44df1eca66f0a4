/** A quote made from a service request («в смету») names it, linking back to the request. */
import { api } from '../api';
import { useLoad } from '../components/ui';
import { t } from '../i18n';
import { Link } from '../router';

export function RequestOrigin({ quoteId }: { quoteId: number }) {
  const from = useLoad(() => api('GET /api/requests', { query: { quoteId } }).catch(() => []), [quoteId]);
  const request = from.data?.[0];
  if (!request) return null;
  return (
    <p class="small request-origin">
      <Link href={`/requests/${request.id}`}>{t('fromRequest', { number: request.number })}</Link>: {request.subject}
    </p>
  );
}
