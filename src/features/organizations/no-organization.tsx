import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card';
import { ChooseOrganizationButtons } from './choose-organization-buttons';
import type { OrganizationOption } from './organization-switcher';

/**
 * Shown when the session has no organization: after leaving one, or when it was deleted.
 * Rendered on the server: only its buttons run in the browser.
 */
export function NoOrganization({ organizations }: { organizations: OrganizationOption[] }) {
  return (
    <Card className="mx-auto max-w-lg">
      <CardHeader>
        <h1 className="text-xl font-semibold">Choose an organization</h1>
        <CardDescription>
          {organizations.length
            ? 'You are not working in an organization right now. Pick one of yours, or create a new one.'
            : 'You do not belong to any organization. Create one, or ask someone to invite you.'}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-2">
        <ChooseOrganizationButtons organizations={organizations} />
      </CardContent>
    </Card>
  );
}
