/** The price list: items by section, categories, the admin's forms. */
import type { Pair, Table } from '../words';

export const UI_CATALOG_WORDS = {
  catalogIntro: [
    'Услуги в нормо-часах. Цена = часы × K × стоимость нормо-часа',
    'Services in norm-hours. Price = hours × K × norm-hour rate',
  ],
  catalogSearch: ['Найти услугу по коду или словам', 'Find a service by code or words'],
  mode: ['Режим', 'Mode'],
  priceColumn: ['Цена', 'Price'],
  inactive: ['не продаётся', 'inactive'],
  hoursPerLine: ['Часы вводятся в каждой строке сметы', 'Hours are entered on each quote line'],
  categoriesTitle: ['Категории специалистов', 'Specialist categories'],
  catalogSectionNumbered: ['Раздел {n}', 'Section {n}'],

  // ---- the admin's forms ----
  newService: ['Новая услуга', 'New service'],
  nameRu: ['Название (рус.)', 'Name (Russian)'],
  nameEn: ['Название (англ.)', 'Name (English)'],
  onSale: ['Продаётся', 'Active'],
  fixedHoursNeeded: ['Укажите нормо-часы фиксированной услуги, например 20 или 12,5.', 'Enter the fixed norm-hours, e.g. 20 or 12.5.'],
  kOutOfRange: ['K — число от 0 до 5, например 0,6.', 'K is a number from 0 to 5, e.g. 0.6.'],
  emptyMeansCategoryK: ['Пусто — K категории', 'Empty: the category’s K'],
  categoryKHint: [
    'Услуги сохраняют свой K; новые услуги категории возьмут этот.',
    'Items keep their own K; new items of this category take this one.',
  ],
} as const satisfies Table;

/** The price list's sections by number (DOMAIN.md sections 2–5). */
export const CATALOG_SECTION_WORDS: Readonly<Record<string, Pair>> = {
  '2': ['2. Регламентированные платные сервисы', '2. Standard paid services'],
  '3': ['3. Доработка СЭО ЗКЛ', '3. Enhancements'],
  '4': ['4. Работа с контентом', '4. Content work'],
  '5': ['5. Настройка, конфигурирование', '5. Configuration'],
};
