import { initTRPC, TRPCError } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import type { Permission } from '@/schemas/permissions';
import { replicaOf } from '@/server/db/replicas';
import { recordProcedure } from '@/server/observability/metrics';
import {
  activeTracer,
  endProcedureSpan,
  runInSpan,
  startProcedureSpan,
} from '@/server/observability/tracing';
import {
  authorize,
  inOrganization,
  requirePrincipal,
  type Audit,
  type AuditInput,
} from './authorize';
import type { Context } from './context';
import { assertSameOrigin } from './csrf';
import { claimIdempotencyKey, storeIdempotentResponse } from './idempotency';
import { candidatesOf, fieldIssuesOf, publicMessageOf, reasonOf, toTRPCError } from './errors';
import { enforceApiLimits } from './rate-limit';
import { assertStorableInput } from './storable-input';
import { markWrite } from './read-your-writes';
import { transformer } from './transformer';

/** How a procedure is reached; every procedure has one (set by the builder it starts from). */
export type Access =
  'public' | 'session' | 'authenticated' | 'user' | 'two-factor-pending' | 'organization';

// A type alias, not an interface: trpc-to-openapi needs the implicit index signature.
export type AppMeta = {
  access?: Access;
  /** The permission a caller's role must grant; required on every organization procedure. */
  permission?: Permission;
  /**
   * A mutation that changes nothing (sent as a POST only because its input is large): it runs
   * in a read-only transaction and writes no audit row.
   */
  readOnly?: boolean;
  /** A mutation over many records: one audit row per record it changes, none if it changes none. */
  bulk?: boolean;
  /**
   * Offered as a tool by the MCP server (/api/mcp), named after the procedure and described by
   * its `openapi` summary and description. A query says `true`; a mutation says whether it may
   * change or remove what exists rather than only add (`destructive`) and whether repeating it
   * changes nothing more (`idempotent`), which MCP clients show before running it.
   */
  mcp?: true | McpToolHints;
  /** A REST body larger than the door's default this operation accepts (bulk writes). */
  maxBodyBytes?: number;
};

export interface McpToolHints {
  destructive: boolean;
  idempotent: boolean;
}

const isDevelopment = process.env.NODE_ENV === 'development';

const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta<AppMeta>>()
  .create({
    transformer,
    // Server-sent events: a ping keeps idle streams open through proxies; the client reconnects
    // (resuming from the last event id) when pings stop.
    sse: {
      ping: { enabled: true, intervalMs: 15_000 },
      client: { reconnectAfterInactivityMs: 25_000 },
    },
    isDev: isDevelopment,
    errorFormatter({ shape, error, ctx }) {
      return {
        message: publicMessageOf(error),
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId: ctx?.request.requestId ?? null,
          issues: fieldIssuesOf(error) ?? null,
          ...(candidatesOf(error) ? { candidates: candidatesOf(error) } : {}),
          ...reasonOf(error),
          ...(isDevelopment && error.code === 'INTERNAL_SERVER_ERROR'
            ? { stack: (error.cause ?? error).stack }
            : {}),
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure: errors through the one table, metrics, a span, no cross-site mutations, and
 * no input that could not be stored as it was sent (whatever door it came through).
 */
const baseProcedure = t.procedure
  .use(async ({ ctx, path, next }) => {
    const started = performance.now();
    const tracer = activeTracer();
    const span = tracer && startProcedureSpan(tracer, path, ctx.door);
    const result = await (span ? runInSpan(span, next) : next());
    const outcome = result.ok ? result : { ...result, error: toTRPCError(result.error) };
    const code = outcome.ok ? 'OK' : outcome.error.code;
    recordProcedure(path, ctx.door, code, performance.now() - started);
    if (span) endProcedureSpan(span, code);
    if (!outcome.ok)
      throw ctx.door === 'server' ? faultForRender(ctx, path, outcome.error) : outcome.error;
    return outcome;
  })
  .use(({ ctx, type, next }) => {
    if (type === 'mutation') assertSameOrigin(ctx);
    return next();
  })
  .use(async ({ getRawInput, next }) => {
    assertStorableInput(await getRawInput());
    return next();
  });

/**
 * A server fault while rendering a page is logged here and thrown on without its cause: Next.js
 * prints what a render throws, causes and all, and a database error holds the query's values.
 * (The two doors log their own faults, in their error handlers.)
 */
function faultForRender(ctx: Context, path: string, error: TRPCError): TRPCError {
  if (error.code !== 'INTERNAL_SERVER_ERROR' && error.code !== 'SERVICE_UNAVAILABLE') return error;
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    ctx.services.logger.error(
      { err: error.cause ?? error, requestId: ctx.request.requestId, path },
      'procedure failed',
    );
  }
  return new TRPCError({ code: error.code, message: publicMessageOf(error) });
}

export const publicProcedure = baseProcedure.meta({ access: 'public' });

/**
 * A known caller, fully signed in, within the API limits: per key and per organization for
 * API keys, per user for people. The server-side caller (page rendering) is not limited.
 */
const withPrincipal = baseProcedure.use(async ({ ctx, next }) => {
  const principal = requirePrincipal(ctx.principal);
  if (ctx.door !== 'server') await enforceApiLimits(ctx, principal);
  return next({ ctx: { principal } });
});

export const authenticatedProcedure = withPrincipal.meta({ access: 'authenticated' });

/** Procedures for a signed-in person (not an API key): their account and sessions. */
export const userProcedure = withPrincipal
  .use(({ ctx, next }) => {
    if (ctx.principal.kind !== 'user') {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'This needs a signed-in user, not an API key',
      });
    }
    return next({ ctx: { principal: ctx.principal } });
  })
  .meta({ access: 'user' });

/** Any session of a person, including one still owing its second factor (to sign out). */
export const sessionProcedure = baseProcedure
  .use(({ ctx, next }) => {
    const { principal } = ctx;
    if (principal?.kind !== 'user') {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Not signed in' });
    }
    return next({ ctx: { principal } });
  })
  .meta({ access: 'session' });

/** The one step left for a session that still owes its second factor. */
export const twoFactorPendingProcedure = baseProcedure
  .use(({ ctx, next }) => {
    const { principal } = ctx;
    if (principal?.kind !== 'user' || !principal.twoFactorPending) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'No sign-in is waiting for a second factor',
      });
    }
    return next({ ctx: { principal } });
  })
  .meta({ access: 'two-factor-pending' });

/** The declared permission, checked against the caller's role in their organization. */
const withPermission = withPrincipal
  .meta({ access: 'organization' })
  .use(({ ctx, meta, path, next }) => {
    const permission = meta?.permission;
    if (!permission) throw new Error(`Procedure ${path} declares no permission`);
    const { organization, actor } = authorize(ctx.principal, permission);
    return next({ ctx: { organization, actor } });
  });

/** Subscriptions of an organization: the permission, but no transaction held open. */
export const organizationStreamProcedure = withPermission;

/**
 * Work inside one organization: checks the declared permission against the caller's role,
 * then runs the procedure in a tenant transaction (read-only for queries). A mutation must
 * write exactly one audit row through ctx.audit, in that same transaction, unless it declares
 * through ctx.nothingChanged that it found everything already as asked: then it writes none
 * (and so publishes no event). ctx.auditChange does one or the other, as a change says.
 */
export const organizationProcedure = withPermission.use(async ({ ctx, meta, path, type, next }) => {
  const changes = type === 'mutation' && !meta?.readOnly;
  const { organization, actor } = ctx;
  const db = changes || ctx.reads.fromPrimary ? ctx.db : replicaOf(ctx.db);
  const result = await inOrganization(
    ctx,
    { organization, actor },
    { db, readOnly: !changes },
    async (tx, writeAudit) => {
      let auditRows = 0;
      let unchanged = false;
      const nothingChanged = () => {
        unchanged = true;
      };
      const audit: Audit = (input) => {
        auditRows += 1;
        return writeAudit(input);
      };
      /** Audits a change, or declares that nothing changed when nothing did. */
      const auditChange = async (changed: boolean, input: AuditInput) => {
        if (changed) await audit(input);
        else nothingChanged();
      };
      const idempotency = changes ? ctx.idempotency : undefined;
      const caller = `${actor.actorType}:${actor.actorId}`;
      if (idempotency) await claimIdempotencyKey(tx, caller, idempotency);
      const result = await next({
        ctx: { tx, organization, actor, audit, auditChange, nothingChanged },
      });
      if (!result.ok) throw result.error;
      const expected = unchanged ? 0 : 1;
      if (changes && !meta?.bulk && auditRows !== expected) {
        throw new Error(`Mutation ${path} wrote ${auditRows} audit rows instead of ${expected}`);
      }
      if (idempotency) await storeIdempotentResponse(tx, caller, idempotency, result.data);
      return result;
    },
  );
  if (changes) markWrite(ctx);
  return result;
});
