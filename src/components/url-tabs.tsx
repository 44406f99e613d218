'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';

export interface UrlTab {
  /** The tab in the URL: ?tab=orders. */
  value: string;
  label: string;
  content: React.ReactNode;
}

/**
 * The tabs of a page with the open one kept in the URL (?tab=…), so a link, or the back button,
 * returns to it. A tab given as false (one the viewer may not see) is left out; the first is
 * open unless the URL names another, and leaves the URL without a tab.
 */
export function useUrlTabs(given: readonly (UrlTab | false)[]) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const tabs = given.filter((tab) => tab !== false);
  const first = tabs[0]?.value;
  const requested = searchParams.get('tab');
  const open = tabs.find((tab) => tab.value === requested)?.value ?? first;

  // The browser's history is enough for that: switching tabs needs nothing from the server.
  function select(value: string) {
    const next = new URLSearchParams(searchParams);
    if (value === first) next.delete('tab');
    else next.set('tab', value);
    const query = next.toString();
    window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
  }

  return { tabs, open, select };
}

/** The tabs of `useUrlTabs`, their list wrapping on a narrow screen. */
export function UrlTabs({ tabs, open, select }: ReturnType<typeof useUrlTabs>) {
  return (
    <Tabs value={open} onValueChange={select}>
      <TabsList className="h-auto max-w-full flex-wrap justify-start">
        {tabs.map((tab) => (
          <TabsTrigger key={tab.value} value={tab.value}>
            {tab.label}
          </TabsTrigger>
        ))}
      </TabsList>
      {tabs.map((tab) => (
        <TabsContent key={tab.value} value={tab.value}>
          {tab.content}
        </TabsContent>
      ))}
    </Tabs>
  );
}
