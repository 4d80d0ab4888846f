import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { limits, taskProgressMax } from '@quorum/shared';
import { REPORT_TASK_PROGRESS_MUTATION } from '../../apollo/task.operations';
import type { Task } from '../../apollo/task.types';
import { CharacterCount, lengthRefusal } from '../CharacterCount';
import { useActionRunner } from '../meeting/useActionRunner';

/** A progress report by the assignee unit: what was done and how far along it is (a TODO task starts). */
export function TaskReportForm({ task, onReported }: { task: Task; onReported: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useActionRunner();
  const [report] = useMutation(REPORT_TASK_PROGRESS_MUTATION);
  const [body, setBody] = useState('');
  const [progress, setProgress] = useState(String(task.progress));
  const [errors, setErrors] = useState<{ body?: string | null; progress?: string | null }>({});

  const onSubmit = () => {
    const value = Number(progress);
    const next = {
      body: !body.trim()
        ? t('tasks.report.bodyRequired')
        : lengthRefusal('body', body.trim(), limits.descriptionMax, t),
      progress:
        progress.trim() === '' || !Number.isInteger(value) || value < 0 || value > taskProgressMax
          ? t('tasks.report.progressRange', { max: taskProgressMax })
          : null,
    };
    setErrors(next);
    if (next.body || next.progress) return;
    void run(async () => {
      await report({ variables: { input: { taskId: task.id, body: body.trim(), progress: value } } });
      setBody('');
      onReported();
    });
  };

  return (
    <form
      className="stack-form task-report-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      aria-labelledby={`${id}-heading`}
      data-testid="task-report-form"
    >
      <h3 id={`${id}-heading`} className="task-page__subheading">
        {t('tasks.report.heading')}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('tasks.report.body')}</label>
        <textarea
          id={`${id}-body`}
          rows={3}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={`${id}-count${errors.body ? ` ${id}-body-error` : ''}`}
        />
        <CharacterCount id={`${id}-count`} length={body.length} max={limits.descriptionMax} />
        {errors.body && (
          <p id={`${id}-body-error`} className="field__error">
            {errors.body}
          </p>
        )}
      </div>
      <div className="field task-report-form__progress">
        <label htmlFor={`${id}-progress`}>{t('tasks.report.progress')}</label>
        <input
          id={`${id}-progress`}
          type="number"
          inputMode="numeric"
          min={0}
          max={taskProgressMax}
          step={5}
          value={progress}
          onChange={(event) => setProgress(event.target.value)}
          aria-invalid={errors.progress ? true : undefined}
          aria-describedby={errors.progress ? `${id}-progress-error` : undefined}
        />
        <input
          type="range"
          min={0}
          max={taskProgressMax}
          step={5}
          value={Number(progress) || 0}
          onChange={(event) => setProgress(event.target.value)}
          aria-hidden="true"
          tabIndex={-1}
        />
        {errors.progress && (
          <p id={`${id}-progress-error`} className="field__error">
            {errors.progress}
          </p>
        )}
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('common.saving') : t('tasks.report.submit')}
        </button>
      </div>
    </form>
  );
}
