import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { companyFields } from '@/schemas/companies';
import { customerCreateInput } from '@/schemas/customers';
import { describeIssue, describeIssues, problemSentence } from './row-problems';

/** The problems of an input under a schema, in words. */
function problemsOf(kind: 'customers' | 'companies' | 'deals', schema: z.ZodType, input: object) {
  const parsed = schema.safeParse(input);
  if (parsed.success) return [];
  return describeIssues(kind, parsed.error.issues, input);
}

describe('row problems in words', () => {
  it('says which values a status may have', () => {
    expect(
      problemsOf('customers', customerCreateInput, { firstName: 'Ada', status: 'prospect' }),
    ).toEqual([
      { field: 'status', message: 'Status must be one of lead, active, inactive, churned' },
    ]);
  });

  it('says an e-mail address is not one, and that a missing first name is required', () => {
    expect(problemsOf('customers', customerCreateInput, { email: 'not-an-email' })).toEqual([
      { field: 'email', message: 'E-mail is not an e-mail address' },
      { field: 'firstName', message: 'First name is required' },
    ]);
  });

  it('names an address part by its own label, and keeps our own rule wording', () => {
    expect(
      problemsOf('companies', z.strictObject(companyFields), {
        name: 'Acme',
        domain: 'not a domain',
        size: '5-9',
        address: { city: 'x'.repeat(500) },
      }),
    ).toEqual([
      { field: 'domain', message: 'Domain must be a domain such as example.com, or its URL' },
      { field: 'size', message: 'Size must be one of 1-10, 11-50, 51-200, 201-1000, 1001+' },
      {
        field: 'address.city',
        message: expect.stringMatching(/^City must be at most \d+ characters/),
      },
    ]);
  });

  it('treats the items of a list as their one field', () => {
    const people = z.strictObject({ email: z.array(z.email()).max(2, 'at most 2 people') });
    expect(problemsOf('deals', people, { email: ['ada@example.com', 'nope'] })).toEqual([
      { field: 'email', message: 'A person’s e-mail is not an e-mail address' },
    ]);
    expect(
      problemsOf('deals', people, { email: ['a@example.com', 'b@example.com', 'c@example.com'] }),
    ).toEqual([{ field: 'email', message: 'A person’s e-mail can have at most 2 people' }]);
  });

  it('never passes on the library’s own wording', () => {
    const schema = z.strictObject({ title: z.string().max(3), amount: z.number() });
    const input = { title: 'Too long', amount: 'ten', extra: 1 };
    const messages = schema
      .safeParse(input)
      .error!.issues.map((issue) => describeIssue('deals', issue, input).message);
    expect(messages).toEqual([
      'Title must be at most 3 characters long',
      'Amount must be a number',
      'The row has columns that cannot be imported: extra',
    ]);
    for (const message of messages) expect(message).not.toMatch(/Invalid|expected|received|Too /);
  });

  it('makes a sentence of a field and a fragment of the rules', () => {
    expect(problemSentence('deals', 'stage', 'is not a stage of the pipeline “Sales”')).toBe(
      'Stage is not a stage of the pipeline “Sales”',
    );
    expect(problemSentence('deals', 'owner', 'is not a member of this organization')).toBe(
      'Owner e-mail is not a member of this organization',
    );
  });
});
