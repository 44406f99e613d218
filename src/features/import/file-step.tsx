'use client';

import { useId, useState } from 'react';
import { PostForm } from '@/components/post-form';
import { SubmitButton } from '@/components/submit-button';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { describeError } from '@/lib/server-errors';
import { SelectField } from '@/components/select-field';
import { SelectItem } from '@/components/ui/select';
import { IMPORT_KINDS, MAX_IMPORT_BYTES, type ImportKind } from '@/schemas/imports';
import { api, type RouterOutputs } from '@/trpc/react';
import { downloadCsv } from './csv-file';
import { formatBytes, KIND_WORDS } from './mapping';
import { SAMPLE_CSV } from './samples';
import { StepCard } from './step-card';

export type ImportPreview = RouterOutputs['imports']['preview'];

export interface ChosenFile {
  kind: ImportKind;
  name: string;
  csv: string;
}

const KIND_LABELS: Record<ImportKind, string> = {
  customers: 'Customers (people)',
  companies: 'Companies',
  deals: 'Deals',
};

/** Why a file cannot be read, or null when it can. */
function fileProblem(file: File | null): string | null {
  if (!file) return 'Choose a CSV file first.';
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > MAX_IMPORT_BYTES) {
    return `“${file.name}” is ${formatBytes(file.size)}; a file can be at most ${formatBytes(
      MAX_IMPORT_BYTES,
    )}. Split it into several files and import them one by one.`;
  }
  return null;
}

/** Step 1: say what to import, choose a file, read it, and let the server preview it. */
export function FileStep({
  initialKind,
  focusOnMount,
  onPreviewed,
}: {
  initialKind: ImportKind;
  focusOnMount: boolean;
  onPreviewed: (file: ChosenFile, preview: ImportPreview) => void;
}) {
  const inputId = useId();
  const [kind, setKind] = useState(initialKind);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const preview = api.imports.preview.useMutation();
  const busy = reading || preview.isPending;

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = fileProblem(file);
    if (problem || !file) {
      setError(problem);
      return;
    }
    setError(null);
    setReading(true);
    let csv: string;
    try {
      csv = await file.text();
    } catch {
      setError(`“${file.name}” could not be read. Check that it is a text file and try again.`);
      return;
    } finally {
      setReading(false);
    }
    preview.mutate(
      { kind, csv },
      {
        onSuccess: (result) => onPreviewed({ kind, name: file.name, csv }, result),
        onError: (failure) =>
          setError(`“${file.name}” cannot be imported: ${describeError(failure)}`),
      },
    );
  }

  const describedBy = [`${inputId}-hint`, error ? `${inputId}-error` : null]
    .filter(Boolean)
    .join(' ');

  return (
    <StepCard
      title="Choose a CSV file"
      description="A spreadsheet saved as CSV, with the column names in its first row."
      focusOnMount={focusOnMount}
    >
      <PostForm onSubmit={(event) => void submit(event)}>
        <SelectField
          className="max-w-md"
          label="What the file holds"
          name="kind"
          value={kind}
          disabled={busy}
          onValueChange={(next) => {
            const chosen = IMPORT_KINDS.find((candidate) => candidate === next);
            if (chosen) setKind(chosen);
          }}
          hint={`One ${KIND_WORDS[kind].one} a row.`}
        >
          {IMPORT_KINDS.map((option) => (
            <SelectItem key={option} value={option}>
              {KIND_LABELS[option]}
            </SelectItem>
          ))}
        </SelectField>
        <div className="grid max-w-md gap-2">
          <Label htmlFor={inputId}>CSV file</Label>
          <Input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            className="h-auto py-1.5 file:mr-3 file:rounded-sm file:border-0 file:bg-secondary file:px-2 file:py-1 file:text-sm file:font-medium file:text-secondary-foreground"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            disabled={busy}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              setError(chosen ? fileProblem(chosen) : null);
              preview.reset();
            }}
          />
          <p id={`${inputId}-hint`} className="text-xs text-muted-foreground">
            At most {formatBytes(MAX_IMPORT_BYTES)} and 10,000 rows. Nothing is imported until you
            have matched the columns and checked the rows.
          </p>
          {error ? (
            <p id={`${inputId}-error`} role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <SubmitButton pending={busy} pendingLabel="Reading the file…">
            Read the file
          </SubmitButton>
          <Button
            type="button"
            variant="outline"
            aria-describedby={`${inputId}-sample`}
            onClick={() => downloadCsv(SAMPLE_CSV[kind].filename, SAMPLE_CSV[kind].csv)}
          >
            Download a sample
          </Button>
          <span id={`${inputId}-sample`} className="text-xs text-muted-foreground">
            A small file of {KIND_WORDS[kind].many} with the columns this import reads.
          </span>
        </div>
      </PostForm>
    </StepCard>
  );
}
