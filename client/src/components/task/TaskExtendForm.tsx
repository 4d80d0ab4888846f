import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../hooks/useOrganization';
import { useActionRunner } from '../meeting/useActionRunner';
import { dueDateToIso } from './task-format';
import { ExtendTaskDueDateDocument } from '../../generated/graphql';
import type { TaskFieldsFragment } from '../../generated/graphql';

/** The office gives an open task a later due day, with the reason; both go into its due-date history. */
export function TaskExtendForm({ task, onExtended }: { task: TaskFieldsFragment; onExtended: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const timeZone = useTimeZone();
  const { busy, error, setError, run } = useActionRunner();
  const [extend] = useMutation(ExtendTaskDueDateDocument);
  const [open, setOpen] = useState(false);
  const [dueDay, setDueDay] = useState('');
  const [reason, setReason] = useState('');

  if (!open)
    return (
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        data-testid="task-extend"
      >
        {t('tasks.extend.open')}
      </button>
    );

  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const dueAt = dueDateToIso(dueDay, timeZone);
        if (!dueAt || dueDay <= task.dueDate) {
          setError(t('tasks.extend.later'));
          return;
        }
        if (!reason.trim()) {
          setError(t('tasks.extend.reasonRequired'));
          return;
        }
        void run(async () => {
          await extend({
            variables: {
              input: { taskId: task.id, dueAt, reason: reason.trim(), expectedVersion: task.version },
            },
          });
          setOpen(false);
          setReason('');
          onExtended();
        });
      }}
      data-testid="task-extend-form"
    >
      <div className="field">
        <label htmlFor={`${id}-due`}>{t('tasks.extend.newDue')}</label>
        <input
          id={`${id}-due`}
          type="date"
          required
          min={task.dueDate}
          value={dueDay}
          autoFocus
          onChange={(event) => setDueDay(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('tasks.extend.reason')}</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          required
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {t('tasks.extend.submit')}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
