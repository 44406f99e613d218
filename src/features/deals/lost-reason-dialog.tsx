'use client';

import { useId, useState } from 'react';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { MAX_LOST_REASON_LENGTH } from '@/schemas/deals';

/**
 * Asks why a deal was lost before it moves into a lost stage. The reason is optional; closing
 * the dialog leaves the deal where it was.
 */
export function LostReasonDialog({
  dealTitle,
  stageName,
  open,
  onOpenChange,
  onConfirm,
}: {
  dealTitle: string;
  stageName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: (lostReason: string | null) => void;
}) {
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Move “${dealTitle}” to ${stageName}?`}
      description="The deal is then lost. Say why if you know, so the team can learn from it."
    >
      {/* Mounted only while open, so each move starts with an empty reason. */}
      <LostReasonForm
        stageName={stageName}
        onCancel={() => onOpenChange(false)}
        onConfirm={(reason) => {
          onOpenChange(false);
          onConfirm(reason);
        }}
      />
    </FormDialog>
  );
}

function LostReasonForm({
  stageName,
  onCancel,
  onConfirm,
}: {
  stageName: string;
  onCancel: () => void;
  onConfirm: (lostReason: string | null) => void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  return (
    <PostForm
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm(reason.trim() || null);
      }}
    >
      <div className="grid gap-2">
        <Label htmlFor={id}>Lost reason (optional)</Label>
        <Textarea
          id={id}
          name="lostReason"
          value={reason}
          maxLength={MAX_LOST_REASON_LENGTH}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <FormDialogActions
        pending={false}
        submitLabel={`Move to ${stageName}`}
        pendingLabel="Moving…"
        onCancel={onCancel}
      />
    </PostForm>
  );
}
