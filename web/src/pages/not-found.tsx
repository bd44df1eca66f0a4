import { PageHeader } from '../components/ui';
import { t } from '../i18n';
import { Link } from '../router';

export function NotFoundPage({ forbidden }: { forbidden?: boolean }) {
  return (
    <>
      <PageHeader title={t('notFoundTitle')} />
      <div class="card card-pad">
        <p>{forbidden ? t('forbidden') : t('notFoundText')}</p>
        <Link href="/">{t('backToQuotes')}</Link>
      </div>
    </>
  );
}
