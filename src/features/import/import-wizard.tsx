'use client';

import { useState } from 'react';
import { cn } from '@/lib/utils';
import type { ImportKind } from '@/schemas/imports';
import { FileStep, type ChosenFile, type ImportPreview } from './file-step';
import { MappingStep, type MappingChoices } from './mapping-step';
import { ProgressStep } from './progress-step';
import { ReviewStep, type CheckedFile, type ImportOutcome } from './review-step';

type WizardState =
  | { step: 'file'; kind?: ImportKind }
  | { step: 'mapping'; file: ChosenFile; preview: ImportPreview; choices?: MappingChoices }
  | {
      step: 'review';
      file: ChosenFile;
      preview: ImportPreview;
      checked: CheckedFile;
      choices: MappingChoices;
    }
  | { step: 'progress'; importId: string; outcome: ImportOutcome };

const STEPS = [
  { key: 'file', label: 'Choose a CSV file' },
  { key: 'mapping', label: 'Match the columns' },
  { key: 'review', label: 'Check the rows' },
  { key: 'progress', label: 'Import' },
] as const;

/** Choose a file, match its columns, check its rows, then follow the import to its result. */
export function ImportWizard({ initialKind }: { initialKind: ImportKind }) {
  const [state, setState] = useState<WizardState>({ step: 'file' });
  // Focus moves to a step's heading only once the person has moved on from the first one.
  const [moved, setMoved] = useState(false);
  const go = (next: WizardState) => {
    setMoved(true);
    setState(next);
  };

  const current = STEPS.findIndex((step) => step.key === state.step);
  return (
    <div className="grid gap-4">
      <ol aria-label="Import steps" className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {STEPS.map((step, i) => (
          <li
            key={step.key}
            aria-current={i === current ? 'step' : undefined}
            className={cn(
              'flex items-center gap-2',
              i === current ? 'font-medium text-foreground' : 'text-muted-foreground',
            )}
          >
            <span
              aria-hidden="true"
              className={cn(
                'flex size-6 items-center justify-center rounded-full border text-xs',
                i === current && 'border-primary bg-primary text-primary-foreground',
                i < current && 'border-primary',
              )}
            >
              {i + 1}
            </span>
            <span>
              <span className="sr-only">Step {i + 1}: </span>
              {step.label}
              {i < current ? <span className="sr-only"> (done)</span> : null}
            </span>
          </li>
        ))}
      </ol>

      {state.step === 'file' ? (
        <FileStep
          initialKind={state.kind ?? initialKind}
          focusOnMount={moved}
          onPreviewed={(file, preview) => go({ step: 'mapping', file, preview })}
        />
      ) : state.step === 'mapping' ? (
        <MappingStep
          file={state.file}
          preview={state.preview}
          initial={state.choices}
          focusOnMount={moved}
          onBack={() => go({ step: 'file', kind: state.file.kind })}
          onChecked={(checked, choices) =>
            go({ step: 'review', file: state.file, preview: state.preview, checked, choices })
          }
        />
      ) : state.step === 'review' ? (
        <ReviewStep
          file={state.file}
          checked={state.checked}
          mapping={state.choices.mapping}
          duplicates={state.choices.duplicates}
          focusOnMount={moved}
          onBack={() =>
            go({
              step: 'mapping',
              file: state.file,
              preview: state.preview,
              choices: state.choices,
            })
          }
          onStarted={(importId, outcome) => go({ step: 'progress', importId, outcome })}
        />
      ) : (
        <ProgressStep
          key={state.importId}
          importId={state.importId}
          outcome={state.outcome}
          focusOnMount={moved}
          onReset={() => go({ step: 'file' })}
        />
      )}
    </div>
  );
}
