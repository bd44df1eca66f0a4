/** A price-list item as the screens show it: its name in the current language and its description. */
import type { CatalogItemT } from '../../../schema/api';
import { getLang, t } from '../i18n';

export function itemName(item: { name: string; nameEn: string }) {
  return getLang() === 'ru' ? item.name : item.nameEn || item.name;
}

export function ItemDetails({ item }: { item: Pick<CatalogItemT, 'description' | 'inputs' | 'result' | 'limits'> }) {
  return (
    <dl class="item-details">
      {item.description && (
        <>
          <dt>{t('description')}</dt>
          <dd>{item.description}</dd>
        </>
      )}
      {item.inputs && (
        <>
          <dt>{t('inputs')}</dt>
          <dd>{item.inputs}</dd>
        </>
      )}
      {item.result && (
        <>
          <dt>{t('result')}</dt>
          <dd>{item.result}</dd>
        </>
      )}
      {item.limits && (
        <>
          <dt>{t('limits')}</dt>
          <dd>{item.limits}</dd>
        </>
      )}
    </dl>
  );
}
