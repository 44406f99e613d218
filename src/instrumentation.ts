import type { Instrumentation } from 'next';

/**
 * Errors while rendering pages: Next.js shows clients only a digest, so the error itself is
 * logged here, with the request id the custom server gave the request.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const { logger } = await import('@/server/observability/logger');
  const requestId = [request.headers['x-request-id']].flat()[0];
  logger().error(
    {
      err: error,
      requestId,
      path: request.path,
      route: context.routePath,
      kind: context.routerKind,
    },
    'page render failed',
  );
};
