/**
 * The demo price list: sections 2–5 of the company's "Платные сервисы и расширенная
 * техническая поддержка" (shared/seeds/000…), and the paid items its section 1 lists. Fixed services carry the seed's norm-hours;
 * "estimate" services carry none (the seed's tables lost their figures), so a quote line
 * stays incomplete until the manager enters hours. Local demo data only, never migrated.
 */

import { SECTION_ONE } from './catalog-general';

export interface SeedCategory {
  code: string;
  nameRu: string;
  nameEn: string;
  kMilli: number;
}

export const SEED_CATEGORIES: SeedCategory[] = [
  { code: 'developer', nameRu: 'Разработчик', nameEn: 'Developer', kMilli: 1000 },
  { code: 'engineer', nameRu: 'Инженер', nameEn: 'Engineer', kMilli: 1000 },
  { code: 'support_engineer', nameRu: 'Инженер техподдержки', nameEn: 'Support engineer', kMilli: 1000 },
  { code: 'designer', nameRu: 'Дизайнер', nameEn: 'Designer', kMilli: 1000 },
  { code: 'implementation', nameRu: 'Команда внедрения', nameEn: 'Implementation team', kMilli: 1000 },
  { code: 'content_assistant', nameRu: 'Ассистент редактора', nameEn: 'Content assistant', kMilli: 600 },
  { code: 'methodologist', nameRu: 'Методист', nameEn: 'Methodologist', kMilli: 600 },
];

export interface SeedItem {
  code: string;
  section: string;
  nameRu: string;
  nameEn: string;
  mode: 'fixed' | 'estimate';
  actualTime: boolean;
  hoursCenti: number | null;
  category: string;
  description: string;
  inputs: string;
  result: string;
  limits: string;
}

const COURSE_LIMITS = (logicItems: number) =>
  [
    'до 10 тематических секций;',
    '1–4 теста, суммарно не более 30 вопросов;',
    'до 6 заданий;',
    '1–2 материала типа «Лекция», суммарно не более 10 слайдов;',
    '1 глоссарий, до 10 терминов;',
    'загрузка до 6 видео- или аудиороликов;',
    'загрузка до 6 pdf-файлов или файлов иных форматов;',
    'по одному изображению для каждой секции в описательную часть;',
    `до ${logicItems} элементов «Логика курса»;`,
    'до 4 тестовых пользователей (2 учителя + 2 слушателя);',
    'витрина: не более 10 пустых курсов (название, категория, изображение).',
  ].join('\n');

// Every «по оценке» service is billed by the time actually spent (DOMAIN.md, second round).
const item = (i: Omit<SeedItem, 'actualTime' | 'hoursCenti' | 'limits'> & Partial<SeedItem>): SeedItem => ({
  actualTime: i.mode === 'estimate',
  hoursCenti: null,
  limits: '',
  ...i,
});

const contentTask = (n: number, nameRu: string, nameEn: string, limits: string): SeedItem =>
  item({
    code: `4.${n}`,
    section: '4',
    nameRu,
    nameEn,
    mode: 'estimate',
    category: 'content_assistant',
    description:
      'Работа в СЭО ЗКЛ без изменения программного кода, выполняется ассистентами редактора и методистами. ' +
      'Цена = нормо-часы × 0,6 × стоимость нормо-часа расширенной технической поддержки.',
    inputs: 'Все материалы для наполнения предоставляет Заказчик.',
    result: `${nameRu}.`,
    limits,
  });

export const SEED_ITEMS: SeedItem[] = [
  item({
    code: '2.1',
    section: '2',
    nameRu: 'Работа с электронными материалами Заказчика',
    nameEn: 'Work with the customer’s e-learning materials',
    mode: 'estimate',
    actualTime: true,
    category: 'content_assistant',
    description:
      'Помощь с наполнением, редактированием и подготовкой курсов и материалов: набор и редактура текстов, перевод ' +
      'на более чем 50 языков, размещение учебных материалов в СЭО ЗКЛ, перевод тестов и заданий в формат СЭО ЗКЛ, ' +
      'форматирование, обработка изображений, сканирование и распознавание печатного текста, подготовка к публикации, ' +
      'проверка заданий по образцу Заказчика. Трудоёмкость — по фактически затраченному времени ассистентов.',
    inputs: 'Заявка с материалами и данными (предоставляет Заказчик).',
    result: 'Зависит от пожеланий в заявке; чаще всего — электронный курс.',
  }),
  item({
    code: '2.2',
    section: '2',
    nameRu: 'Настройка шаблона оформления в стиле предоставленного макета или образца',
    nameEn: 'Theme template set up in the style of a given mock-up or sample site',
    mode: 'fixed',
    hoursCenti: 2000,
    category: 'designer',
    description:
      'Настройка индивидуального профиля темы оформления по графическому макету или сайту-образцу. Дизайнер максимально ' +
      'приближает внешний вид системы к образцу настройками темы через веб-интерфейс, без правки кода (HTML, CSS, PHP). ' +
      'Меняется только графическое оформление: «шапка», «подвал», цвета и подложки, шрифты. Трудоёмкость — 20 нормо-часов.',
    inputs: 'Заявка с макетом (со всеми файлами изображений и логотипов) или ссылкой на сайт-образец.',
    result: 'Настроенный профиль оформления в шаблоне СЭО ЗКЛ.',
    limits: 'Без изменения структуры, содержимого, компоновки и поведения страниц; только настройки темы через веб-интерфейс.',
  }),
  item({
    code: '2.3',
    section: '2',
    nameRu: 'Адаптация внешнего вида СЭО ЗКЛ под потребности Заказчика',
    nameEn: 'Adapting the system’s look to the customer (brand book, logo)',
    mode: 'fixed',
    hoursCenti: 3200,
    category: 'designer',
    description:
      'Внешний вид системы на основе брендбука, образца фирменного стиля или адаптации мокапов Заказчика: индивидуальный ' +
      'дизайн и логотип, несколько альтернативных макетов, настройка блоков на страницах, динамические элементы ' +
      'интерфейса, участие в совещаниях с Заказчиком; «прямая связь» с дизайнером. Трудоёмкость — 32 нормо-часа.',
    inputs: 'Заявка с брендбуком, логотипами, образцами фирменного стиля и пожеланиями по внешнему виду.',
    result: 'Настроенный профиль оформления в шаблоне СЭО ЗКЛ.',
    limits: 'Полное соответствие макету не гарантируется: архитектура СЭО ЗКЛ ограничивает возможности стилизации.',
  }),
  item({
    code: '2.4',
    section: '2',
    nameRu: 'Разработка прототипа среды электронного обучения',
    nameEn: 'Prototype of an e-learning environment (one demo course)',
    mode: 'fixed',
    hoursCenti: 1000,
    category: 'implementation',
    description:
      'Рабочий прототип системы дистанционного обучения с учётом пожеланий по оформлению и структуре и один курс для ' +
      'демонстрации возможностей СЭО ЗКЛ: настройка внешнего вида базовым шаблоном, направления и категории, витрина ' +
      'курсов, создание и оформление одного курса по материалам Заказчика. Трудоёмкость — 10 нормо-часов.',
    inputs: 'Заявка с пожеланиями по структуре и внешнему виду; заполненный бриф; учебные материалы для курса; материалы для оформления.',
    result: 'Настроенная система с полноценным курсом.',
    limits: COURSE_LIMITS(3),
  }),
  item({
    code: '2.5',
    section: '2',
    nameRu: 'Внедрение среды электронного обучения',
    nameEn: 'Implementation: roles, structure, look, one full course, one report',
    mode: 'fixed',
    hoursCenti: 6400,
    category: 'implementation',
    description:
      'Установленная и настроенная среда дистанционного обучения: ролевая модель (до 10 ролей, права, контексты), ' +
      'структура организации (регионы, филиалы, должности, поля профиля, глобальные группы, автоподписки), внешний вид, ' +
      'витрина, один полноценный курс, расширенная логика курсов (до 30 элементов, до 10 уведомлений, не более трёх ' +
      'курсов) и один простой индивидуальный отчёт. Трудоёмкость — 64 нормо-часа.',
    inputs:
      'Заявка с пожеланиями по структуре, внешнему виду и ролевой модели; заполненные брифы; учебные материалы для курса; материалы для ' +
      'оформления.',
    result: 'Готовая к эксплуатации система с полноценным курсом и настроенными ролями.',
    limits: `${COURSE_LIMITS(6)}\nдо 10 пользовательских ролей;\nодин простой отчёт на базе «Настраиваемого отчёта».`,
  }),
  item({
    code: '2.6',
    section: '2',
    nameRu: 'Пошаговое интерактивное консультирование',
    nameEn: 'Step-by-step interactive consulting',
    mode: 'estimate',
    actualTime: true,
    category: 'support_engineer',
    description:
      'Представитель Заказчика в реальном времени, по устным указаниям специалиста, выполняет действия в своей системе ' +
      '(например, создаёт курс); цикл «рекомендация → действие → результат» повторяется три раза и более. Также — любая ' +
      'консультация не с официальным представителем Заказчика. Трудоёмкость — по фактически затраченному времени.',
    inputs: 'Заявка: тема консультации, желаемое время и канал, контакты того, кто получает консультацию.',
    result: 'Консультационная помощь в процессе действий представителя Заказчика в реальном времени.',
  }),
  item({
    code: '2.7',
    section: '2',
    nameRu: 'Аттестация инсталляции продукта',
    nameEn: 'Installation attestation',
    mode: 'estimate',
    actualTime: true,
    category: 'engineer',
    description:
      'Проверка целостности площадки, исполняемых файлов и базы данных, изолированности и стороннего вмешательства; по ' +
      'результатам (с одобрения Заказчика) — удаление сторонних модулей, обновление модулей, восстановление или перенос ' +
      'базы данных. Трудоёмкость — по фактически затраченному времени инженеров.',
    inputs: 'Заявка с реквизитами доступа к неаттестованной СЭО ЗКЛ; при переносе — чистый сервер с Ubuntu 20.04 или дополнительный диск.',
    result: 'Стабильно функционирующая аттестованная система с гарантийной поддержкой.',
  }),
  item({
    code: '2.8',
    section: '2',
    nameRu: 'Исполнение технического задания',
    nameEn: 'Execution of a technical specification (separate contract)',
    mode: 'estimate',
    category: 'developer',
    description:
      'Модификация программного кода, доработка и расширение возможностей, разработка нового функционала по отдельному ' +
      'договору, неотъемлемая часть которого — техническое задание. Трудоёмкость оценивают инженеры при согласовании.',
    inputs: 'Заявка с техническим заданием.',
    result: 'Необходимая Заказчику доработка системы.',
    limits: 'Требуется отдельный договор.',
  }),
  item({
    code: '2.9',
    section: '2',
    nameRu: 'Расширенная техническая поддержка (любая заявка)',
    nameEn: 'Extended technical support (any request)',
    mode: 'estimate',
    actualTime: true,
    category: 'support_engineer',
    description:
      'Любые заявки в компетенции Исполнителя сверх базовой поддержки: разработка и модификация СЭО ЗКЛ, консультации, ' +
      'проектирование. Нормо-часы списываются за любую работу над заявкой, включая изучение материалов. K зависит от ' +
      'специалиста. Трудоёмкость — по фактически затраченному времени.',
    inputs: 'Заявка с описанием задачи и исходными данными.',
    result: 'Зависит от пожеланий, указанных в заявке.',
    limits: 'Не заменяет базовую техническую поддержку, а дополняет её.',
  }),
  item({
    code: '3.2.1',
    section: '3',
    nameRu: 'Интеграция плагина «OT PAY» с платёжным шлюзом (типовая)',
    nameEn: 'Integration: OT PAY plugin with a payment gateway (typical)',
    mode: 'estimate',
    category: 'developer',
    description: 'Обмен данными между СЭО ЗКЛ и платёжным шлюзом. Доработка выполняется только на стороне СЭО ЗКЛ.',
    inputs: 'Заявка с описанием шлюза и реквизитами доступа к его API.',
    result: 'Работающая интеграция СЭО ЗКЛ с платёжным шлюзом.',
    limits: 'Изменения внешней системы выполняет Заказчик или сторонние разработчики.',
  }),
  item({
    code: '3.2.2',
    section: '3',
    nameRu: 'Интеграция элемента «Библиотека ресурсов» с источником (типовая)',
    nameEn: 'Integration: resource library with a content source (typical)',
    mode: 'estimate',
    category: 'developer',
    description: 'Подключение источника материалов к элементу курса «Библиотека ресурсов».',
    inputs: 'Заявка с описанием источника и доступом к нему.',
    result: 'Элемент «Библиотека ресурсов», получающий материалы из источника.',
    limits: 'Доработка только на стороне СЭО ЗКЛ.',
  }),
  item({
    code: '3.2.3',
    section: '3',
    nameRu: 'Интеграция элемента «Занятие» с провайдером видеоконференций (типовая)',
    nameEn: 'Integration: “Lesson” activity with a video-conference provider (typical)',
    mode: 'estimate',
    category: 'developer',
    description: 'Проведение занятий через провайдера видеоконференций без перехода во внешнюю систему.',
    inputs: 'Заявка с данными провайдера и учётной записью.',
    result: 'Элемент «Занятие», работающий с провайдером видеоконференций.',
    limits: 'Доработка только на стороне СЭО ЗКЛ.',
  }),
  item({
    code: '3.2.4',
    section: '3',
    nameRu: 'Нетиповая интеграция со сторонней системой',
    nameEn: 'Non-typical integration with a third-party system',
    mode: 'estimate',
    category: 'developer',
    description:
      'Выгрузка значений из СЭО ЗКЛ во внешний продукт (БД, 1С), загрузка значений из внешнего источника, использование ' +
      'функций стороннего продукта внутри СЭО ЗКЛ без дополнительной авторизации.',
    inputs: 'Заявка с описанием обмена и документацией внешней системы.',
    result: 'Интеграция СЭО ЗКЛ со сторонней системой.',
    limits: 'Изменения внешней системы выполняет Заказчик или сторонние разработчики.',
  }),
  item({
    code: '3.3.1',
    section: '3',
    nameRu: 'Доработка программного кода имеющегося функционала',
    nameEn: 'Changes to existing functionality (any code change)',
    mode: 'estimate',
    category: 'developer',
    description: 'Расширение или изменение функциональных возможностей имеющихся модулей СЭО ЗКЛ по пожеланиям Заказчика.',
    inputs: 'Заявка с описанием требуемых изменений.',
    result: 'Доработанный модуль СЭО ЗКЛ.',
  }),
  item({
    code: '3.3.2',
    section: '3',
    nameRu: 'Доработка плагина «Отчёт»: форма настройки, сложные выборки, доступ, экспорт в xls/pdf',
    nameEn: 'Report plugin with settings form, complex selections, access rules, xls/pdf export',
    mode: 'estimate',
    category: 'developer',
    description: 'Плагин типа «Отчёт» с формой настройки, сложными выборками, правилами доступа и экспортом в xls/pdf.',
    inputs: 'Заявка с макетом отчёта и описанием выборок.',
    result: 'Отчёт в СЭО ЗКЛ с настройками и экспортом.',
  }),
  item({
    code: '3.4.1',
    section: '3',
    nameRu: 'Новый модуль: плагин типа «Элемент курса»',
    nameEn: 'New module: course activity plugin',
    mode: 'estimate',
    category: 'developer',
    description: 'Проектирование и разработка нового элемента курса с необходимыми функциональными возможностями.',
    inputs: 'Заявка с описанием функциональности.',
    result: 'Новый плагин «Элемент курса».',
  }),
  item({
    code: '3.4.2',
    section: '3',
    nameRu: 'Новый модуль: плагин «Элемент курса» с возможностью оценивания',
    nameEn: 'New module: course activity plugin with grading',
    mode: 'estimate',
    category: 'developer',
    description: 'Новый элемент курса, интегрированный с журналом оценок.',
    inputs: 'Заявка с описанием функциональности и правил оценивания.',
    result: 'Новый плагин «Элемент курса» с оцениванием.',
  }),
  contentTask(
    1,
    'Создание пустого курса, настройка формата, секций, изображения и описания вводной секции',
    'Empty course with up to 10 sections',
    'до 10 тематических секций',
  ),
  contentTask(2, 'Добавление элементов курса типа «Файл»', 'Adding File items to a course', 'до 10 элементов'),
  contentTask(
    3,
    'Настройка вывода итоговой оценки за курс и параметров его выполнения в личном кабинете',
    'Final grade and completion settings for one course',
    'один курс',
  ),
  contentTask(
    4,
    'Создание раздела банка вопросов по файлу Заказчика',
    'Question bank category from the customer’s file',
    'до 15 вопросов типа «Множественный выбор»',
  ),
  contentTask(5, 'Наполнение банка вопросов вручную', 'Filling a question bank by hand', 'до 15 вопросов'),
  contentTask(6, 'Импорт вопросов в банк вопросов из подготовленного файла', 'Importing questions from a prepared file', 'до 20 вопросов'),
  contentTask(7, 'Создание и настройка теста на основе готового банка вопросов', 'Quiz from an existing question bank', 'один тест'),
  contentTask(8, 'Создание и настройка теста по файлу Заказчика', 'Quiz from the customer’s file', 'до 20 вопросов'),
  contentTask(9, 'Создание элементов курса «Задание»', 'Assignment activities', 'не более 3 заданий; описание до 1 800 знаков с пробелами'),
  contentTask(
    10,
    'Создание элемента курса «Лекция» с изображениями и текстом',
    'Lesson activity with images and text',
    'не более 5 страниц; каждая до 1 800 знаков с пробелами',
  ),
  contentTask(
    11,
    'Создание элемента курса «Глоссарий» с изображениями и текстом',
    'Glossary activity',
    'не более 10 терминов; каждый до 1 800 знаков с пробелами',
  ),
  contentTask(
    12,
    'Добавление в курс сертификата по макету Заказчика, настройка вида и условий выдачи',
    'Certificate from the customer’s layout',
    'один сертификат',
  ),
  contentTask(
    13,
    'Настройка ограничения доступа и параметров выполнения элементов курса',
    'Access restrictions and completion settings',
    'до 10 элементов',
  ),
  item({
    code: '5.1',
    section: '5',
    nameRu: 'Восстановление работы СУБД после действий Заказчика',
    nameEn: 'DBMS recovery after the customer’s actions',
    mode: 'estimate',
    category: 'engineer',
    description: 'Восстановление работоспособности СУБД, ставшей неработоспособной после действий Заказчика.',
    inputs: 'Заявка с описанием сбоя и доступом к серверу.',
    result: 'Работающая СУБД и система.',
  }),
  item({
    code: '5.2',
    section: '5',
    nameRu: 'Перемещение инсталляции продукта больше одного раза за год',
    nameEn: 'Moving an installation more than once a year',
    mode: 'estimate',
    category: 'engineer',
    description: 'Перенос инсталляции сверх условий предоставления сервиса (больше одного раза в год).',
    inputs: 'Заявка с реквизитами доступа к старому и новому серверам.',
    result: 'Работающая система на новом месте.',
  }),
  item({
    code: '5.3',
    section: '5',
    nameRu: 'Настройка резервного копирования по пожеланиям Заказчика',
    nameEn: 'Custom backup set-up',
    mode: 'estimate',
    category: 'engineer',
    description: 'Резервное копирование с настройками, отличными от предлагаемых Регламентом.',
    inputs: 'Заявка с требованиями к резервному копированию.',
    result: 'Настроенное резервное копирование.',
  }),
  item({
    code: '5.4',
    section: '5',
    nameRu: 'Подготовка образа системы для самостоятельного развёртывания на виртуальной машине',
    nameEn: 'VM image for self-deployment',
    mode: 'estimate',
    category: 'engineer',
    description: 'Образ системы для развёртывания Заказчиком, если доступ к его виртуальной машине не может быть предоставлен.',
    inputs: 'Заявка с параметрами целевой виртуальной машины.',
    result: 'Образ системы и инструкция по развёртыванию.',
  }),
  // The 14th typical content task of section 4 (the seed lists it first).
  contentTask(
    14,
    'Настройка оформления СЭО ЗКЛ по материалам Заказчика (заполнение брифа и формирование заявки на стилизацию СЭО ЗКЛ выполняется ' +
      'ассистентом редактора)',
    'Styling the system from the customer’s materials (the content assistant fills in the brief and files the styling request)',
    'бриф и заявка на стилизацию',
  ),
  // Section 1: the paid services the seed lists in its general information, billed by time actually spent.
  ...SECTION_ONE.map(([code, nameRu, nameEn, category, description]) =>
    item({
      code,
      section: '1',
      nameRu,
      nameEn,
      mode: 'estimate',
      actualTime: true,
      category,
      description,
      inputs: 'Заявка Заказчика на клиентском портале.',
      result: 'По заявке.',
    }),
  ),
];
