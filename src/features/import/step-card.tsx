'use client';

import { useEffect, useId, useRef } from 'react';
import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card';

/**
 * One step of the wizard: a card named by its h2. When the person moved here from another step,
 * focus goes to the heading, so screen readers announce where they are.
 */
export function StepCard({
  title,
  description,
  focusOnMount = false,
  children,
}: {
  title: string;
  description?: React.ReactNode;
  focusOnMount?: boolean;
  children: React.ReactNode;
}) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  return (
    <section aria-labelledby={headingId}>
      <Card>
        <CardHeader>
          <h2
            id={headingId}
            ref={heading}
            tabIndex={-1}
            className="text-lg leading-none font-semibold outline-none"
          >
            {title}
          </h2>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </CardHeader>
        <CardContent className="grid grid-cols-1 gap-6">{children}</CardContent>
      </Card>
    </section>
  );
}
