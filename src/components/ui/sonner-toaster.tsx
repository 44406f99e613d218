'use client';

import { useTheme } from 'next-themes';
import { useEffect } from 'react';
import { Toaster as Sonner, type ToasterProps } from 'sonner';
import { toasterIsListening } from '@/lib/toast';

/** Rendered after sonner's Toaster, so its effect runs once the Toaster subscribed. */
function Listening() {
  useEffect(() => toasterIsListening(), []);
  return null;
}

export default function SonnerToaster(props: ToasterProps) {
  const { theme = 'system' } = useTheme();
  return (
    <>
      <Sonner theme={theme as ToasterProps['theme']} className="toaster group" {...props} />
      <Listening />
    </>
  );
}
