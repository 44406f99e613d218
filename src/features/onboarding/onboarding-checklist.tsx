'use client';

import { CheckCircle2Icon, CircleIcon } from 'lucide-react';
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card';
import type { OnboardingProgress } from '@/schemas/onboarding';
import { cn } from '@/lib/utils';
import { OnboardingStepActions } from './onboarding-step-actions';
import { STEP_TEXT } from './onboarding-steps';

/** The "Get started" card: what a new organization still has to set up, and how far it is. */
export function OnboardingChecklist({
  progress,
  canAssignOwner,
  onHide,
}: {
  progress: OnboardingProgress;
  canAssignOwner: boolean;
  onHide: () => void;
}) {
  const headingId = useId();
  const total = progress.steps.length;
  const summary = `${progress.doneCount} of ${total} done`;
  return (
    <section aria-labelledby={headingId}>
      <Card>
        <CardHeader className="flex flex-wrap items-start justify-between gap-4">
          <div className="grid gap-1.5">
            <h2 id={headingId} className="text-lg leading-none font-semibold">
              Get started
            </h2>
            <CardDescription>A few steps to make Clientele your team’s own.</CardDescription>
          </div>
          <Button variant="ghost" size="sm" aria-label="Hide Get started" onClick={onHide}>
            Hide
          </Button>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="grid gap-2">
            <p className="text-sm font-medium">{summary}</p>
            <div
              role="progressbar"
              aria-label="Steps done"
              aria-valuemin={0}
              aria-valuemax={total}
              aria-valuenow={progress.doneCount}
              aria-valuetext={summary}
              className="h-2 overflow-hidden rounded-full bg-muted"
            >
              <div
                className="h-full rounded-full bg-primary transition-[width]"
                style={{ width: `${(progress.doneCount / total) * 100}%` }}
              />
            </div>
          </div>
          <ol className="divide-y">
            {progress.steps.map(({ step, done }) => {
              const text = STEP_TEXT[step];
              return (
                <li
                  key={step}
                  aria-label={text.title}
                  className="flex flex-wrap items-start gap-x-3 gap-y-2 py-3 first:pt-0 last:pb-0"
                >
                  {done ? (
                    <CheckCircle2Icon
                      role="img"
                      aria-label="Done"
                      className="mt-0.5 size-5 shrink-0 text-primary"
                    />
                  ) : (
                    <CircleIcon
                      role="img"
                      aria-label="Not done yet"
                      className="mt-0.5 size-5 shrink-0 text-muted-foreground"
                    />
                  )}
                  <div className="min-w-0 flex-1 basis-48">
                    <p className={cn('font-medium', done && 'text-muted-foreground line-through')}>
                      {text.title}
                    </p>
                    <p className="text-sm text-muted-foreground">{text.hint}</p>
                  </div>
                  {done ? null : (
                    <div className="flex flex-wrap gap-2 pl-8 sm:pl-0">
                      <OnboardingStepActions step={step} canAssignOwner={canAssignOwner} />
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        </CardContent>
      </Card>
    </section>
  );
}
