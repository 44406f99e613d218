'use client';

import { Settings2Icon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { LazyDialogButton } from '@/components/lazy-dialog-button';
import type { Pipeline } from '@/schemas/pipelines';

// The editor loads when first opened, or when its button is pointed at or focused.
const loadDialog = () => import('./pipeline-stages-dialog');
const PipelineStagesDialog = dynamic(
  () => loadDialog().then((module) => module.PipelineStagesDialog),
  { ssr: false },
);

/** "Edit stages", for those who manage pipelines. */
export function PipelineStagesButton({ pipeline }: { pipeline: Pipeline }) {
  return (
    <LazyDialogButton
      variant="outline"
      load={loadDialog}
      icon={Settings2Icon}
      dialog={(state) => <PipelineStagesDialog pipeline={pipeline} {...state} />}
    >
      Edit stages
    </LazyDialogButton>
  );
}
