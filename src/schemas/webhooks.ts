import { z } from 'zod';
import { cursor, page, pageLimit, timestamp, uuid } from './common';
import { eventType, EVENT_TYPES, eventSchemaName } from './events';
import { webhookEndpointExample } from './examples';

export const MAX_WEBHOOK_ENDPOINTS = 20;

/** pending: waiting for its first attempt; retrying: failed, another attempt is scheduled. */
export const DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const MAX_URL_LENGTH = 2000;
const MAX_DESCRIPTION_LENGTH = 200;
/** What a delivery keeps of the receiver's answer, and of why an attempt failed. */
export const MAX_KEPT_RESPONSE_LENGTH = 1024;
export const MAX_DELIVERY_ERROR_LENGTH = 500;

export const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
  .max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`)
  .refine((value) => {
    // Malformed URLs are reported by z.url above; zod runs this check on them too.
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return !url.username && !url.password;
  }, 'must not contain a user name or password')
  .meta({
    description: 'Where events are POSTed.',
    example: 'https://hooks.example.com/clientele',
  });

const eventTypes = z
  .array(eventType)
  .min(1, 'choose at least one event')
  .max(EVENT_TYPES.length)
  .transform((types) => [...new Set(types)])
  .meta({ description: 'The event types sent to this endpoint.' });

const description = z
  .string()
  .trim()
  .max(MAX_DESCRIPTION_LENGTH, `must be at most ${MAX_DESCRIPTION_LENGTH} characters`);

export const webhookCreateInput = z
  .strictObject({
    url: webhookUrl,
    description: description.default(''),
    eventTypes,
    enabled: z.boolean().default(true),
  })
  .meta({ id: 'WebhookEndpointCreate' });
export type WebhookCreateInput = z.input<typeof webhookCreateInput>;

export const webhookUpdateInput = z
  .strictObject({
    id: uuid(),
    url: webhookUrl.optional(),
    description: description.optional(),
    eventTypes: eventTypes.optional(),
    enabled: z.boolean().optional(),
  })
  .meta({ id: 'WebhookEndpointUpdate' });
export type WebhookUpdateInput = z.input<typeof webhookUpdateInput>;

export const webhookEndpointOutput = z
  .object({
    id: uuid(),
    url: z.string().max(MAX_URL_LENGTH).meta({ format: 'uri' }),
    description: z.string().max(MAX_DESCRIPTION_LENGTH),
    eventTypes: z.array(eventType).max(EVENT_TYPES.length),
    enabled: z.boolean(),
    /** While set, deliveries are signed with both the new and the previous secret. */
    previousSecretExpiresAt: timestamp().nullable().meta({
      description: 'After a rotation, the old secret also signs deliveries until this time.',
    }),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'WebhookEndpoint', example: webhookEndpointExample });
export type WebhookEndpoint = z.infer<typeof webhookEndpointOutput>;

/** Every endpoint of the organization, on one page. */
export const webhookEndpointPage = page(webhookEndpointOutput, MAX_WEBHOOK_ENDPOINTS);

export const webhookSecretOutput = z
  .object({
    endpoint: webhookEndpointOutput,
    secret: z
      .string()
      .max(64)
      .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/)
      .meta({
        description:
          'The signing secret (`whsec_` and base64). Shown only now: store it to verify signatures.',
        example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      }),
  })
  .meta({ id: 'WebhookEndpointWithSecret' });

export const deliveryStatus = z.enum(DELIVERY_STATUSES);

/**
 * The event "Send test event" delivers: no endpoint subscribes to it and the change feed does
 * not list it, but it is signed and logged exactly like the others.
 */
export const WEBHOOK_TEST_EVENT = 'webhook.test';
export const WEBHOOK_TEST_EVENT_DESCRIPTION =
  'A test event, sent only when someone asks for one (`POST /webhooks/{id}/test`), to check ' +
  'that the endpoint receives and verifies deliveries. No subscription is needed; do nothing ' +
  'with it beyond answering 2xx.';

export const webhookTestEventOutput = z
  .object({
    id: uuid().meta({ description: 'Unique per test event; the `webhook-id` of its delivery.' }),
    type: z.literal(WEBHOOK_TEST_EVENT),
    timestamp: timestamp().meta({ description: 'When the test event was sent.' }),
    data: z.object({
      endpointId: uuid().meta({ description: 'The endpoint this test was sent to.' }),
      message: z.string().max(200),
    }),
  })
  .meta({ id: eventSchemaName(WEBHOOK_TEST_EVENT), description: WEBHOOK_TEST_EVENT_DESCRIPTION });
export type WebhookTestEvent = z.infer<typeof webhookTestEventOutput>;

/** What a delivery can carry: the subscribable event types and the test event. */
export const deliveryEventType = z.enum([...EVENT_TYPES, WEBHOOK_TEST_EVENT]);
export type DeliveryEventType = z.infer<typeof deliveryEventType>;

export const webhookDeliveryOutput = z
  .object({
    id: uuid(),
    endpointId: uuid(),
    eventId: uuid(),
    eventType: deliveryEventType,
    status: deliveryStatus.meta({
      description:
        '`pending` until the first attempt, `retrying` after a failed one while more are scheduled, ' +
        'then `succeeded` or `failed`.',
    }),
    attempts: z.number().int().min(0),
    responseStatus: z
      .number()
      .int()
      .min(0)
      .max(999)
      .nullable()
      .meta({ description: 'HTTP status of the last attempt.' }),
    responseBody: z
      .string()
      .max(MAX_KEPT_RESPONSE_LENGTH)
      .nullable()
      .meta({ description: 'The first kilobyte of the last answer.' }),
    durationMs: z.number().int().min(0).nullable(),
    error: z
      .string()
      .max(MAX_DELIVERY_ERROR_LENGTH)
      .nullable()
      .meta({ description: 'Why the last attempt failed, if it did.' }),
    lastAttemptAt: timestamp().nullable(),
    nextAttemptAt: timestamp().nullable(),
    createdAt: timestamp(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof webhookDeliveryOutput>;

export const deliveryListInput = z.object({
  endpointId: uuid(),
  limit: pageLimit(),
  cursor: cursor(),
  status: z
    .array(deliveryStatus)
    .max(DELIVERY_STATUSES.length)
    .optional()
    .meta({ description: 'Only deliveries in these states (repeat the parameter for several).' }),
});
export type DeliveryListParams = z.output<typeof deliveryListInput>;

export const deliveryIdInput = z.object({ endpointId: uuid(), id: uuid() });

export const deliveryPage = page(webhookDeliveryOutput);

export const webhookDeliveryAttemptOutput = z
  .object({
    id: uuid(),
    deliveryId: uuid(),
    attempt: z
      .number()
      .int()
      .min(1)
      .meta({ description: '1 for the first attempt; redeliveries go on counting.' }),
    attemptedAt: timestamp(),
    durationMs: z.number().int().min(0).nullable(),
    responseStatus: z
      .number()
      .int()
      .min(0)
      .max(999)
      .nullable()
      .meta({ description: 'The HTTP status answered; null when no answer came.' }),
    responseBody: z
      .string()
      .max(MAX_KEPT_RESPONSE_LENGTH)
      .nullable()
      .meta({ description: 'The first kilobyte of the answer.' }),
    error: z
      .string()
      .max(MAX_DELIVERY_ERROR_LENGTH)
      .nullable()
      .meta({ description: 'Why the attempt failed, if it did.' }),
  })
  .meta({ id: 'WebhookDeliveryAttempt' });
export type WebhookDeliveryAttempt = z.infer<typeof webhookDeliveryAttemptOutput>;

export const attemptListInput = z.object({
  endpointId: uuid(),
  id: uuid(),
  limit: pageLimit(),
  cursor: cursor(),
});
export type AttemptListParams = z.output<typeof attemptListInput>;

export const attemptPage = page(webhookDeliveryAttemptOutput);

export const webhookTestOutput = z
  .object({
    ok: z.boolean().meta({ description: 'Whether the endpoint answered 2xx in time.' }),
    responseStatus: z
      .number()
      .int()
      .min(0)
      .max(999)
      .nullable()
      .meta({ description: 'The HTTP status it answered; null when no answer came.' }),
    durationMs: z.number().int().min(0),
    error: z
      .string()
      .max(MAX_DELIVERY_ERROR_LENGTH)
      .nullable()
      .meta({ description: 'Why the test failed, if it did.' }),
    event: webhookTestEventOutput,
    /** The test as the delivery log keeps it. */
    delivery: webhookDeliveryOutput,
  })
  .meta({ id: 'WebhookTestResult' });
export type WebhookTestResult = z.infer<typeof webhookTestOutput>;
