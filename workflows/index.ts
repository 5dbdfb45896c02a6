// The one workflowsPath: every workflow type the worker registers.
export { collectKeywords } from './collect-keywords';
export { analyzeTrends, processKeywords, trainModel } from './insights';
export { cleanupOldData } from './cleanup';
export { keywordPipeline } from './pipeline';
export { deliverAlerts } from './alerts';
