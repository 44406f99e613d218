import { afterAll, beforeAll } from 'vitest';
import { createPushService } from './local-push-service';

export type { AcceptedPush, RefusedPush, TestPushSubscription } from './local-push-service';

/** The local push service (see local-push-service.ts), listening for the test file's tests. */
export function setupPushService() {
  const service = createPushService();
  beforeAll(() => service.start());
  afterAll(() => service.stop());
  return service;
}
