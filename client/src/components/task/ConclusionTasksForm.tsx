import { useId, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { limits, MeetingStatus, TaskPriority, tasksPerCallMax } from '@quorum/shared';
import { useTimeZone } from '../../hooks/useOrganization';
import { useTaskDirectory } from '../../hooks/useTaskDirectory';
import { useTaskViewer } from '../../hooks/useTaskViewer';
import { lengthRefusal } from '../CharacterCount';
import { useActionRunner } from '../meeting/useActionRunner';
import { AssigneeFields } from './AssigneeFields';
import { TaskPriorityField, TaskTitleField, todayIn } from './TaskFormFields';
import { dueDateToIso } from './task-format';
import { CreateTasksFromConclusionDocument } from '../../generated/graphql';
import type { AgendaItemFieldsFragment } from '../../generated/graphql';

interface Row {
  key: number;
  title: string;
  unitId: string;
  assigneeId: string;
  dueDay: string;
  priority: TaskPriority;
}

type RowErrors = Partial<Record<'title' | 'unit' | 'due', string | null>>;

const blankRow = (key: number): Row => ({
  key,
  title: '',
  unitId: '',
  assigneeId: '',
  dueDay: '',
  priority: TaskPriority.NORMAL,
});

/**
 * On an agenda item with a conclusion, once the session is under way or over, the office turns the
 * conclusion into tasks: one or several rows, created together or not at all (`createTasksFromConclusion`).
 */
export function ConclusionTasks({
  item,
  meetingStatus,
}: {
  item: AgendaItemFieldsFragment;
  meetingStatus: MeetingStatus;
}) {
  const viewer = useTaskViewer();
  const held = meetingStatus === MeetingStatus.IN_PROGRESS || meetingStatus === MeetingStatus.CLOSED;
  if (!item.conclusion || !held || !viewer.canCreate) return null;
  return <ConclusionTasksForm item={item} />;
}

function ConclusionTasksForm({ item }: { item: AgendaItemFieldsFragment }) {
  const { t } = useTranslation();
  const id = useId();
  const { id: meetingId } = useParams();
  const timeZone = useTimeZone();
  const [open, setOpen] = useState(false);
  const directory = useTaskDirectory(!open);
  const { busy, error, run } = useActionRunner();
  const [create] = useMutation(CreateTasksFromConclusionDocument);
  const nextKey = useRef(1);
  const [rows, setRows] = useState<Row[]>([blankRow(0)]);
  const [errors, setErrors] = useState<Record<number, RowErrors>>({});
  const [created, setCreated] = useState<number | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  const change = (key: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const onSubmit = () => {
    const found: Record<number, RowErrors> = {};
    for (const row of rows) {
      const rowErrors: RowErrors = {
        title: !row.title.trim()
          ? t('tasks.form.titleRequired')
          : lengthRefusal('title', row.title.trim(), limits.titleMax, t),
        unit: row.unitId ? null : t('tasks.form.unitRequired'),
        due: dueDateToIso(row.dueDay, timeZone) ? null : t('tasks.form.dueRequired'),
      };
      if (rowErrors.title || rowErrors.unit || rowErrors.due) found[row.key] = rowErrors;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void run(async () => {
      const result = await create({
        variables: {
          input: {
            agendaItemId: item.id,
            tasks: rows.map((row) => ({
              title: row.title.trim(),
              assigneeUnitId: row.unitId,
              ...(row.assigneeId ? { assigneeId: row.assigneeId } : {}),
              dueAt: dueDateToIso(row.dueDay, timeZone) ?? '',
              priority: row.priority,
            })),
          },
        },
      });
      setCreated(result.data?.createTasksFromConclusion.tasks.length ?? rows.length);
      setRows([blankRow(nextKey.current++)]);
      setOpen(false);
      toggle.current?.focus();
    });
  };

  return (
    <div className="conclusion-tasks" data-print="hide" data-testid="conclusion-tasks">
      {created !== null && !open && (
        <p className="conclusion-tasks__done" role="status" data-testid="conclusion-tasks-created">
          {t('tasks.conclusion.created', { count: created })}{' '}
          <Link to={meetingId ? `/tasks?mode=table&meeting=${meetingId}` : '/tasks'}>
            {t('tasks.conclusion.see')}
          </Link>
        </p>
      )}
      <button
        ref={toggle}
        type="button"
        className="button button--small"
        aria-expanded={open}
        onClick={() => {
          setOpen((value) => !value);
          setCreated(null);
        }}
        data-testid="conclusion-tasks-open"
      >
        {t('tasks.conclusion.open')}
      </button>
      {open && (
        <form
          className="inline-form conclusion-tasks__form"
          noValidate
          aria-label={t('tasks.conclusion.label', { number: item.number })}
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
          data-testid="conclusion-tasks-form"
        >
          <ol className="conclusion-tasks__rows">
            {rows.map((row, index) => {
              const rowId = `${id}-${row.key}`;
              const rowErrors = errors[row.key] ?? {};
              return (
                <li key={row.key} className="conclusion-tasks__row" data-testid="conclusion-task-row">
                  <fieldset>
                    <legend>{t('tasks.conclusion.row', { number: index + 1 })}</legend>
                    <TaskTitleField
                      id={`${rowId}-title`}
                      value={row.title}
                      onChange={(title) => change(row.key, { title })}
                      error={rowErrors.title}
                    />
                    <AssigneeFields
                      id={rowId}
                      units={directory.units}
                      people={directory.people}
                      unitId={row.unitId}
                      assigneeId={row.assigneeId}
                      onChange={({ unitId, assigneeId }) => change(row.key, { unitId, assigneeId })}
                      unitError={rowErrors.unit}
                      compact
                    />
                    <div className="field">
                      <label htmlFor={`${rowId}-due`}>{t('tasks.form.due')}</label>
                      <input
                        id={`${rowId}-due`}
                        type="date"
                        required
                        min={todayIn(timeZone)}
                        value={row.dueDay}
                        onChange={(event) => change(row.key, { dueDay: event.target.value })}
                        aria-invalid={rowErrors.due ? true : undefined}
                        aria-describedby={rowErrors.due ? `${rowId}-due-error` : undefined}
                      />
                      {rowErrors.due && (
                        <p id={`${rowId}-due-error`} className="field__error">
                          {rowErrors.due}
                        </p>
                      )}
                    </div>
                    <TaskPriorityField
                      id={`${rowId}-priority`}
                      value={row.priority}
                      onChange={(priority) => change(row.key, { priority })}
                    />
                    {rows.length > 1 && (
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
                        data-testid="conclusion-task-remove"
                      >
                        {t('tasks.conclusion.remove', { number: index + 1 })}
                      </button>
                    )}
                  </fieldset>
                </li>
              );
            })}
          </ol>
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
          <div className="inline-form__actions">
            <button
              type="button"
              className="button button--small"
              disabled={rows.length >= tasksPerCallMax}
              onClick={() => setRows((current) => [...current, blankRow(nextKey.current++)])}
              data-testid="conclusion-task-add"
            >
              {t('tasks.conclusion.add')}
            </button>
            <button type="submit" className="button button--primary button--small" disabled={busy}>
              {busy ? t('common.saving') : t('tasks.conclusion.submit', { count: rows.length })}
            </button>
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => setOpen(false)}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
