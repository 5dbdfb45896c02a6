// Error codes that mean "the database (or the network to it) is not there right now": retried, never a data error.
// Read by the activities' failure typing (activities/failures.ts) and the API's 503 mapping (api/errors.ts).

// socket errors; PostgreSQL "shutting down / cannot connect now / too many connections"; connection class 08
const CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

export const isUnreachableCode = (code: string): boolean => CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
