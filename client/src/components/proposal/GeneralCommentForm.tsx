import { useId, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useActionRunner } from '../meeting/useActionRunner';
import { MentionPicker } from './mentions';
import { AddAppraisalCommentDocument } from '../../generated/graphql';

/**
 * A comment on the proposal as a whole, with no passage. Also the keyboard's way to comment: a read-only
 * body has no caret to select a passage with (unless the browser's caret browsing is on).
 */
export function GeneralCommentForm({
  appraisalId,
  onChanged,
}: {
  appraisalId: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const { busy, error, run } = useActionRunner();
  const [addComment] = useMutation(AddAppraisalCommentDocument);

  if (!open)
    return (
      <button
        type="button"
        className="button button--small"
        onClick={() => setOpen(true)}
        data-testid="add-general-comment"
      >
        {t('proposals.comments.addGeneral')}
      </button>
    );
  return (
    <form
      className="comment-thread comment-thread--draft comment-general-form"
      onSubmit={(event) => {
        event.preventDefault();
        const text = body.trim();
        if (!text) {
          setFieldError(t('proposals.comments.bodyRequired'));
          return;
        }
        setFieldError(null);
        void run(async () => {
          await addComment({ variables: { input: { appraisalId, body: text } } });
          setBody('');
          setOpen(false);
          onChanged();
        });
      }}
    >
      <label htmlFor={`${id}-body`} className="comment__label">
        {t('proposals.comments.generalLabel')}
      </label>
      <textarea
        ref={textRef}
        id={`${id}-body`}
        rows={3}
        value={body}
        autoFocus
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
        }}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? `${id}-error` : undefined}
      />
      {fieldError && (
        <p id={`${id}-error`} className="field__error">
          {fieldError}
        </p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="inline-form__actions">
        <button type="submit" className="button button--small button--primary" disabled={busy}>
          {t('proposals.comments.send')}
        </button>
        <MentionPicker textarea={textRef} value={body} onChange={setBody} />
        <button type="button" className="button button--small button--ghost" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
