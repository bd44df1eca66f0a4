import { PageHeader } from '../components/ui';
import { t } from '../i18n';
import { Link } from '../router';

export function NotFoundPage({ forbidden }: { forbidden?: boolean }) {
  return (
    <>
      <PageHeader title={t('not_found_title')} />
      <div class="card card-pad">
        <p>{forbidden ? t('forbidden_text') : t('not_found_text')}</p>
        <Link href="/">{t('back_to_quotes')}</Link>
      </div>
    </>
  );
}
