import { z } from 'zod';
import { cursor, page, pageLimit, sortOrder, timeInput, timestamp, uuid } from './common';
import {
  MAX_BULK_CUSTOMERS,
  MAX_METADATA_KEY_LENGTH,
  MAX_METADATA_KEYS,
  MAX_TAG_LENGTH,
  MAX_TAGS,
} from './customer-constants';
import {
  allowDuplicate,
  customerOutput,
  metadata,
  optional,
  postalAddress,
  tag,
  text,
} from './customers';
import { upsertItems } from './bulk-upsert';
import { companyCreateExample, companyExample } from './examples';
import { interactionOutput } from './interactions';
import { orderOutput } from './orders';

export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001+'] as const;
export const COMPANY_SORTS = ['name', 'createdAt', 'updatedAt'] as const;
export type CompanySort = (typeof COMPANY_SORTS)[number];

export const MAX_COMPANY_NAME_LENGTH = 200;
const MAX_DOMAIN_LENGTH = 253;
const MAX_WEBSITE_LENGTH = 500;
const MAX_INDUSTRY_LENGTH = 100;
const MAX_PHONE_LENGTH = 50;

/** A host name of at least two labels, the last alphabetic (or an IDN's punycode). */
const HOST =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * A company's domain as stored: the lowercase host of what was given, without `www.`. Takes a
 * bare host ("Acme.com") or a URL ("https://www.acme.com/about"); anything else is refused.
 */
export function normaliseDomain(value: string): string | null {
  const given = value.trim();
  if (!given || /\s/.test(given)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? given : `http://${given}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.port) return null;
  const host = url.hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  return HOST.test(host) ? host : null;
}

export const companyDomain = z
  .string()
  .max(MAX_WEBSITE_LENGTH, `must be at most ${MAX_WEBSITE_LENGTH} characters`)
  .transform((value, ctx) => {
    const domain = normaliseDomain(value);
    if (!domain) {
      ctx.addIssue({ code: 'custom', message: 'must be a domain such as example.com, or its URL' });
      return z.NEVER;
    }
    return domain;
  })
  .meta({
    description:
      'A host such as `example.com`, or a URL of it; stored lowercase without `www.`. Unique among ' +
      'the live companies of your organization (409).',
  });

/** A web address; one given without a scheme is taken as https. */
const website = z
  .string()
  .trim()
  .max(MAX_WEBSITE_LENGTH, `must be at most ${MAX_WEBSITE_LENGTH} characters`)
  .transform((value) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`))
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http or https address' }));

export const companySize = z.enum(COMPANY_SIZES);

const companyTags = z
  .array(tag)
  .max(MAX_TAGS, `at most ${MAX_TAGS} tags`)
  .transform((tags) => [...new Set(tags)]);

/** Fields a client may set. */
export const companyFields = {
  name: text(MAX_COMPANY_NAME_LENGTH).min(1, 'is required'),
  domain: optional(companyDomain),
  industry: optional(text(MAX_INDUSTRY_LENGTH)),
  size: companySize.nullable().optional(),
  website: optional(website),
  phone: optional(
    text(MAX_PHONE_LENGTH).regex(
      /^[+0-9 ().\-/x]*$/i,
      'may contain digits, spaces and + ( ) . - / x only',
    ),
  ),
  address: postalAddress.nullable().optional(),
  ownerId: uuid().nullable().optional(),
  tags: companyTags.default([]),
  metadata: metadata.default({}),
};

export const companyCreateInput = z
  .strictObject({ ...companyFields, allowDuplicate })
  .meta({ id: 'CompanyCreate', example: companyCreateExample });
export type CompanyCreateInput = z.input<typeof companyCreateInput>;
export type CompanyCreateValues = Omit<z.output<typeof companyCreateInput>, 'allowDuplicate'>;

export const companyOutput = z
  .object({
    id: uuid(),
    name: z.string().max(MAX_COMPANY_NAME_LENGTH),
    domain: z.string().max(MAX_DOMAIN_LENGTH).nullable(),
    industry: z.string().max(MAX_INDUSTRY_LENGTH).nullable(),
    size: companySize.nullable(),
    website: z.string().max(MAX_WEBSITE_LENGTH).nullable(),
    phone: z.string().max(MAX_PHONE_LENGTH).nullable(),
    address: postalAddress.nullable(),
    ownerId: uuid().nullable(),
    tags: z.array(z.string().max(MAX_TAG_LENGTH)).max(MAX_TAGS),
    metadata: z
      .record(z.string().max(MAX_METADATA_KEY_LENGTH), z.unknown())
      .meta({ maxProperties: MAX_METADATA_KEYS }),
    version: z.number().int().min(1),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'Company', example: companyExample });
export type Company = z.infer<typeof companyOutput>;

export const companyUpdateInput = z
  .strictObject({
    id: uuid(),
    expectedVersion: z.number().int().min(1).optional().meta({
      description:
        'The `version` you read; a newer one means someone else changed the company (409).',
    }),
    name: companyFields.name.optional(),
    domain: companyFields.domain,
    industry: companyFields.industry,
    size: companyFields.size,
    website: companyFields.website,
    phone: companyFields.phone,
    address: companyFields.address,
    ownerId: companyFields.ownerId,
    tags: companyTags.optional(),
    metadata: metadata.optional(),
  })
  .meta({ id: 'CompanyUpdate' });
export type CompanyUpdateInput = z.input<typeof companyUpdateInput>;
export type CompanyUpdateValues = Omit<
  z.output<typeof companyUpdateInput>,
  'id' | 'expectedVersion'
>;

export const companyListInput = z.object({
  limit: pageLimit(),
  cursor: cursor(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Case-insensitive, typo-tolerant search over name and domain.' }),
  ownerId: uuid().optional().meta({ description: 'Only companies owned by this member.' }),
  tag: tag.optional().meta({ description: 'Only companies with this tag.' }),
  domain: companyDomain.optional().meta({ description: 'Only the company with this domain.' }),
  updatedSince: timeInput()
    .optional()
    .meta({ description: 'Only companies changed at or after this time.' }),
  sort: z.enum(COMPANY_SORTS).default('createdAt').meta({ description: 'The order.' }),
  order: sortOrder(),
});
export type CompanyListInput = z.input<typeof companyListInput>;
export type CompanyListParams = z.output<typeof companyListInput>;

export const companyPage = page(companyOutput);

/** A page of something belonging to one company. */
const companyPageInput = (defaultLimit: number) =>
  z.object({ id: uuid(), limit: pageLimit(defaultLimit), cursor: cursor() });

export const companyCustomersInput = companyPageInput(25);
export type CompanyCustomersParams = z.output<typeof companyCustomersInput>;
export const companyCustomerPage = page(customerOutput);

export const companyTimelineInput = companyPageInput(20);
export type CompanyTimelineParams = z.output<typeof companyTimelineInput>;
export const companyTimelineEntry = interactionOutput
  .extend({
    customerName: z
      .string()
      .max(201)
      .nullable()
      .meta({ description: 'Null for an entry about the company itself.' }),
  })
  .meta({ id: 'CompanyTimelineEntry' });
export const companyTimelinePage = page(companyTimelineEntry);

export const companyOrdersInput = companyPageInput(25);
export type CompanyOrdersParams = z.output<typeof companyOrdersInput>;
export const companyOrderPage = page(orderOutput);

export const companyRevenueOutput = z
  .array(
    z.object({
      currency: z.string().length(3),
      paidCents: z.number().int().min(0),
      orderCount: z.number().int().min(0),
    }),
  )
  .max(200)
  .meta({
    description:
      'Per currency, what the paid and fulfilled orders of the people of the company add up to.',
  });

export const companyMergeInput = z
  .strictObject({
    id: uuid(),
    sourceId: uuid().meta({
      description: 'The company merged into this one; it is deleted afterwards (restorable).',
    }),
  })
  .meta({ id: 'CompanyMerge' });

export const companyMergeOutput = z
  .object({
    company: companyOutput,
    sourceId: uuid(),
    customersMoved: z.number().int().min(0),
    dealsMoved: z.number().int().min(0),
  })
  .meta({ id: 'CompanyMergeResult' });
export type CompanyMergeResult = z.infer<typeof companyMergeOutput>;

/** The `company.merged` event: the company merged into, and what the merge moved. */
export const companyMergedEvent = companyOutput
  .extend({
    sourceId: uuid().meta({ description: 'The company merged into this one (now deleted).' }),
    customersMoved: z.number().int().min(0),
    dealsMoved: z.number().int().min(0),
  })
  .meta({ id: 'MergedCompany' });

const bulkIds = z
  .array(uuid())
  .min(1, 'choose at least one company')
  .max(MAX_BULK_CUSTOMERS, `at most ${MAX_BULK_CUSTOMERS} companies at once`)
  .transform((ids) => [...new Set(ids)])
  .meta({ description: `The companies to change (at most ${MAX_BULK_CUSTOMERS}).` });

export const bulkCompanyChange = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('addTag'), tag }),
    z.strictObject({ type: z.literal('removeTag'), tag }),
    z.strictObject({
      type: z.literal('assignOwner'),
      ownerId: uuid().nullable().meta({ description: 'A member of the organization, or null.' }),
    }),
  ])
  .meta({ id: 'BulkCompanyChange' });

export const companyBulkUpdateInput = z
  .strictObject({ ids: bulkIds, change: bulkCompanyChange })
  .meta({ id: 'CompanyBulkUpdate' });

export const companyBulkDeleteInput = z
  .strictObject({ ids: bulkIds })
  .meta({ id: 'CompanyBulkDelete' });

export const bulkCompanyResult = z
  .object({
    items: z
      .array(companyOutput)
      .max(MAX_BULK_CUSTOMERS)
      .meta({ description: 'The companies that changed.' }),
    unchanged: z
      .number()
      .int()
      .min(0)
      .max(MAX_BULK_CUSTOMERS)
      .meta({ description: 'How many already were as asked (e.g. had the tag).' }),
  })
  .meta({ id: 'BulkCompanyResult' });

/** A possible duplicate named by a 409 of `companies.create`. */
export const companyCandidate = z.object({
  id: uuid(),
  name: z.string(),
  domain: z.string().nullable(),
});

/** A company to create or update, found by its normalised domain. */
export const companyUpsertItem = companyUpdateInput
  .omit({ id: true, expectedVersion: true })
  .extend({
    domain: companyDomain.meta({
      description:
        'The key: a host or URL, normalised (lowercase host, no `www.`); the live company with ' +
        'this domain is updated.',
    }),
  });

export const companyBulkUpsertInput = z
  .strictObject({
    items: upsertItems(companyUpsertItem, {
      field: 'domain',
      of: (item) => item.domain,
      noun: 'domain',
    }),
  })
  .meta({ id: 'CompanyBulkUpsert' });
export type CompanyUpsertItem = z.output<typeof companyUpsertItem>;
