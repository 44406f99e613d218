import {
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  type ImportField,
  type ImportKind,
  MAX_IMPORT_ROWS,
} from '@/schemas/imports';
import { AppError } from '@/server/errors';
import { parseCsv } from './csv';

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
const ADDRESS_ALIASES: Record<string, ImportField> = {
  address: 'line1',
  street: 'line1',
  zip: 'postalCode',
  postcode: 'postalCode',
  state: 'region',
};
const ALIASES: Record<ImportKind, Record<string, ImportField>> = {
  customers: {
    mail: 'email',
    emailaddress: 'email',
    first: 'firstName',
    givenname: 'firstName',
    forename: 'firstName',
    last: 'lastName',
    surname: 'lastName',
    familyname: 'lastName',
    organization: 'company',
    organisation: 'company',
    telephone: 'phone',
    mobile: 'phone',
    ...ADDRESS_ALIASES,
  },
  companies: {
    company: 'name',
    companyname: 'name',
    organization: 'name',
    organisation: 'name',
    account: 'name',
    url: 'website',
    web: 'website',
    companydomain: 'domain',
    employees: 'size',
    companysize: 'size',
    sector: 'industry',
    telephone: 'phone',
    ...ADDRESS_ALIASES,
  },
  deals: {
    deal: 'title',
    dealname: 'title',
    dealtitle: 'title',
    name: 'title',
    value: 'amount',
    dealvalue: 'amount',
    closedate: 'expectedCloseDate',
    expectedclose: 'expectedCloseDate',
    dealstage: 'stage',
    organization: 'company',
    organisation: 'company',
    contact: 'email',
    contactemail: 'email',
    mail: 'email',
    dealowner: 'owner',
    owneremail: 'owner',
  },
};

/** A first guess at the mapping, from header names like "E-mail" or "Surname". */
function suggestMapping(headers: string[], kind: ImportKind) {
  const fields: readonly ImportField[] = IMPORT_FIELDS[kind];
  const byName = new Map<string, ImportField>(fields.map((field) => [normalise(field), field]));
  for (const field of fields) byName.set(normalise(IMPORT_FIELD_LABELS[field]), field);
  for (const [alias, field] of Object.entries(ALIASES[kind])) byName.set(alias, field);
  const mapping: Record<string, ImportField> = {};
  const used = new Set<ImportField>();
  for (const header of headers) {
    const field = byName.get(normalise(header));
    if (field && !used.has(field)) {
      mapping[header] = field;
      used.add(field);
    }
  }
  return mapping;
}

/** The file's header and rows: refused without a header row, or with too many rows. */
export function readImportFile(csv: string) {
  const result = parseCsv(csv, MAX_IMPORT_ROWS + 1);
  if (result.headers.length === 0)
    throw new AppError('BAD_REQUEST', 'The file has no header row', {
      issues: [{ path: ['csv'], message: 'has no header row' }],
    });
  if (result.rows.length > MAX_IMPORT_ROWS) {
    throw new AppError(
      'BAD_REQUEST',
      `At most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows per import`,
      {
        issues: [{ path: ['csv'], message: `has more than ${MAX_IMPORT_ROWS} rows` }],
      },
    );
  }
  return result;
}

/** The file's columns, a few rows, and a suggested mapping; nothing is stored. */
export function previewImport(csv: string, kind: ImportKind) {
  const { headers, rows } = readImportFile(csv);
  return {
    headers,
    sample: rows.slice(0, 5).map((row) => row.values),
    rowCount: rows.length,
    suggestedMapping: suggestMapping(headers, kind),
  };
}
