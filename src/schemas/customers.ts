import { z } from 'zod';
import { upsertItems } from './bulk-upsert';
import { customerCreateExample, customerExample } from './examples';
import { cursor, page, pageLimit, sortOrder, timeInput, timestamp, uuid } from './common';
import {
  CUSTOMER_SORTS,
  CUSTOMER_STATUSES,
  MAX_BULK_CUSTOMERS,
  MAX_METADATA_BYTES,
  MAX_METADATA_KEY_LENGTH,
  MAX_METADATA_KEYS,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  SEARCH_BUDGET,
} from './customer-constants';

export * from './customer-constants';

export const text = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`);

export const MAX_EMAIL_LENGTH = 254;
const MAX_NAME_LENGTH = 100;
const MAX_COMPANY_LENGTH = 200;
const MAX_PHONE_LENGTH = 50;

/**
 * E-mail addresses are trimmed and Unicode-normalised (NFC) before they are checked, stored or
 * compared. The document shows a pipe's first half, so that half says it takes an e-mail address.
 */
export const emailAddress = z
  .string()
  .trim()
  .normalize('NFC')
  .max(MAX_EMAIL_LENGTH, `must be at most ${MAX_EMAIL_LENGTH} characters`)
  .meta({ format: 'email' })
  .pipe(z.email({ error: 'must be a valid e-mail address' }));

/** An address as stored: it was checked on the way in, so the way out only states its shape. */
export const storedEmail = z.string().max(MAX_EMAIL_LENGTH).meta({ format: 'email' });

export const customerStatus = z.enum(CUSTOMER_STATUSES);

export const tag = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_TAG_LENGTH, `must be at most ${MAX_TAG_LENGTH} characters`);

export const postalAddress = z
  .strictObject({
    line1: text(200).optional(),
    line2: text(200).optional(),
    city: text(100).optional(),
    region: text(100).optional(),
    postalCode: text(20).optional(),
    country: text(2)
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
      .optional(),
  })
  .meta({ id: 'PostalAddress' });

const METADATA_DESCRIPTION =
  `Free-form key/value data for your own use: at most ${MAX_METADATA_KEYS} keys of up to ` +
  `${MAX_METADATA_KEY_LENGTH} characters, and ${MAX_METADATA_BYTES} bytes as JSON.`;

export const metadata = z
  .record(z.string().max(MAX_METADATA_KEY_LENGTH), z.unknown())
  .refine((value) => Object.keys(value).length <= MAX_METADATA_KEYS, {
    message: `must have at most ${MAX_METADATA_KEYS} keys`,
  })
  .refine((value) => JSON.stringify(value).length <= MAX_METADATA_BYTES, {
    message: `must be at most ${MAX_METADATA_BYTES} bytes as JSON`,
  })
  .meta({ description: METADATA_DESCRIPTION, maxProperties: MAX_METADATA_KEYS });

/** An optional text field where "" means "no value" (what an empty form input sends). */
export const optional = <T extends z.ZodType<string | null>>(schema: T) =>
  z
    .union([z.literal('').transform(() => null), schema])
    .nullable()
    .optional();

/** Fields a client may set. Ids, organization, version, timestamps and deletion are never input. */
export const customerFields = {
  email: optional(emailAddress),
  firstName: text(MAX_NAME_LENGTH).min(1, 'is required'),
  lastName: text(MAX_NAME_LENGTH).default(''),
  company: optional(text(MAX_COMPANY_LENGTH)).meta({
    description:
      'The company by name: links the live company of that name (ignoring case), created when there is none.',
  }),
  companyId: uuid().nullable().optional().meta({
    description: 'A company of your organization; wins over `company` when both are given.',
  }),
  phone: optional(
    text(MAX_PHONE_LENGTH).regex(
      /^[+0-9 ().\-/x]*$/i,
      'may contain digits, spaces and + ( ) . - / x only',
    ),
  ),
  status: customerStatus.default('lead'),
  tags: z
    .array(tag)
    .max(MAX_TAGS, `at most ${MAX_TAGS} tags`)
    .transform((tags) => [...new Set(tags)])
    .default([]),
  ownerId: uuid().nullable().optional(),
  address: postalAddress.nullable().optional(),
  metadata: metadata.default({}),
};

export const allowDuplicate = z.boolean().optional().meta({
  description:
    'Create it even when a very similar record exists (otherwise 409 with the `candidates`).',
});

export const customerCreateInput = z
  .strictObject({ ...customerFields, allowDuplicate })
  .meta({ id: 'CustomerCreate', example: customerCreateExample });
export type CustomerCreateInput = z.input<typeof customerCreateInput>;
export type CustomerCreateValues = Omit<z.output<typeof customerCreateInput>, 'allowDuplicate'>;

export const customerOutput = z
  .object({
    id: uuid(),
    email: storedEmail.nullable(),
    firstName: z.string().max(MAX_NAME_LENGTH),
    lastName: z.string().max(MAX_NAME_LENGTH),
    company: z
      .string()
      .max(MAX_COMPANY_LENGTH)
      .nullable()
      .meta({ description: "The linked company's name." }),
    companyId: uuid().nullable(),
    phone: z.string().max(MAX_PHONE_LENGTH).nullable(),
    status: customerStatus,
    tags: z.array(z.string().max(MAX_TAG_LENGTH)).max(MAX_TAGS),
    ownerId: uuid().nullable(),
    address: postalAddress.nullable(),
    // Stated, not checked: rows stored before the key limit must stay readable.
    metadata: z
      .record(z.string().max(MAX_METADATA_KEY_LENGTH), z.unknown())
      .meta({ maxProperties: MAX_METADATA_KEYS }),
    version: z.number().int().min(1),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'Customer', example: customerExample });
export type Customer = z.infer<typeof customerOutput>;

/**
 * A partial update: only the fields given change. With `expectedVersion`, the update is refused
 * (409) unless the customer is still at that version, so concurrent edits cannot overwrite each other.
 */
export const customerUpdateInput = z
  .strictObject({
    id: uuid(),
    expectedVersion: z.number().int().min(1).optional().meta({
      description:
        'The `version` you read; a newer one means someone else changed the customer (409).',
    }),
    email: customerFields.email,
    firstName: customerFields.firstName.optional(),
    lastName: text(MAX_NAME_LENGTH).optional(),
    company: customerFields.company,
    companyId: customerFields.companyId,
    phone: customerFields.phone,
    status: customerStatus.optional(),
    tags: z
      .array(tag)
      .max(MAX_TAGS, `at most ${MAX_TAGS} tags`)
      .transform((tags) => [...new Set(tags)])
      .optional(),
    ownerId: customerFields.ownerId,
    address: customerFields.address,
    metadata: metadata.optional(),
  })
  .meta({ id: 'CustomerUpdate' });
export type CustomerUpdateInput = z.input<typeof customerUpdateInput>;
export type CustomerUpdateValues = Omit<
  z.output<typeof customerUpdateInput>,
  'id' | 'expectedVersion'
>;

export const customerListInput = z.object({
  limit: pageLimit(),
  cursor: cursor(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Case-insensitive, typo-tolerant search over name, e-mail and company.' }),
  status: z
    .array(customerStatus)
    .max(CUSTOMER_STATUSES.length)
    .optional()
    .meta({ description: 'Only customers in these statuses (repeat the parameter for several).' }),
  tag: tag.optional().meta({ description: 'Only customers with this tag.' }),
  ownerId: uuid().optional().meta({ description: 'Only customers owned by this member.' }),
  updatedSince: timeInput()
    .optional()
    .meta({ description: 'Only customers changed at or after this time.' }),
  createdFrom: timeInput()
    .optional()
    .meta({ description: 'Only customers created at or after this time.' }),
  createdTo: timeInput()
    .optional()
    .meta({ description: 'Only customers created before this time.' }),
  updatedTo: timeInput()
    .optional()
    .meta({ description: 'Only customers last changed before this time.' }),
  sort: z
    .enum(CUSTOMER_SORTS)
    .optional()
    .meta({
      description:
        'The order: by default `relevance` when searching (`q`), else `createdAt`. ' +
        '`relevance` without `q` is `createdAt`.',
    }),
  order: sortOrder(),
});
export type CustomerListInput = z.input<typeof customerListInput>;
export type CustomerListParams = z.output<typeof customerListInput>;

export const customerPage = page(customerOutput).extend({
  partial: z.boolean().meta({
    description:
      `True when a search stopped after examining ${SEARCH_BUDGET.toLocaleString('en-US')} ` +
      'customers before filling the page: `nextCursor` searches on from there.',
  }),
});

/** Filters shared by the list, the count and the CSV export. */
export const customerFilterInput = customerListInput.omit({
  limit: true,
  cursor: true,
  sort: true,
  order: true,
});
export type CustomerFilters = z.output<typeof customerFilterInput>;

export const COUNT_CAP = 10_000;
export const customerCountOutput = z.object({
  count: z.number().int(),
  /**
   * True when there may be more than `count`: counting stops at 10,000 matches, and a search
   * counts among the newest SEARCH_BUDGET customers.
   */
  capped: z.boolean(),
});

const bulkIds = z
  .array(uuid())
  .min(1, 'choose at least one customer')
  .max(MAX_BULK_CUSTOMERS, `at most ${MAX_BULK_CUSTOMERS} customers at once`)
  .transform((ids) => [...new Set(ids)])
  .meta({ description: `The customers to change (at most ${MAX_BULK_CUSTOMERS}).` });

export const bulkCustomerChange = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('addTag'), tag }),
    z.strictObject({ type: z.literal('removeTag'), tag }),
    z.strictObject({
      type: z.literal('assignOwner'),
      ownerId: uuid().nullable().meta({ description: 'A member of the organization, or null.' }),
    }),
  ])
  .meta({ id: 'BulkCustomerChange' });
export type BulkCustomerChange = z.output<typeof bulkCustomerChange>;

export const customerBulkUpdateInput = z
  .strictObject({ ids: bulkIds, change: bulkCustomerChange })
  .meta({
    id: 'CustomerBulkUpdate',
    example: {
      ids: ['0f8a1c52-4c1e-4e8e-9a43-0d6f3c0e9b21'],
      change: { type: 'addTag', tag: 'newsletter' },
    },
  });
export type CustomerBulkUpdateInput = z.input<typeof customerBulkUpdateInput>;

export const customerBulkDeleteInput = z
  .strictObject({ ids: bulkIds })
  .meta({ id: 'CustomerBulkDelete', example: { ids: ['0f8a1c52-4c1e-4e8e-9a43-0d6f3c0e9b21'] } });

export const bulkCustomerResult = z
  .object({
    items: z
      .array(customerOutput)
      .max(MAX_BULK_CUSTOMERS)
      .meta({ description: 'The customers that changed.' }),
    unchanged: z
      .number()
      .int()
      .min(0)
      .max(MAX_BULK_CUSTOMERS)
      .meta({ description: 'How many already were as asked (e.g. had the tag).' }),
  })
  .meta({ id: 'BulkCustomerResult' });

/** A customer to create or update, found by its e-mail address (ignoring case). */
export const customerUpsertItem = customerUpdateInput
  .omit({ id: true, expectedVersion: true })
  .extend({
    email: emailAddress.meta({
      description: 'The key: a live customer with this address (ignoring case) is updated.',
    }),
  });

export const customerBulkUpsertInput = z
  .strictObject({
    items: upsertItems(customerUpsertItem, {
      field: 'email',
      of: (item) => item.email.toLowerCase(),
      noun: 'e-mail address',
    }),
  })
  .meta({ id: 'CustomerBulkUpsert' });
export type CustomerUpsertItem = z.output<typeof customerUpsertItem>;
