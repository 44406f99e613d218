'use client';

import { Settings2Icon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { Button } from '@/components/ui/button';
import { useOpenOnce } from '@/lib/use-open-once';
import type { Pipeline } from '@/schemas/pipelines';

// The editor loads when first opened, or when its button is pointed at or focused.
const loadDialog = () => import('./pipeline-stages-dialog');
const PipelineStagesDialog = dynamic(
  () => loadDialog().then((module) => module.PipelineStagesDialog),
  { ssr: false },
);

/** "Edit stages", for those who manage pipelines. */
export function PipelineStagesButton({ pipeline }: { pipeline: Pipeline }) {
  const { open, mounted, setOpen } = useOpenOnce();
  return (
    <>
      <Button
        variant="outline"
        aria-haspopup="dialog"
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        onClick={() => setOpen(true)}
      >
        <Settings2Icon aria-hidden="true" />
        Edit stages
      </Button>
      {mounted ? (
        <PipelineStagesDialog pipeline={pipeline} open={open} onOpenChange={setOpen} />
      ) : null}
    </>
  );
}
