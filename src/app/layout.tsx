import type { Metadata } from 'next';
import { GeistMono } from 'geist/font/mono';
import { GeistSans } from 'geist/font/sans';
import { headers } from 'next/headers';
import { ThemeProvider } from 'next-themes';
import { FormNotSentNotice } from '@/components/form-not-sent-notice';
import { HydrationMarker } from '@/components/hydration-marker';
import { Toaster } from '@/components/ui/sonner';
import { FORM_POSTED_HEADER } from '@/lib/form-posted';
import { TRPCReactProvider } from '@/trpc/react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Clientele', template: '%s · Clientele' },
  description: 'Customers, interactions and orders for your whole team.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const requestHeaders = await headers();
  const nonce = requestHeaders.get('x-nonce') ?? undefined;
  const formPosted = requestHeaders.get(FORM_POSTED_HEADER) === '1';
  return (
    <html
      lang="en"
      className={`${GeistSans.variable} ${GeistMono.variable}`}
      suppressHydrationWarning
    >
      <body className="min-h-screen font-sans">
        <noscript>
          <p className="border-b border-destructive/40 bg-destructive/10 px-4 py-3 text-center text-sm text-destructive">
            Clientele needs JavaScript. Turn it on in your browser, then reload this page.
          </p>
        </noscript>
        {formPosted ? <FormNotSentNotice /> : null}
        <ThemeProvider attribute="class" defaultTheme="system" enableSystem nonce={nonce}>
          <TRPCReactProvider>{children}</TRPCReactProvider>
          <Toaster richColors closeButton />
          <HydrationMarker />
        </ThemeProvider>
      </body>
    </html>
  );
}
