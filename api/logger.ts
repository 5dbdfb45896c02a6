// Structured JSON logs (pino) to stdout; request lines carry the request ID (middleware/request-log.ts).
import { pino, type DestinationStream, type Logger } from 'pino';
import type { ApiConfig } from '../activities/config';

export function createLogger(level: ApiConfig['logLevel'], destination?: DestinationStream): Logger {
  return pino({
    level,
    base: { service: 'keyword-intelligence' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // "level":"info" reads better in log tools than pino's numeric levels
    formatters: { level: (label) => ({ level: label }) },
  }, destination);
}
