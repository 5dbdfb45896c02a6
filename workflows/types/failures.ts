// ApplicationFailure types that activities and workflows throw, and that the API maps to HTTP answers (api/errors.ts).
/** Failure types thrown by activities (ApplicationFailure.type). */
export const FailureType = {
  InvalidInput: 'InvalidInput',
  ProviderAuth: 'ProviderAuthError',
  ProviderNotConfigured: 'ProviderNotConfigured',
  /** The platform's daily request quota is spent: it stops for this run (e.g. "etsy: daily quota reached ..."). */
  ProviderQuotaExhausted: 'ProviderQuotaExhausted',
  ProviderRateLimited: 'ProviderRateLimited',
  ProviderUnavailable: 'ProviderUnavailable',
  /** PostgreSQL refused a value or statement (SQLSTATE class 22, 23, 42): final, the message names only the code. */
  DataError: 'DataError',
  /** A programming error (TypeError…) in an activity: final. */
  InternalError: 'InternalError',
  /** PostgreSQL could not be reached: retried within the activity's retry ceiling. */
  DatabaseUnavailable: 'DatabaseUnavailable',
  /** Any other unexpected error of an activity, shortened: retried within the ceiling. */
  ActivityError: 'ActivityError',
} as const;

/** ApplicationFailure.type of a pipeline whose step failed; details[0] is { step, workflowId }. */
export const PIPELINE_STEP_FAILED = 'PipelineStepFailed';
