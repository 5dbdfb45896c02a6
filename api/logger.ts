// Structured JSON logs (pino) to stdout; request lines carry the request ID (middleware/request-context.ts).
import { pino, type DestinationStream, type Logger } from 'pino';
import type { ApiConfig } from './config';

export function createLogger(level: ApiConfig['logLevel'], destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'keyword-intelligence' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"info" reads better in log tools than pino's numeric levels
      formatters: { level: (label) => ({ level: label }) },
      // stdout written in the background (flushed at exit): a synchronous write per request line costs a fifth of
      // a small request's time under load
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
