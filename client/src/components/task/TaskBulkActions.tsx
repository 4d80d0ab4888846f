import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../hooks/useOrganization';
import { useActionRunner } from '../meeting/useActionRunner';
import { AssigneeFields } from './AssigneeFields';
import { dueDateToIso } from './task-format';
import { ExtendTasksDueDateDocument, ReassignTasksDocument } from '../../generated/graphql';
import type {
  TaskAssignableFieldsFragment,
  TaskRowFieldsFragment,
  UnitFieldsFragment,
} from '../../generated/graphql';

interface TaskBulkActionsProps {
  chosen: readonly TaskRowFieldsFragment[];
  units: readonly UnitFieldsFragment[];
  people: readonly TaskAssignableFieldsFragment[];
  onDone: () => void;
}

/**
 * The office's changes to several tasks at once: reassign them, or give them one later due date with the
 * reason. All or none: the server refuses the whole change if one task may not take it.
 */
export function TaskBulkActions({ chosen, units, people, onDone }: TaskBulkActionsProps) {
  const { t } = useTranslation();
  const id = useId();
  const timeZone = useTimeZone();
  const { busy, error, setError, run } = useActionRunner();
  const [mode, setMode] = useState<'reassign' | 'extend' | null>(null);
  const [assignee, setAssignee] = useState({ unitId: '', assigneeId: '' });
  const [dueDay, setDueDay] = useState('');
  const [reason, setReason] = useState('');
  const [reassign] = useMutation(ReassignTasksDocument);
  const [extend] = useMutation(ExtendTasksDueDateDocument);
  const taskIds = chosen.map((task) => task.id);
  const canReassign = chosen.length > 0 && chosen.every((task) => task.viewerCan.update);
  const canExtend = chosen.length > 0 && chosen.every((task) => task.viewerCan.extend);

  const finish = () => {
    setMode(null);
    setReason('');
    setDueDay('');
    onDone();
  };

  return (
    <section className="task-bulk" aria-label={t('tasks.bulk.label')} data-testid="task-bulk">
      <p className="task-bulk__count" role="status">
        {t('tasks.bulk.chosen', { count: chosen.length })}
      </p>
      <div className="task-bulk__buttons">
        <button
          type="button"
          className="button button--small"
          disabled={!canReassign}
          aria-expanded={mode === 'reassign'}
          onClick={() => {
            setError(null);
            setMode(mode === 'reassign' ? null : 'reassign');
          }}
          data-testid="bulk-reassign"
        >
          {t('tasks.bulk.reassign')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={!canExtend}
          aria-expanded={mode === 'extend'}
          onClick={() => {
            setError(null);
            setMode(mode === 'extend' ? null : 'extend');
          }}
          data-testid="bulk-extend"
        >
          {t('tasks.bulk.extend')}
        </button>
      </div>
      {chosen.length > 0 && !canExtend && <p className="field__hint">{t('tasks.bulk.someClosed')}</p>}
      {mode === 'reassign' && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!assignee.unitId) {
              setError(t('tasks.form.unitRequired'));
              return;
            }
            void run(async () => {
              await reassign({
                variables: {
                  input: {
                    taskIds,
                    assigneeUnitId: assignee.unitId,
                    assigneeId: assignee.assigneeId || null,
                  },
                },
              });
              finish();
            });
          }}
          data-testid="bulk-reassign-form"
        >
          <AssigneeFields
            id={`${id}-reassign`}
            units={units}
            people={people}
            unitId={assignee.unitId}
            assigneeId={assignee.assigneeId}
            onChange={setAssignee}
          />
          <div className="inline-form__actions">
            <button type="submit" className="button button--primary button--small" disabled={busy}>
              {t('tasks.bulk.reassignSubmit', { count: chosen.length })}
            </button>
          </div>
        </form>
      )}
      {mode === 'extend' && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const dueAt = dueDateToIso(dueDay, timeZone);
            if (!dueAt) {
              setError(t('tasks.form.dueRequired'));
              return;
            }
            if (!reason.trim()) {
              setError(t('tasks.extend.reasonRequired'));
              return;
            }
            void run(async () => {
              await extend({ variables: { input: { taskIds, dueAt, reason: reason.trim() } } });
              finish();
            });
          }}
          data-testid="bulk-extend-form"
        >
          <div className="field">
            <label htmlFor={`${id}-due`}>{t('tasks.extend.newDue')}</label>
            <input
              id={`${id}-due`}
              type="date"
              required
              value={dueDay}
              onChange={(e) => setDueDay(e.target.value)}
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
          <div className="inline-form__actions">
            <button type="submit" className="button button--primary button--small" disabled={busy}>
              {t('tasks.bulk.extendSubmit', { count: chosen.length })}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
