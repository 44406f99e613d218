import { EVENT_DESCRIPTIONS, EVENT_TYPES, eventSchemaName } from '@/schemas/events';
import { WEBHOOK_TEST_EVENT, WEBHOOK_TEST_EVENT_DESCRIPTION } from '@/schemas/webhooks';
import { RETRY_DELAYS_SECONDS } from '@/server/domain/webhooks/deliver';
import { WEBHOOK_SEND_TIMEOUT_MS as SEND_TIMEOUT_MS } from '@/server/domain/webhooks/send';

/** 5 → "5 s", 1800 → "30 min", 7200 → "2 h". */
const duration = (seconds: number) =>
  seconds < 60 ? `${seconds} s` : seconds < 3600 ? `${seconds / 60} min` : `${seconds / 3600} h`;

const RETRIES =
  `retried after ${RETRY_DELAYS_SECONDS.map(duration).join(', ')} ` +
  `(${RETRY_DELAYS_SECONDS.length + 1} attempts in all), then marked failed`;

const TIMEOUT = `${SEND_TIMEOUT_MS / 1000} seconds`;

/** A Standard Webhooks signature: `v1,` and a base64 HMAC-SHA256 (two during a secret rotation). */
const SIGNATURE = '^v1,[A-Za-z0-9+/]{43}=( v1,[A-Za-z0-9+/]{43}=)?$';

/** The Standard Webhooks headers every delivery carries, as header parameters. */
export const WEBHOOK_PARAMETERS = {
  'webhook-id': {
    name: 'webhook-id',
    in: 'header',
    required: true,
    description:
      'The event id: the same for every attempt and redelivery of an event, so receivers ' +
      'deduplicate on it. It is signed.',
    schema: { type: 'string', format: 'uuid', maxLength: 36 },
  },
  'webhook-timestamp': {
    name: 'webhook-timestamp',
    in: 'header',
    required: true,
    description:
      'When this attempt was signed, in seconds since the Unix epoch. It is signed; refuse ' +
      'deliveries more than five minutes from your clock to stop replays.',
    schema: { type: 'integer', format: 'int64', minimum: 0, maximum: 99_999_999_999 },
  },
  'webhook-signature': {
    name: 'webhook-signature',
    in: 'header',
    required: true,
    description:
      '`v1,` and the base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` (the raw ' +
      'body), keyed with the base64-decoded part of the endpoint secret after `whsec_`. While ' +
      'a rotated secret is still valid, two signatures are sent, separated by a space: accept ' +
      'the delivery if one matches. Libraries such as `standardwebhooks` check all of this.',
    schema: { type: 'string', maxLength: 95, pattern: SIGNATURE },
    example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
  },
};

const parameterRef = (name: string) => ({ $ref: `#/components/parameters/${name}` });

const receivedResponse = {
  description:
    `Received: any 2xx answer within ${TIMEOUT} is success. The body is not read beyond its ` +
    'first kilobyte, which the delivery log keeps.',
};

const refusedResponse = (kind: string) => ({
  description:
    `${kind}, a redirect (not followed) or no answer within ${TIMEOUT}: the delivery is ` +
    `${RETRIES}. Redeliver it from the delivery log.`,
});

/**
 * The OpenAPI 3.1 `webhooks` section: one POST per event type, with the event as its body and
 * the Standard Webhooks signature headers. Deliveries are at least once and unordered.
 */
export function webhooksSection() {
  const operation = (type: string, description: string, body: string) => ({
    post: {
      operationId: `webhook-${type}`,
      tags: ['Webhooks'],
      summary: type,
      description,
      parameters: Object.keys(WEBHOOK_PARAMETERS).map(parameterRef),
      requestBody: {
        required: true,
        description: body,
        content: {
          'application/json': {
            schema: { $ref: `#/components/schemas/${eventSchemaName(type)}` },
          },
        },
      },
      // The receiver checks the signature: deliveries carry no API key.
      security: [],
      responses: {
        '2XX': receivedResponse,
        '4XX': refusedResponse('Refused (for example, a signature that does not check out)'),
        '5XX': refusedResponse('Failed'),
      },
    },
  });
  return Object.fromEntries([
    ...EVENT_TYPES.map((type) => [
      type,
      operation(
        type,
        `${EVENT_DESCRIPTIONS[type]} Sent to each enabled endpoint subscribed to ` +
          `\`${type}\`, signed as Standard Webhooks describes. Deliveries are at least once ` +
          'and unordered: deduplicate on `webhook-id` and order by `timestamp`.',
        'The event, as the change feed (`GET /events`) lists it.',
      ),
    ]),
    [
      WEBHOOK_TEST_EVENT,
      operation(
        WEBHOOK_TEST_EVENT,
        `${WEBHOOK_TEST_EVENT_DESCRIPTION} Signed as Standard Webhooks describes, like every ` +
          'other event, and sent once: it is not retried.',
        'The test event (the change feed does not list it).',
      ),
    ],
  ]);
}
