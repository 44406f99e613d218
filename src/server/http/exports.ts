import type { IncomingMessage, ServerResponse } from 'node:http';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Logger } from 'pino';
import { auditListInput } from '@/schemas/audit';
import { customerFilterInput } from '@/schemas/customers';
import { authorize, inOrganization, type Authorization } from '@/server/api/authorize';
import { assertStorableInput } from '@/server/api/storable-input';
import { createContext, type Context, type RequestInfo } from '@/server/api/context';
import { assertNotCrossSite } from '@/server/api/csrf';
import { fieldIssuesOf, publicMessageOf, toTRPCError } from '@/server/api/errors';
import { enforceApiLimits } from '@/server/api/rate-limit';
import { listAuditLogs } from '@/server/db/repositories/audit-logs';
import { customersAfter } from '@/server/db/repositories/customers';
import { replicaOf } from '@/server/db/replicas';
import { csvLine } from '@/server/domain/imports/csv';
import { AppError } from '@/server/errors';
import type { AppServices } from '@/server/services';
import { sendJson } from './json';
import { header } from './request-info';

export const EXPORTS_PREFIX = '/api/exports/';
const PAGE = 1_000;

const CUSTOMER_COLUMNS = [
  'id',
  'email',
  'firstName',
  'lastName',
  'company',
  'phone',
  'status',
  'tags',
  'ownerId',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'country',
  'createdAt',
  'updatedAt',
];
const AUDIT_COLUMNS = [
  'sequence',
  'createdAt',
  'action',
  'entityType',
  'entityId',
  'actorType',
  'actorId',
  'actorName',
  'ipAddress',
  'userAgent',
  'requestId',
  'changes',
];

/**
 * A query string as input: repeated keys become lists (e.g. ?status=lead&status=active). Checked
 * as procedures' inputs are (no NUL, no unpaired surrogates).
 */
function queryInput(url: URL, lists: string[]) {
  const input: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    input[key] = lists.includes(key) ? url.searchParams.getAll(key) : url.searchParams.get(key);
  }
  assertStorableInput(input);
  return input;
}

/** The client went away during the download: nothing more to send, and nothing failed here. */
class ClientGone extends Error {}

/** Writes a chunk, waiting while the client reads slowly; stops when the client has gone. */
async function write(res: ServerResponse, chunk: string) {
  if (res.destroyed) throw new ClientGone('the client closed the connection');
  if (res.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * CSV downloads of the current view, streamed page by page (each page its own short read),
 * so a million customers never sit in memory or hold a transaction open. Cells that a
 * spreadsheet would run as formulas are neutralised. The export itself is audited. They are
 * API requests like the others: rate-limited, and refused to a session cookie sent from
 * another site. A failure once the download has begun cuts the connection before the end of
 * the chunked body, so the client sees a broken download, never a CSV that merely looks whole.
 */
export function createExportsHandler(services: AppServices, logger: Logger) {
  return async (req: IncomingMessage, res: ServerResponse, request: RequestInfo, url: URL) => {
    try {
      const ctx = await createContext({
        services,
        door: 'export',
        request,
        credentials: { authorization: header(req, 'authorization'), cookie: header(req, 'cookie') },
      });
      if (ctx.viaCookie) assertNotCrossSite(ctx);
      try {
        if (ctx.principal) await enforceApiLimits(ctx, ctx.principal);
      } finally {
        for (const [name, value] of ctx.responseHeaders) res.setHeader(name, value);
      }
      const what = url.pathname.slice(EXPORTS_PREFIX.length);
      if (what === 'customers.csv') return await exportCustomers(ctx, res, url);
      if (what === 'audit.csv') return await exportAuditTrail(ctx, res, url);
      throw new AppError('NOT_FOUND', `No export at ${url.pathname}`);
    } catch (error) {
      if (res.headersSent) {
        if (error instanceof ClientGone) {
          logger.info({ requestId: request.requestId }, 'export abandoned by the client');
          return;
        }
        logger.error({ err: error, requestId: request.requestId }, 'export failed midway');
        res.destroy();
        return;
      }
      const trpcError = toTRPCError(error);
      const status = getHTTPStatusCodeFromError(trpcError);
      const issues = fieldIssuesOf(trpcError);
      if (status === 500)
        logger.error({ err: error, requestId: request.requestId }, 'export failed');
      sendJson(res, status, {
        code: trpcError.code,
        message: publicMessageOf(trpcError),
        ...(issues ? { issues } : {}),
        requestId: request.requestId,
      });
    }
  };

  async function exportCustomers(ctx: Context, res: ServerResponse, url: URL) {
    const authorization = authorize(ctx.principal, 'data:export');
    const filters = customerFilterInput.safeParse(queryInput(url, ['status']));
    if (!filters.success) throw new AppError('BAD_REQUEST', 'Invalid filters');
    const { slug } = authorization.organization;
    await startDownload(res, `customers-${slug}-${today()}.csv`, CUSTOMER_COLUMNS);
    // One replica for the whole download, so its pages follow one another.
    const replica = replicaOf(services.db);
    let after: { createdAt: Date; id: string } | null = null;
    let rows = 0;
    for (;;) {
      const page = await inOrganization(ctx, authorization, { db: replica, readOnly: true }, (tx) =>
        customersAfter(tx, filters.data, after, PAGE),
      );
      for (const c of page) {
        await write(
          res,
          csvLine([
            c.id,
            c.email,
            c.firstName,
            c.lastName,
            c.company,
            c.phone,
            c.status,
            c.tags.join(';'),
            c.ownerId,
            c.address?.line1,
            c.address?.line2,
            c.address?.city,
            c.address?.region,
            c.address?.postalCode,
            c.address?.country,
            c.createdAt.toISOString(),
            c.updatedAt.toISOString(),
          ]),
        );
      }
      rows += page.length;
      if (page.length < PAGE) break;
      after = { createdAt: page.at(-1)!.createdAt, id: page.at(-1)!.id };
    }
    await recordExport(ctx, authorization, 'customers.exported', {
      rows,
      filters: filters.data,
    });
    res.end();
  }

  async function exportAuditTrail(ctx: Context, res: ServerResponse, url: URL) {
    const authorization = authorize(ctx.principal, 'audit:read');
    const filters = auditListInput
      .omit({ cursor: true, limit: true })
      .safeParse(queryInput(url, []));
    if (!filters.success) throw new AppError('BAD_REQUEST', 'Invalid filters');
    const { slug } = authorization.organization;
    await startDownload(res, `audit-${slug}-${today()}.csv`, AUDIT_COLUMNS);
    const replica = replicaOf(services.db);
    let cursor: string | undefined;
    let rows = 0;
    do {
      const page = await inOrganization(ctx, authorization, { db: replica, readOnly: true }, (tx) =>
        listAuditLogs(tx, { ...filters.data, limit: 100, cursor }),
      );
      for (const e of page.items) {
        await write(
          res,
          csvLine([
            e.sequence,
            e.createdAt.toISOString(),
            e.action,
            e.entityType,
            e.entityId,
            e.actorType,
            e.actorId,
            e.actorName,
            e.ipAddress,
            e.userAgent,
            e.requestId,
            JSON.stringify(e.changes),
          ]),
        );
      }
      rows += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    await recordExport(ctx, authorization, 'audit.exported', {
      rows,
      filters: filters.data,
    });
    res.end();
  }
}

/** The export's one audit row, written once the download is complete. */
async function recordExport(
  ctx: Context,
  authorization: Authorization,
  action: string,
  details: Record<string, unknown>,
) {
  await inOrganization(ctx, authorization, { db: ctx.db, readOnly: false }, (_tx, audit) =>
    audit({ action, entityType: 'export', entityId: null, changes: { after: details } }),
  );
}

async function startDownload(res: ServerResponse, filename: string, columns: string[]) {
  res.statusCode = 200;
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${filename}"`);
  await write(res, `\uFEFF${columns.join(',')}\n`);
}

const today = () => new Date().toISOString().slice(0, 10);
