/** The accountant’s month: the consumption table, the 12-month chart, the Excel file. */
import type { Table } from '../words';

export const UI_REPORT_WORDS = {
  toppedUpNormHours: ['Пополнено, нормо-ч', 'Topped up, norm-h'],
  normHoursPerMonth: ['Нормо-часы по месяцам', 'Norm-hours per month'],
  chartSummary: ['Списано за {months} мес.: {hours} нормо-ч', 'Debited over {months} months: {hours} norm-h'],
  month: ['Месяц', 'Month'],
  reportSubtitle: ['Отчёт о расходе нормо-часов · месяцы по времени {zone}', 'Monthly consumption report · months in {zone} time'],
  preparingFile: ['Готовим файл…', 'Preparing the file…'],
  downloadExcel: ['Скачать Excel', 'Download Excel'],
  consumption12: ['Расход за 12 месяцев', 'Consumption over 12 months'],
  nothingInMonth: ['В {month} движений не было', 'Nothing happened in {month}'],
  noMovements: ['Нет пополнений, списаний и остатков.', 'No top-ups, debits or balances.'],
  consumptionFor: ['Расход за {month}', 'Consumption for {month}'],
  opening: ['Остаток на начало', 'Opening'],
  topups: ['Пополнения', 'Top-ups'],
  debits: ['Списания', 'Debits'],
  corrections: ['Корректировки', 'Corrections'],
  closing: ['Остаток на конец', 'Closing'],
  profile: ['карточка', 'profile'],
  orderStage: ['Заявка, этап', 'Order, stage'],
} as const satisfies Table;
