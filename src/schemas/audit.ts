import { z } from 'zod';
import { cursor, page, pageLimit, timeInput, timestamp, uuid } from './common';

const MAX_ENTITY_TYPE_LENGTH = 50;
const MAX_ACTION_LENGTH = 100;
/** Actors are members or API keys, both named in up to 100 characters. */
const MAX_ACTOR_NAME_LENGTH = 100;
/** Field names in `changes`. */
const MAX_FIELD_NAME_LENGTH = 100;
/** An IPv6 address with a zone, with room to spare. */
export const MAX_IP_ADDRESS_LENGTH = 100;
/** What the request's User-Agent header is cut to before it is kept. */
export const MAX_USER_AGENT_LENGTH = 512;
export const MAX_CLIENT_NAME_LENGTH = 200;
/** An incoming X-Request-Id is kept only when it is 1 to 128 safe characters. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
const MAX_REQUEST_ID_LENGTH = 128;

export const auditListInput = z.object({
  limit: pageLimit(50),
  cursor: cursor(),
  entityType: z.string().trim().min(1).max(MAX_ENTITY_TYPE_LENGTH).optional(),
  entityId: uuid().optional(),
  actorId: uuid().optional(),
  action: z.string().trim().min(1).max(MAX_ACTION_LENGTH).optional(),
  from: timeInput().optional(),
  to: timeInput().optional(),
});
export type AuditListParams = z.output<typeof auditListInput>;

const fieldValues = z.record(z.string().max(MAX_FIELD_NAME_LENGTH), z.unknown());

/** Who acted: a person, an API key, an OAuth app acting as itself, or the system. */
export const ACTOR_TYPES = ['user', 'api_key', 'oauth_app', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const auditEntryOutput = z
  .object({
    id: uuid(),
    sequence: z.number().int(),
    action: z.string().max(MAX_ACTION_LENGTH),
    entityType: z.string().max(MAX_ENTITY_TYPE_LENGTH),
    entityId: uuid().nullable(),
    actorType: z.enum(ACTOR_TYPES),
    actorId: uuid().nullable(),
    /** The OAuth app a person acted through. */
    appId: uuid().nullable(),
    appName: z.string().max(MAX_ACTOR_NAME_LENGTH).nullable(),
    /** The software that made the call, as it named itself (an MCP client). */
    clientName: z.string().max(MAX_CLIENT_NAME_LENGTH).nullable(),
    actorName: z.string().max(MAX_ACTOR_NAME_LENGTH).nullable(),
    changes: z.object({
      before: fieldValues.nullable().optional(),
      after: fieldValues.nullable().optional(),
      erased: z.boolean().optional(),
    }),
    ipAddress: z.string().max(MAX_IP_ADDRESS_LENGTH).nullable(),
    userAgent: z.string().max(MAX_USER_AGENT_LENGTH).nullable(),
    requestId: z.string().max(MAX_REQUEST_ID_LENGTH).regex(REQUEST_ID_PATTERN).nullable(),
    createdAt: timestamp(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntryOutput>;

export const auditPage = page(auditEntryOutput);

export const auditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int().min(0),
  /** The first row whose hash, link or content does not check out. */
  firstBroken: z
    .object({ id: uuid(), sequence: z.number().int(), reason: z.string().max(500) })
    .nullable(),
});
export type AuditVerification = z.infer<typeof auditVerification>;
