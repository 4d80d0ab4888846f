import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { limits } from '@quorum/shared';
import { lengthRefusal } from '../CharacterCount';
import { useActionRunner } from '../meeting/useActionRunner';
import { AssigneeFields } from './AssigneeFields';
import { TaskDescriptionField, TaskPriorityField, TaskTitleField } from './TaskFormFields';
import { UpdateTaskDocument } from '../../generated/graphql';
import type {
  TaskAssignableFieldsFragment,
  TaskFieldsFragment,
  UnitFieldsFragment,
} from '../../generated/graphql';

interface TaskEditFormProps {
  task: TaskFieldsFragment;
  units: readonly UnitFieldsFragment[];
  people: readonly TaskAssignableFieldsFragment[];
  onDone: () => void;
}

/**
 * The office edits a task's details (status, due date and progress have their own actions, which keep their
 * history). Saved against the version it was opened on: a colleague's change in between is a CONFLICT.
 */
export function TaskEditForm({ task, units, people, onDone }: TaskEditFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useActionRunner();
  const [update] = useMutation(UpdateTaskDocument);
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description ?? '');
  const [assignee, setAssignee] = useState({
    unitId: task.assigneeUnit.id,
    assigneeId: task.assignee?.id ?? '',
  });
  const [priority, setPriority] = useState(task.priority);
  const [titleError, setTitleError] = useState<string | null>(null);

  return (
    <form
      className="inline-form stack-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const refusal = !title.trim()
          ? t('tasks.form.titleRequired')
          : lengthRefusal('title', title.trim(), limits.titleMax, t);
        setTitleError(refusal);
        if (refusal) return;
        void run(async () => {
          await update({
            variables: {
              input: {
                id: task.id,
                expectedVersion: task.version,
                title: title.trim(),
                description: description.trim() || null,
                priority,
                ...(assignee.unitId !== task.assigneeUnit.id ? { assigneeUnitId: assignee.unitId } : {}),
                assigneeId: assignee.assigneeId || null,
              },
            },
          });
          onDone();
        });
      }}
      data-testid="task-edit-form"
    >
      <TaskTitleField id={`${id}-title`} value={title} onChange={setTitle} error={titleError} />
      <TaskDescriptionField id={`${id}-description`} value={description} onChange={setDescription} />
      <AssigneeFields
        id={`${id}-assignee`}
        units={units}
        people={people}
        unitId={assignee.unitId}
        assigneeId={assignee.assigneeId}
        onChange={setAssignee}
      />
      <TaskPriorityField id={`${id}-priority`} value={priority} onChange={setPriority} />
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
