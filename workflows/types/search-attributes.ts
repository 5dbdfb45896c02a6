// Search attributes the workflows set, so operators can filter runs in the Temporal Web UI.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const SA_PLATFORMS = defineSearchAttributeKey('Platforms', SearchAttributeType.KEYWORD_LIST);
export const SA_KEYWORD_COUNT = defineSearchAttributeKey('KeywordCount', SearchAttributeType.INT);
/** keywordPipeline: the step running now (collect, process, analyze, train), then done. */
export const SA_PIPELINE_STEP = defineSearchAttributeKey('PipelineStep', SearchAttributeType.KEYWORD);
/** keywordPipeline: running, ok, partial (some keywords or platforms failed), failed. */
export const SA_PIPELINE_STATUS = defineSearchAttributeKey('PipelineStatus', SearchAttributeType.KEYWORD);
/** Registered on the dev server and by the compose stack's setup job. */
export const SEARCH_ATTRIBUTES = [SA_PLATFORMS, SA_KEYWORD_COUNT, SA_PIPELINE_STEP, SA_PIPELINE_STATUS];
