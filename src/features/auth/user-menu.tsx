'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { describeError } from '@/lib/server-errors';
import { api } from '@/trpc/react';

/**
 * The account's menu. Its icons come drawn from the server (see AppShell), so their code stays
 * out of every page's JavaScript.
 */
export function UserMenu({
  name,
  email,
  icons,
}: {
  name: string;
  email: string;
  icons: Record<'account' | 'settings' | 'signOut', React.ReactNode>;
}) {
  const router = useRouter();
  const utils = api.useUtils();
  const signOut = api.auth.signOut.useMutation({
    onSuccess: async () => {
      await utils.invalidate();
      router.replace('/sign-in');
      router.refresh();
    },
    onError: (error) => toast.error(describeError(error)),
  });
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Account menu for ${name}`}>
          {icons.account}
          <span className="hidden max-w-40 truncate md:inline">{name}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuLabel className="grid">
          <span className="truncate">{name}</span>
          <span className="truncate text-xs font-normal text-muted-foreground">{email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings">
            {icons.settings}
            Settings
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => signOut.mutate()} disabled={signOut.isPending}>
          {icons.signOut}
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
