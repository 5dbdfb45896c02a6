// A date input of a workflow: a real day from FIRST_DAY to a year after the workflow's start (its deterministic clock).
import { patched } from '@temporalio/workflow';
import { lastDay, validateDay } from './validation';

/**
 * The upper bound came later: runs recorded before it (test/histories/keyword-pipeline.json collects 2028-01-15,
 * over a year after it started) replay without one, new runs record the patch marker and get it.
 */
export const workflowDay = (raw: unknown, field = 'day'): string => validateDay(raw, field, patched('day-upper-bound') ? lastDay() : null);
