/**
 * Section 1 of the seed («Общая информация»): the paid services it lists besides sections 2–5,
 * as the seed words them, billed by the time actually spent.
 */

/** Section 1's paid items, as the seed words them: [code, name, English, category, description]. */
export const SECTION_ONE: [string, string, string, string, string][] = [
  [
    '1.1',
    'Выезд к Заказчику, очное консультирование сотрудников или использование каналов связи, не предусмотренных договором',
    'On-site visits, in-person consulting or communication channels the contract does not provide',
    'support_engineer',
    'Выезд специалиста к Заказчику, очное консультирование сотрудников или связь по каналам, не предусмотренным договором. Трудоёмкость ' +
      '— по фактически затраченному времени.',
  ],
  [
    '1.2',
    'Проведение индивидуальных вебинаров',
    'Individual webinars',
    'support_engineer',
    'Индивидуальный вебинар для сотрудников Заказчика. Трудоёмкость — по фактически затраченному времени.',
  ],
  [
    '1.3',
    'Техническая поддержка сторонних модулей Moodle, не входящих в базовую поставку СЭО ЗКЛ',
    'Support of third-party Moodle modules outside the standard delivery',
    'engineer',
    'Аудит, установка, консультации и доработка сторонних модулей, восстановление системы после сбоя модуля. Трудоёмкость — по ' +
      'фактически затраченному времени.',
  ],
  [
    '1.4',
    'Нестандартное конфигурирование системы (организация кластера, горячее резервирование и т. п.)',
    'Non-standard configuration (a cluster, hot standby and the like)',
    'engineer',
    'Организация кластера, горячее резервирование и иные нестандартные конфигурации. Трудоёмкость — по фактически затраченному времени.',
  ],
];
