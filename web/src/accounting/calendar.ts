/** The company's calendar in the browser: payments, statements and reports are dated in its time zone. */
import { localDate, localMonth } from '../../../worker/domain/calendar';

/** Today on the company's calendar, YYYY-MM-DD: the default and the latest date of a payment. */
export function companyToday(timeZone: string): string {
  return localDate(Date.now(), timeZone);
}

/** This month on the company's calendar, YYYY-MM. */
export function companyMonth(timeZone: string): string {
  return localMonth(Date.now(), timeZone);
}

/** The month before `month`, YYYY-MM. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
