import type { IncomingMessage, ServerResponse } from 'node:http';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Logger } from 'pino';
import { authorize, inOrganization, type Authorization } from '@/server/api/authorize';
import { assertStorableInput } from '@/server/api/storable-input';
import { createContext, type Context, type RequestInfo } from '@/server/api/context';
import { assertNotCrossSite } from '@/server/api/csrf';
import { fieldIssuesOf, publicMessageOf, toTRPCError } from '@/server/api/errors';
import { enforceApiLimits } from '@/server/api/rate-limit';
import { replicaOf } from '@/server/db/replicas';
import { csvLine } from '@/server/domain/imports/csv';
import { AppError } from '@/server/errors';
import type { AppServices } from '@/server/services';
import { EXPORT_TABLES, type ExportTable } from './export-tables';
import { sendJson } from './json';
import { header } from './request-info';

export const EXPORTS_PREFIX = '/api/exports/';

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
      const table = EXPORT_TABLES[url.pathname.slice(EXPORTS_PREFIX.length)];
      if (!table) throw new AppError('NOT_FOUND', `No export at ${url.pathname}`);
      return await exportTable(ctx, res, url, table);
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

  async function exportTable<Filters, Row>(
    ctx: Context,
    res: ServerResponse,
    url: URL,
    table: ExportTable<Filters, Row>,
  ) {
    const authorization = authorize(ctx.principal, table.permission);
    const filters = table.filters.safeParse(queryInput(url, table.listParameters));
    if (!filters.success) throw new AppError('BAD_REQUEST', 'Invalid filters');
    const { slug } = authorization.organization;
    await startDownload(res, `${table.name}-${slug}-${today()}.csv`, table.columns);
    // One replica for the whole download, so its pages follow one another.
    const replica = replicaOf(services.db);
    let cursor: string | undefined;
    let rows = 0;
    do {
      const page = await inOrganization(ctx, authorization, { db: replica, readOnly: true }, (tx) =>
        table.page(tx, filters.data, cursor),
      );
      for (const row of page.items) await write(res, csvLine(table.cells(row)));
      rows += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    await recordExport(ctx, authorization, table.action, { rows, filters: filters.data });
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
