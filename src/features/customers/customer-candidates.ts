import type { DuplicateCandidate } from '@/components/duplicate-warning';
import { customerName } from '@/lib/format';
import { duplicateCandidates } from '@/lib/server-errors';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The look-alike customers a 409 of `customers.create` named, as links to their pages. */
export function customerCandidates(error: unknown): DuplicateCandidate[] {
  return duplicateCandidates(error).map((candidate) => ({
    id: String(candidate.id),
    href: `/customers/${String(candidate.id)}`,
    label: customerName({
      firstName: text(candidate.firstName),
      lastName: text(candidate.lastName),
      email: text(candidate.email) || null,
    }),
    hint: text(candidate.email) || null,
  }));
}
