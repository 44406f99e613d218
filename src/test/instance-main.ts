import { env } from '@/env';
import { getRuntime } from '@/server/runtime';
import { startServer, stopOnSignals } from '@/server/server';

// An API-only instance of the app for tests that run several processes: the production
// runtime, server lifecycle and workers of src/server/main.ts, without Next.js pages.
const runtime = await getRuntime();
stopOnSignals(await startServer({ config: env(), runtime }));
