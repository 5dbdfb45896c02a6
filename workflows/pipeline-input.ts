// keywordPipeline input: validation (authoritative, in the workflow) and the texts operators see.
import { PIPELINE_STEPS, type CollectSegment, type KeywordPipelineInput, type PipelineStep } from './types/pipeline';
import { MAX_KEYWORDS, type Platform } from './types/platforms';
import { InputError, intIn, normalizeKeywords, normalizePlatforms } from './validation';
import { workflowDay } from './workflow-day';

export interface PipelinePlan {
  keywords?: string[];
  keywordList?: string;
  /** The daily union: `keywords` (possibly none) on `platforms`, plus every daily list; resolved into `segments`. */
  dailyLists?: boolean;
  segments?: CollectSegment[];
  platforms: Platform[];
  steps: PipelineStep[];
  chunkSize: number;
  concurrency: number;
  chunksPerRun: number;
}

/** Throws InputError naming the field; the workflow turns it into an InvalidInput failure. */
export function planPipeline(input: KeywordPipelineInput): PipelinePlan {
  const steps = input.steps === undefined ? [...PIPELINE_STEPS] : normalizeSteps(input.steps);
  const plan: PipelinePlan = {
    platforms: [],
    steps,
    chunkSize: intIn('chunkSize', input.chunkSize, MAX_KEYWORDS, 1, MAX_KEYWORDS),
    concurrency: intIn('concurrency', input.concurrency, 2, 1, 10),
    chunksPerRun: intIn('chunksPerRun', input.chunksPerRun, 4, 1, 50),
  };
  if (input.day !== undefined) workflowDay(input.day);
  if (!steps.includes('collect')) return plan;
  plan.platforms = normalizePlatforms(input.platforms);
  if (input.dailyLists === true) {
    if (input.keywordList !== undefined) throw new InputError('keywordList', 'cannot be given with dailyLists');
    plan.dailyLists = true;
    plan.keywords =
      input.keywords === undefined || (Array.isArray(input.keywords) && input.keywords.length === 0)
        ? []
        : normalizeKeywords(input.keywords);
    return plan;
  }
  if (input.dailyLists !== undefined && input.dailyLists !== false) throw new InputError('dailyLists', 'must be a boolean');
  if ((input.keywords === undefined) === (input.keywordList === undefined)) {
    throw new InputError('keywords', 'give either keywords or keywordList');
  }
  if (input.keywords !== undefined) plan.keywords = normalizeKeywords(input.keywords);
  else plan.keywordList = validateListId(input.keywordList);
  return plan;
}

function normalizeSteps(raw: unknown): PipelineStep[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new InputError('steps', `must be a non-empty array of ${PIPELINE_STEPS.join(', ')}`);
  raw.forEach((step, i) => {
    if (!(PIPELINE_STEPS as readonly unknown[]).includes(step))
      throw new InputError(`steps[${i}]`, `must be one of ${PIPELINE_STEPS.join(', ')}`);
  });
  // pipeline order, whatever order they were given in
  return PIPELINE_STEPS.filter((step) => raw.includes(step));
}

function validateListId(raw: unknown): string {
  if (typeof raw !== 'string' || !/^kl-[0-9a-f]{24}$/.test(raw)) throw new InputError('keywordList', 'must be a keyword list ID (kl-…)');
  return raw;
}

/** The one-line summary a pipeline run shows in the Web UI (set by whoever starts it). */
export function pipelineSummary(input: KeywordPipelineInput): string {
  const steps = (input.steps ?? PIPELINE_STEPS).join(' → ');
  if (!(input.steps ?? PIPELINE_STEPS).includes('collect')) return `Keyword pipeline: ${steps}`;
  const n = input.keywords?.length ?? 0;
  if (input.dailyLists)
    return `Keyword pipeline: ${steps} — every daily keyword list${n ? ` plus ${n} keyword${n === 1 ? '' : 's'} on ${(input.platforms ?? []).join(', ')}` : ''}`;
  const what = input.keywordList ? `keyword list ${input.keywordList}` : `${n} keyword${n === 1 ? '' : 's'}`;
  return `Keyword pipeline: ${steps} — ${what} on ${(input.platforms ?? []).join(', ')}`;
}
