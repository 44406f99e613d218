import { InvalidEnvironmentError, parseEnv } from '@/env';

/** The problems parseEnv names for an environment, one line each; none when it is valid. */
export function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
}
