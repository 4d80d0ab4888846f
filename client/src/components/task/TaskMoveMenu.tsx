import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { taskTransitionNeedsReason } from '@quorum/shared';
import type { TaskStatus } from '@quorum/shared';
import { useActionRunner } from '../meeting/useActionRunner';
import { moveKey } from './task-format';
import { ChangeTaskStatusDocument } from '../../generated/graphql';
import type { TaskRowFieldsFragment } from '../../generated/graphql';

/** Moves a task, and says in words what went wrong. */
export function useTaskMove(onMoved?: () => void) {
  const { busy, error, setError, run } = useActionRunner();
  const [changeStatus] = useMutation(ChangeTaskStatusDocument);
  const move = (task: TaskRowFieldsFragment, to: TaskStatus, reason?: string) =>
    run(async () => {
      await changeStatus({
        variables: {
          input: { taskId: task.id, to, expectedVersion: task.version, ...(reason ? { reason } : {}) },
        },
      });
      onMoved?.();
    });
  return { busy, error, setError, move };
}

interface TaskMoveMenuProps {
  task: TaskRowFieldsFragment;
  /** A move asked for elsewhere (a card dropped on a column) that needs its reason here. */
  pending?: TaskStatus | null;
  onPendingDone?: () => void;
  onMoved?: () => void;
  /** Buttons in a row (the task page) rather than a menu (a card). */
  inline?: boolean;
}

/**
 * The moves the server says the viewer may make now (`viewerCan.transitions`), nothing else: a menu on a
 * card, buttons on the task page. Reporting it blocked, cancelling and reopening ask for the reason, as the
 * workflow requires (`taskTransitionNeedsReason`).
 */
export function TaskMoveMenu({
  task,
  pending = null,
  onPendingDone,
  onMoved,
  inline = false,
}: TaskMoveMenuProps) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, setError, move } = useTaskMove(onMoved);
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState<TaskStatus | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const items = useRef<Array<HTMLButtonElement | null>>([]);
  const transitions = task.viewerCan.transitions;

  useEffect(() => {
    if (!pending) return;
    setAsking(pending);
    setReason('');
    setReasonError(null);
    onPendingDone?.();
  }, [pending, onPendingDone]);

  useEffect(() => {
    if (open) items.current[0]?.focus();
  }, [open]);

  // A press anywhere else closes the menu (not a blur: some browsers do not focus a button pressed).
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  if (transitions.length === 0) return null;

  const choose = (to: TaskStatus) => {
    setOpen(false);
    setError(null);
    if (taskTransitionNeedsReason(task.status, to)) {
      setAsking(to);
      setReason('');
      setReasonError(null);
      return;
    }
    void move(task, to);
    toggle.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = items.current.findIndex((item) => item === document.activeElement);
    const count = transitions.length;
    const targets: Record<string, number> = {
      ArrowDown: (current + 1) % count,
      ArrowUp: (current - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      toggle.current?.focus();
      return;
    }
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    items.current[target]?.focus();
  };

  const label = (to: TaskStatus) => t(`tasks.move.${moveKey(task.status, to)}`);

  return (
    <div
      className={inline ? 'task-move task-move--inline' : 'task-move'}
      data-testid="task-move"
      ref={container}
      // The menu closes when the keyboard's focus leaves it (a pointer elsewhere: see the effect above).
      onBlur={(event) => {
        const next = event.relatedTarget as Node | null;
        if (open && next && !event.currentTarget.contains(next)) setOpen(false);
      }}
    >
      {inline ? (
        <div className="task-move__buttons" role="group" aria-label={t('tasks.move.label')}>
          {transitions.map((to) => (
            <button
              key={to}
              type="button"
              className={`button ${taskTransitionNeedsReason(task.status, to) ? 'button--danger' : 'button--primary'}`}
              disabled={busy}
              aria-expanded={taskTransitionNeedsReason(task.status, to) ? asking === to : undefined}
              onClick={() => choose(to)}
              data-testid={`task-move-${to}`}
            >
              {label(to)}
            </button>
          ))}
        </div>
      ) : (
        <>
          <button
            ref={toggle}
            type="button"
            className="button button--small button--ghost task-move__toggle"
            aria-haspopup="menu"
            aria-expanded={open}
            aria-controls={`${id}-menu`}
            aria-label={t('tasks.move.menuFor', { title: task.title })}
            disabled={busy}
            onClick={() => setOpen((value) => !value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown' && !open) {
                event.preventDefault();
                setOpen(true);
              }
            }}
            data-testid="task-move-toggle"
          >
            {t('tasks.move.menu')} <span aria-hidden="true">▾</span>
          </button>
          {open && (
            <div
              id={`${id}-menu`}
              role="menu"
              className="task-move__menu"
              aria-label={t('tasks.move.label')}
              onKeyDown={onMenuKey}
            >
              {transitions.map((to, index) => (
                <button
                  key={to}
                  ref={(element) => {
                    items.current[index] = element;
                  }}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="task-move__item"
                  onClick={() => choose(to)}
                  data-testid={`task-move-${to}`}
                >
                  {label(to)}
                </button>
              ))}
            </div>
          )}
        </>
      )}
      {asking && (
        <form
          className="inline-form task-move__reason"
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) {
              setReasonError(t('tasks.move.reasonRequired'));
              return;
            }
            setReasonError(null);
            void move(task, asking, reason.trim()).then((ok) => {
              if (!ok) return;
              setAsking(null);
              setReason('');
            });
          }}
          data-testid="task-reason-form"
        >
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t(`tasks.move.reason.${moveKey(task.status, asking)}`)}</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              value={reason}
              autoFocus
              onChange={(event) => setReason(event.target.value)}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${id}-reason-error` : undefined}
            />
            {reasonError && (
              <p id={`${id}-reason-error`} className="field__error">
                {reasonError}
              </p>
            )}
          </div>
          <div className="inline-form__actions">
            <button type="submit" className="button button--danger button--small" disabled={busy}>
              {label(asking)}
            </button>
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => {
                setAsking(null);
                toggle.current?.focus();
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
