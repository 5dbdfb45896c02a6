// The days a Brand Analytics reporting period covers: a day, a Sunday–Saturday week, a calendar month or quarter.
import { isCalendarDay } from '../../../workflows/validation';

export const REPORT_PERIODS = ['DAY', 'WEEK', 'MONTH', 'QUARTER'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last day of the period starting on `from`, or why `from` does not start one. */
export function periodEnd(period: ReportPeriod, from: string): { to: string } | { problem: string } {
  if (!isCalendarDay(from)) return { problem: 'must be a date YYYY-MM-DD' };
  const start = new Date(`${from}T00:00:00Z`);
  const [y, m, d] = [start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()];
  if (period === 'DAY') return { to: from };
  if (period === 'WEEK') {
    // Amazon's reporting weeks run Sunday to Saturday
    if (start.getUTCDay() !== 0) return { problem: `is not the Sunday a reporting week starts on: unknown week ${from}` };
    return { to: iso(start.getTime() + 6 * DAY_MS) };
  }
  const months = period === 'MONTH' ? 1 : 3;
  if (d !== 1 || m % months !== 0) return { problem: `is not the first day of a ${period === 'MONTH' ? 'month' : 'calendar quarter'}` };
  return { to: iso(Date.UTC(y, m + months, 1) - DAY_MS) };
}
