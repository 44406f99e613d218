import { z } from 'zod';
import {
  COMPANY_SIZES,
  companyFields,
  type Company,
  type CompanyCreateInput,
  type CompanyUpdateInput,
} from '@/schemas/companies';
import { tagsText } from '@/features/records/tags-text';

/** The select's value for "not given" (a select item cannot have an empty one). */
export const NO_SIZE = 'none';

/** A company as the create and edit forms hold it: tags as one line, size as a select's value. */
export const companyForm = z.object({
  name: companyFields.name,
  domain: companyFields.domain,
  industry: companyFields.industry,
  size: z.union([z.literal(NO_SIZE), z.enum(COMPANY_SIZES)]),
  website: companyFields.website,
  phone: companyFields.phone,
  ownerId: z.string().nullable(),
  tags: tagsText,
});
export type CompanyFormInput = z.input<typeof companyForm>;
export type CompanyFormValues = z.output<typeof companyForm>;

/** The fields the forms show, where the server's issues can land. */
export const COMPANY_FORM_FIELDS = [
  'name',
  'domain',
  'industry',
  'size',
  'website',
  'phone',
  'ownerId',
  'tags',
] as const;

export const EMPTY_COMPANY: CompanyFormInput = {
  name: '',
  domain: '',
  industry: '',
  size: NO_SIZE,
  website: '',
  phone: '',
  ownerId: null,
  tags: '',
};

/** The company as the edit form starts out. */
export function companyFormValues(company: Company): CompanyFormInput {
  return {
    name: company.name,
    domain: company.domain ?? '',
    industry: company.industry ?? '',
    size: company.size ?? NO_SIZE,
    website: company.website ?? '',
    phone: company.phone ?? '',
    ownerId: company.ownerId,
    tags: company.tags.join(', '),
  };
}

function fields(values: CompanyFormValues) {
  return {
    name: values.name,
    domain: values.domain ?? null,
    industry: values.industry ?? null,
    size: values.size === NO_SIZE ? null : values.size,
    website: values.website ?? null,
    phone: values.phone ?? null,
    ownerId: values.ownerId,
    tags: values.tags,
  };
}

/** What the create form sends; `allowDuplicate` once the person has seen the look-alikes. */
export const companyCreate = (values: CompanyFormValues, allowDuplicate = false) =>
  ({
    ...fields(values),
    ...(allowDuplicate ? { allowDuplicate } : {}),
  }) satisfies CompanyCreateInput;

/** The update of `base` (the version that was read) to the values of the form. */
export const companyUpdate = (base: Company, values: CompanyFormValues): CompanyUpdateInput => ({
  id: base.id,
  expectedVersion: base.version,
  ...fields(values),
});
