// The task queue workers poll and clients start workflows on, unless TEMPORAL_TASK_QUEUE names another.
export const TASK_QUEUE_DEFAULT = 'keywords';
