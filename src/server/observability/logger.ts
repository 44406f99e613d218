import pino, { type DestinationStream, type Logger } from 'pino';
import { processSingleton } from '@/server/runtime-global';
import { logError } from './log-error';

/**
 * JSON logs to stdout (stderr for the CLI, whose stdout is its result). Errors are logged
 * without the data they carry (see logError); secrets that may ride along in other logged
 * objects are redacted.
 */
export function createLogger(
  options: { level?: string; destination?: 1 | 2 | DestinationStream } = {},
): Logger {
  const destination = options.destination ?? 1;
  return pino(
    {
      name: 'clientele',
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: logError },
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
    typeof destination === 'number'
      ? pino.destination({ dest: destination, sync: false })
      : destination,
  );
}

export const logger = () => processSingleton('logger', () => createLogger());
