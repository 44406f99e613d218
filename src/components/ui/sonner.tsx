'use client';

import dynamic from 'next/dynamic';
import type { ToasterProps } from 'sonner';
import { useToasterWanted } from '@/lib/toast';

const SonnerToaster = dynamic(() => import('./sonner-toaster'), { ssr: false });

/** shadcn's Toaster, mounted (and sonner loaded) with the first toast; see lib/toast. */
function Toaster(props: ToasterProps) {
  return useToasterWanted() ? <SonnerToaster {...props} /> : null;
}

export { Toaster };
