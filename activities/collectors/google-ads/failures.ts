// Google Ads API errors (a GoogleAdsFailure in the REST error body) onto the ProviderError kinds the collection
// acts on: QuotaError RESOURCE_EXHAUSTED is a rate limit when Google asks to retry within a minute, the day's
// operations otherwise; AuthenticationError / AuthorizationError refuse the credentials; an error located at
// keywords[i] names an invalid keyword, which is dropped while the others are asked again.
import { ProviderError } from '../errors';
import { parseFailure } from './responses';

/** Longest retry delay still read as "too many requests right now" (Planning services allow 1 request a second). */
const RATE_RETRY_MAX_SECONDS = 60;

export interface InvalidKeyword {
  /** Index into the request's keywords[]. */
  index: number;
  reason: string;
}

export class InvalidKeywordsError extends ProviderError {
  constructor(
    reason: string,
    status: number,
    readonly invalid: InvalidKeyword[],
  ) {
    super('google-ads', 'keyword', reason, status);
  }
}

/** "30s" or "1.5s" (google.protobuf.Duration in JSON) as seconds. */
function seconds(duration: string | undefined): number | undefined {
  const match = duration === undefined ? null : /^(\d+(?:\.\d+)?)s$/.exec(duration.trim());
  return match ? Number(match[1]) : undefined;
}

/** The ProviderError for a Google Ads error body; undefined when it carries no GoogleAdsFailure (the status decides). */
export function googleAdsErrorFor(call: string, status: number, body: unknown): ProviderError | undefined {
  const { errors } = parseFailure(body);
  if (errors.length === 0) return undefined;
  const codes = errors.map((e) => Object.entries(e.errorCode)[0] ?? ['unknown', 'UNKNOWN']);
  // error type and code only: Google's messages may quote the request
  const reason = `${call} returned ${status} (${[...new Set(codes.map(([type, code]) => `${type} ${code}`))].join(', ')})`;
  const types = new Set(codes.map(([type]) => type));
  if (types.has('quotaError')) {
    const delays = errors.map((e) => seconds(e.details?.quotaErrorDetails?.retryDelay)).filter((d): d is number => d !== undefined);
    const delay = delays.length > 0 ? Math.max(...delays) : undefined;
    if (delay !== undefined && delay <= RATE_RETRY_MAX_SECONDS)
      return new ProviderError('google-ads', 'rate_limited', reason, status, Math.round(delay * 1000));
    return new ProviderError('google-ads', 'quota', reason, status, delay === undefined ? undefined : Math.round(delay * 1000));
  }
  if (types.has('authenticationError') || types.has('authorizationError')) return new ProviderError('google-ads', 'auth', reason, status);
  const invalid = errors.flatMap((e, i) => {
    const at = e.location?.fieldPathElements.find((p) => p.fieldName === 'keywords' && p.index !== undefined);
    return at ? [{ index: at.index!, reason: `${codes[i]![0]} ${codes[i]![1]}` }] : [];
  });
  if (invalid.length > 0) return new InvalidKeywordsError(reason, status, invalid);
  return undefined;
}
