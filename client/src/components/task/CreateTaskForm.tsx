import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { limits, TaskPriority } from '@quorum/shared';
import { useTimeZone } from '../../hooks/useOrganization';
import { lengthRefusal } from '../CharacterCount';
import { useActionRunner } from '../meeting/useActionRunner';
import { AssigneeFields } from './AssigneeFields';
import { TaskDescriptionField, TaskPriorityField, TaskTitleField, todayIn } from './TaskFormFields';
import { dueDateToIso } from './task-format';
import { CreateTaskDocument } from '../../generated/graphql';
import type { TaskAssignableFieldsFragment, UnitFieldsFragment } from '../../generated/graphql';

interface CreateTaskFormProps {
  units: readonly UnitFieldsFragment[];
  people: readonly TaskAssignableFieldsFragment[];
}

/** The office assigns a task (TODO) to a unit, optionally to one of its members, due by a day. */
export function CreateTaskForm({ units, people }: CreateTaskFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const timeZone = useTimeZone();
  const { busy, error, run } = useActionRunner();
  const [createTask] = useMutation(CreateTaskDocument);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [assignee, setAssignee] = useState({ unitId: '', assigneeId: '' });
  const [dueDay, setDueDay] = useState('');
  const [priority, setPriority] = useState<TaskPriority>(TaskPriority.NORMAL);
  const [errors, setErrors] = useState<{ title?: string | null; unit?: string | null; due?: string | null }>(
    {},
  );

  const onSubmit = () => {
    const dueAt = dueDateToIso(dueDay, timeZone);
    const next = {
      title: !title.trim()
        ? t('tasks.form.titleRequired')
        : lengthRefusal('title', title.trim(), limits.titleMax, t),
      unit: assignee.unitId ? null : t('tasks.form.unitRequired'),
      due: dueAt ? null : t('tasks.form.dueRequired'),
    };
    setErrors(next);
    if (next.title || next.unit || next.due || !dueAt) return;
    void run(async () => {
      const result = await createTask({
        variables: {
          input: {
            title: title.trim(),
            ...(description.trim() ? { description: description.trim() } : {}),
            assigneeUnitId: assignee.unitId,
            ...(assignee.assigneeId ? { assigneeId: assignee.assigneeId } : {}),
            dueAt,
            priority,
          },
        },
      });
      const created = result.data?.createTask.task;
      if (created) void navigate(`/tasks/${created.id}`);
    });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel__title">
        {t('tasks.create.heading')}
      </h2>
      <form
        className="stack-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        data-testid="create-task-form"
      >
        <TaskTitleField id={`${id}-title`} value={title} onChange={setTitle} error={errors.title} />
        <TaskDescriptionField id={`${id}-description`} value={description} onChange={setDescription} />
        <AssigneeFields
          id={`${id}-assignee`}
          units={units}
          people={people}
          unitId={assignee.unitId}
          assigneeId={assignee.assigneeId}
          onChange={setAssignee}
          unitError={errors.unit}
        />
        <div className="field">
          <label htmlFor={`${id}-due`}>{t('tasks.form.due')}</label>
          <input
            id={`${id}-due`}
            type="date"
            required
            min={todayIn(timeZone)}
            value={dueDay}
            onChange={(event) => setDueDay(event.target.value)}
            aria-invalid={errors.due ? true : undefined}
            aria-describedby={errors.due ? `${id}-due-error` : undefined}
          />
          {errors.due && (
            <p id={`${id}-due-error`} className="field__error">
              {errors.due}
            </p>
          )}
        </div>
        <TaskPriorityField id={`${id}-priority`} value={priority} onChange={setPriority} />
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('common.saving') : t('tasks.create.submit')}
        </button>
      </form>
    </section>
  );
}
