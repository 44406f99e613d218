import pino, { type Logger } from 'pino';
import { processSingleton } from '@/server/runtime-global';

/**
 * JSON logs to stdout (stderr for the CLI, whose stdout is its result). Secrets that may ride
 * along in logged objects are redacted.
 */
export function createLogger(options: { level?: string; destination?: 1 | 2 } = {}): Logger {
  return pino(
    {
      name: 'clientele',
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'password',
          '*.password',
          'token',
          '*.token',
          'key',
          '*.key',
          'headers.authorization',
          'headers.cookie',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination({ dest: options.destination ?? 1, sync: false }),
  );
}

export const logger = () => processSingleton('logger', () => createLogger());
