// The one workflowsPath: every workflow type the worker registers.
export { collectKeywords } from './collect-keywords';
export { analyzeTrends, processKeywords, trainModel } from './insights';
