import type { IncomingMessage, ServerResponse } from 'node:http';
import { unsubscribe } from '@/server/domain/notifications/settings';
import type { AppServices } from '@/server/services';
import { sendJson } from './json';
import type { RequestInfo } from '@/server/api/context';

export const UNSUBSCRIBE_PATH = '/api/unsubscribe';

/**
 * The unsubscribe link's POST: RFC 8058's one-click from a mail client (no session: the sealed
 * token names the person and the types), or the form of the page the link opens, which is sent
 * back to that page to say it is done.
 */
export function createUnsubscribeHandler(services: AppServices) {
  return async (req: IncomingMessage, res: ServerResponse, request: RequestInfo) => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendJson(res, 405, { code: 'METHOD_NOT_SUPPORTED', message: 'Use POST' });
    }
    req.resume();
    const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
    const done = await unsubscribe(
      {
        db: services.db,
        secretBox: services.secretBox,
        client: {
          ipAddress: request.ipAddress,
          userAgent: request.userAgent,
          requestId: request.requestId,
        },
      },
      token,
    );
    if (req.headers.accept?.includes('text/html')) {
      res.statusCode = 303;
      res.setHeader('location', `/unsubscribe?${done ? 'done=1' : 'invalid=1'}`);
      return res.end();
    }
    if (!done) {
      return sendJson(res, 400, {
        code: 'BAD_REQUEST',
        message: 'This unsubscribe link is not valid: open the one from the e-mail again',
      });
    }
    sendJson(res, 200, { unsubscribed: true });
  };
}
