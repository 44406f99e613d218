/**
 * Process-wide singletons. The custom server and Next.js's own server bundles load separate
 * copies of these modules in one process; state that must exist once (the database client,
 * the metrics registry) is kept on globalThis under a registered symbol so both copies share it.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`clientele.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  store[key] ??= create();
  return store[key];
}
