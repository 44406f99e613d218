'use client';

import { useRouter } from 'next/navigation';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import { api } from '@/trpc/react';

/** Makes another of the member's organizations the session's one, then opens its dashboard. */
export function useSwitchOrganization() {
  const router = useRouter();
  const utils = api.useUtils();
  return api.organizations.switch.useMutation({
    onSuccess: async (organization) => {
      await utils.invalidate();
      toast.success(`Switched to ${organization.name}`);
      router.push('/dashboard');
      router.refresh();
    },
    onError: (error) => toast.error(describeError(error)),
  });
}
