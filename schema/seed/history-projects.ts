/**
 * The demo's crowdfunding projects (seed section 3.1): designed, estimated, waiting for
 * customers; promised and confirmed pledges, a confirmed one debited as the API debits it (its
 * norm-hours at the rate, the installation's VAT).
 */
import { pledgeMoney } from '../../worker/domain/ledger-entries';
import { SEED_CATEGORIES } from './catalog';
import { DEMO_SETTINGS } from './demo';
import { DAY, MANAGER, type Book } from './history-book';

const PROJECTS: {
  code: string;
  title: string;
  description: string;
  status: 'open' | 'in_development';
  ageDays: number;
  targetInDays: number;
  estimate: [string, number, string][];
  pledges: [number, number, 'promised' | 'confirmed', number][];
}[] = [
  {
    code: 'CF-2026-01',
    title: 'Журнал посещаемости с отметками преподавателя',
    description:
      '## Что получится\nПреподаватель отмечает присутствие на занятии прямо в курсе, слушатель видит свою посещаемость.\n\n- отметки ' +
      '«был», «опоздал», «уважительная причина»\n- сводка по группе и **выгрузка в xls**\n- учёт посещаемости в итоговой ' +
      'оценке\n\nМакет согласован с тремя вузами.',
    status: 'open',
    ageDays: 120,
    targetInDays: 90,
    estimate: [
      ['developer', 6400, 'Плагин и отчёт'],
      ['designer', 800, 'Интерфейс отметок'],
      ['methodologist', 1200, 'Инструкция и демо-курс'],
    ],
    pledges: [
      [1, 2400, 'confirmed', 40],
      [2, 2000, 'promised', 10],
    ],
  },
  {
    code: 'CF-2026-02',
    title: 'Вход через ЕСИА (Госуслуги)',
    description:
      '## Что получится\nВход слушателей через учётную запись Госуслуг с автоматическим созданием профиля.\n\n- привязка существующих ' +
      'учётных записей по СНИЛС\n- настройка полей профиля',
    status: 'open',
    ageDays: 80,
    targetInDays: 150,
    estimate: [
      ['developer', 9600, 'Интеграция с ЕСИА'],
      ['engineer', 1600, 'Настройка и сертификаты'],
    ],
    pledges: [[3, 1500, 'promised', 20]],
  },
  {
    code: 'CF-2026-03',
    title: 'Напоминания слушателям в Telegram',
    description:
      '## Что получится\nБот напоминает о сроках заданий и тестов и присылает оценки.\n\n1. подписка из личного кабинета\n2. настройка ' +
      'расписания напоминаний\n3. отписка одной кнопкой',
    status: 'open',
    ageDays: 30,
    targetInDays: 60,
    estimate: [
      ['developer', 3200, 'Бот и плагин'],
      ['content_assistant', 600, 'Тексты уведомлений'],
    ],
    pledges: [
      [1, 1000, 'promised', 5],
      [2, 1000, 'promised', 4],
      [3, 800, 'promised', 2],
    ],
  },
];

export function projectsAndPledges(book: Book) {
  PROJECTS.forEach((pr, i) => {
    const pid = i + 1;
    const created = book.ago(pr.ageDays);
    book.row('crowdfunding_projects', {
      id: pid,
      code: pr.code,
      title: pr.title,
      description_md: pr.description,
      status: pr.status,
      target_date: book.date(book.now + pr.targetInDays * DAY),
      links: '[]',
      created_at: book.iso(created),
      updated_at: book.iso(created),
      version: 1,
    });
    for (const [category, hoursCenti, title] of pr.estimate) {
      const cat = SEED_CATEGORIES.findIndex((c) => c.code === category);
      book.row('project_estimates', {
        project_id: pid,
        category_id: cat + 1,
        title,
        k_milli: SEED_CATEGORIES[cat]!.kMilli,
        hours_centi: hoursCenti,
      });
    }
    pr.pledges.forEach(([customer, hoursCenti, status, age], j) => {
      const at = book.ago(age);
      const pledgeId = i * 10 + j + 1;
      book.row('pledges', {
        id: pledgeId,
        project_id: pid,
        customer_id: customer,
        norm_hours_centi: hoursCenti,
        status,
        pledged_on: book.date(at),
        note: status === 'confirmed' ? 'Подтверждено письмом' : 'Обещано на встрече',
        created_at: book.iso(at),
        created_by: MANAGER,
        confirmed_at: status === 'confirmed' ? book.iso(at + DAY) : null,
      });
      if (status !== 'confirmed') return;
      const money = pledgeMoney(hoursCenti, DEMO_SETTINGS);
      const debit = {
        ...money,
        subtotalMinor: -money.subtotalMinor,
        discountMinor: -money.discountMinor,
        netMinor: -money.netMinor,
        vatMinor: -money.vatMinor,
        totalMinor: -money.totalMinor,
      };
      book.entry(
        at + DAY,
        customer,
        -hoursCenti,
        { kind: 'debit', memo: `Взнос в проект ${pr.code} · ${pr.title}`, pledge_id: pledgeId, idempotency_key: `pledge:${pledgeId}` },
        debit,
      );
    });
  });
}
