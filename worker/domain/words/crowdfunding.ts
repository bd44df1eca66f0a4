/** The crowdfunding comparison's own words. */
import type { Table } from './words';

export const CROWDFUNDING_WORDS = {
  sheet: ['Сравнение', 'Comparison'],
  title: ['Сравнение краудфандинг-проектов', 'Crowdfunding projects compared'],
  fileName: ['Сравнение проектов', 'Crowdfunding comparison'],
  generated: ['сформировано', 'generated'],
  n: ['Новых участников, N', 'New co-funders, N'],
  figure: ['Показатель', 'Figure'],
  price: ['Стоимость', 'Price'],
  confirmed: ['Подтверждено, нормо-ч', 'Confirmed, norm-h'],
  promised: ['Обещано, нормо-ч', 'Promised, norm-h'],
  remaining: ['Осталось, нормо-ч', 'Remaining, norm-h'],
  funded: ['Собрано', 'Funded'],
  promisedPercent: ['Обещано, ещё не подтверждено', 'Promised, not yet confirmed'],
  cofunderNames: ['Участники (обещано / подтверждено, нормо-ч)', 'Co-funders (promised / confirmed, norm-h)'],
  queued: ['Уже нужно заявкам в очереди, нормо-ч', 'Already needed by queued orders, norm-h'],
  funders: ['Участников', 'Co-funders'],
  share: ['Доля нового участника, нормо-ч', 'Share per new co-funder, norm-h'],
  shareMoney: ['Стоимость доли', 'Share price'],
  shares: ['Деление остатка на N долей, нормо-ч', 'The remainder in N shares, norm-h'],
  covers: ['Баланс заказчика покрывает долю', 'The customer’s balance covers the share'],
  legendBest: [
    '★ — лучшее значение в строке, как на экране сравнения: меньшие стоимость, нормо-часы, остаток и доля; большие подтверждённые и ' +
      'обещанные нормо-часы, процент сбора и число участников; «да» в строке баланса. Если во всех проектах значение одинаковое, ' +
      'отметки нет.',
    '★ marks the best value of a row, as the comparison screen does: the lower price, norm-hours, remainder and share; the higher ' +
      'confirmed and promised norm-hours, funded percentage and number of co-funders; “yes” in the balance row. No mark when every ' +
      'project has the same value.',
  ],
  legendFormulas: [
    'Осталось = МАКС(0; нормо-часы − обещано − подтверждено). Собрано = подтверждено ÷ нормо-часы, обещано = обещано ÷ нормо-часы, оба ' +
      'с округлением вниз до 0,1 %. Остаток делится между N новыми участниками на доли, которые отличаются не больше чем на 0,01 ' +
      'нормо-часа и в сумме дают остаток; доля нового участника — наибольшая из них, её стоимость = ОКРУГЛ(доля × стоимость ' +
      'нормо-часа; 2).',
    'Remaining = MAX(0, norm-hours − promised − confirmed). Funded = confirmed ÷ norm-hours and promised = promised ÷ norm-hours, both ' +
      'rounded down to 0.1 %. The remainder is split among N new co-funders into shares that differ by at most 0.01 norm-hour and add ' +
      'up to the remainder; the share per new co-funder is the largest of them, priced at ROUND(share × norm-hour rate, 2).',
  ],
  legendCovers: [
    'Баланс покрывает долю, если баланс нормо-часов вместе с допустимым минусом, за вычетом того, что уже нужно заявкам заказчика в ' +
      'очереди, не меньше доли.',
    'The balance covers the share when the norm-hour balance plus the allowed overdraft, less what the customer’s queued orders already ' +
      'need, is at least the share.',
  ],
} as const satisfies Table;
