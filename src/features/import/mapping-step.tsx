'use client';

import { useId, useState } from 'react';
import { toast } from '@/lib/toast';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { SelectField } from '@/components/select-field';
import { SubmitButton } from '@/components/submit-button';
import { Button } from '@/components/ui/button';
import { SelectItem } from '@/components/ui/select';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import { PostForm } from '@/components/post-form';
import { describeError } from '@/lib/server-errors';
import {
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  type ImportField,
  type ImportKind,
} from '@/schemas/imports';
import { api } from '@/trpc/react';
import type { ChosenFile, ImportPreview } from './file-step';
import {
  DUPLICATE_RULE,
  initialChoices,
  KIND_WORDS,
  isColumnChoice,
  mappingProblems,
  NOT_IMPORTED,
  toMapping,
  type DuplicatePolicy,
} from './mapping';
import type { CheckedFile } from './review-step';
import { StepCard } from './step-card';

const numberFormat = new Intl.NumberFormat();

/** The choices a person made, kept when they come back from checking the rows. */
export interface MappingChoices {
  mapping: Record<string, ImportField>;
  duplicates: DuplicatePolicy;
}

/** Step 2: say which field each column holds, and what to do with records already there. */
export function MappingStep({
  file,
  preview,
  initial,
  focusOnMount,
  onBack,
  onChecked,
}: {
  file: ChosenFile;
  preview: ImportPreview;
  initial?: MappingChoices;
  focusOnMount: boolean;
  onBack: () => void;
  onChecked: (checked: CheckedFile, choices: MappingChoices) => void;
}) {
  const [choices, setChoices] = useState(() =>
    initialChoices(preview.headers, initial?.mapping ?? preview.suggestedMapping),
  );
  const [duplicates, setDuplicates] = useState<DuplicatePolicy>(initial?.duplicates ?? 'skip');
  const [attempted, setAttempted] = useState(false);
  const problems = mappingProblems(choices, file.kind);
  const check = api.imports.check.useMutation({
    onError: (error) => toast.error(`The rows could not be checked: ${describeError(error)}`),
  });

  function choose(header: string, value: string) {
    if (!isColumnChoice(file.kind, value)) return;
    setChoices((current) => new Map(current).set(header, value));
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    if (problems.length > 0) return;
    const mapping = toMapping(choices);
    check.mutate(
      { kind: file.kind, csv: file.csv, mapping },
      { onSuccess: (checked) => onChecked(checked, { mapping, duplicates }) },
    );
  }

  const rows = preview.rowCount;
  return (
    <StepCard
      title="Match the columns"
      description={
        <>
          <span className="font-medium text-foreground">{file.name}</span> has{' '}
          {rows === 1 ? '1 row' : `${numberFormat.format(rows)} rows`}. Choose the{' '}
          {KIND_WORDS[file.kind].one} field each column holds; columns you do not need can stay out.
        </>
      }
      focusOnMount={focusOnMount}
    >
      <SampleTable preview={preview} />

      <PostForm className="grid-cols-1 gap-6" onSubmit={submit}>
        <ColumnChoices
          kind={file.kind}
          headers={preview.headers}
          choices={choices}
          onChoose={choose}
        />
        {file.kind === 'deals' ? <DealDefaults /> : null}
        <DuplicatesField kind={file.kind} value={duplicates} onChange={setDuplicates} />

        {attempted && problems.length > 0 ? (
          <Alert variant="destructive">
            <AlertTitle>The columns are not matched yet</AlertTitle>
            <AlertDescription>
              <ul className="list-disc pl-4">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </AlertDescription>
          </Alert>
        ) : null}

        <div className="flex flex-wrap gap-2">
          <SubmitButton
            pending={check.isPending}
            pendingLabel="Checking the rows…"
            disabled={rows === 0}
          >
            Check the rows
          </SubmitButton>
          <Button type="button" variant="outline" onClick={onBack} disabled={check.isPending}>
            Choose another file
          </Button>
        </div>
      </PostForm>
    </StepCard>
  );
}

/** The first rows of the file as they were read, or why there is nothing to import. */
function SampleTable({ preview }: { preview: ImportPreview }) {
  if (preview.sample.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        The file has column names but no rows, so there is nothing to import.
      </p>
    );
  }
  return (
    <div className="rounded-lg border">
      <Table>
        <TableCaption className="mb-2">
          {preview.sample.length === 1
            ? 'The first row of the file'
            : `The first ${preview.sample.length} rows of the file`}
        </TableCaption>
        <TableHeader>
          <TableRow>
            {preview.headers.map((header, i) => (
              <TableHead key={i}>{header}</TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {preview.sample.map((row, r) => (
            <TableRow key={r}>
              {preview.headers.map((header, i) => {
                const value = Object.hasOwn(row, header) ? row[header] : undefined;
                return (
                  <TableCell key={i} className="max-w-48 truncate" title={value}>
                    {value || <span className="text-muted-foreground">—</span>}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** One select per column of the file: the field it holds, or none. */
function ColumnChoices({
  kind,
  headers,
  choices,
  onChoose,
}: {
  kind: ImportKind;
  headers: string[];
  choices: ReadonlyMap<string, string>;
  onChoose: (header: string, value: string) => void;
}) {
  const baseId = useId();
  return (
    <fieldset className="grid gap-4">
      <legend className="mb-2 text-sm font-medium">
        {KIND_WORDS[kind].one[0]!.toUpperCase() + KIND_WORDS[kind].one.slice(1)} field for each
        column
      </legend>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {headers.map((header, i) => {
          const triggerId = `${baseId}-column-${i}`;
          const name = header || `Column ${i + 1}`;
          return (
            <SelectField
              key={i}
              id={triggerId}
              name={triggerId}
              label={name}
              labelClassName="truncate"
              accessibleName={`Field for column ${name}`}
              value={choices.get(header) ?? NOT_IMPORTED}
              onValueChange={(value) => onChoose(header, value)}
            >
              <SelectItem value={NOT_IMPORTED}>Do not import</SelectItem>
              {IMPORT_FIELDS[kind].map((field) => (
                <SelectItem key={field} value={field}>
                  {IMPORT_FIELD_LABELS[field]}
                </SelectItem>
              ))}
            </SelectField>
          );
        })}
      </div>
    </fieldset>
  );
}

/** How deal rows read names: what each name must match, and what is assumed when it is blank. */
function DealDefaults() {
  return (
    <ul className="grid list-disc gap-1 pl-5 text-sm text-muted-foreground">
      <li>
        Pipelines and stages are matched by name; a row without them starts in the first open stage
        of the default pipeline.
      </li>
      <li>
        Amounts are in the currency&apos;s units (12,000.50); a row without a currency is in the
        currency most of your deals use.
      </li>
      <li>
        People are matched by e-mail address (several separated by semicolons), owners by their
        e-mail address; a company that does not exist yet is created.
      </li>
    </ul>
  );
}

/** What to do with a row that matches a record the organization already has. */
function DuplicatesField({
  kind,
  value,
  onChange,
}: {
  kind: ImportKind;
  value: DuplicatePolicy;
  onChange: (value: DuplicatePolicy) => void;
}) {
  return (
    <SelectField
      className="max-w-sm"
      label={DUPLICATE_RULE[kind].question}
      name="duplicates"
      value={value}
      onValueChange={(next) => {
        if (next === 'skip' || next === 'update') onChange(next);
      }}
      hint={DUPLICATE_RULE[kind][value]}
    >
      <SelectItem value="skip">Skip the row</SelectItem>
      <SelectItem value="update">Update the {KIND_WORDS[kind].one}</SelectItem>
    </SelectField>
  );
}
