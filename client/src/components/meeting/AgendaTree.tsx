import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type {
  Announcements,
  DragEndEvent,
  DragMoveEvent,
  DragOverEvent,
  DragStartEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import type { MeetingStatus } from '@quorum/shared';
import { AGENDA_DEPTH } from '../../apollo/meeting-room.operations';
import { useLocale } from '../../hooks/useFormat';
import { formatMinutes } from '../../i18n/format';
import type { MeetingActions } from './actions';
import { AgendaItemBody } from './AgendaItemBody';
import {
  descendantIds,
  dropTarget,
  flattenAgenda,
  isNoop,
  keyboardTarget,
  planAgenda,
  type AgendaNode,
} from './agenda-tree';
import type { FlatItem, KeyboardMove, MoveTarget } from './agenda-tree';

/** Pixels of sideways drag per level of the tree (and of indentation on screen). */
const INDENT = 28;

interface AgendaTreeProps {
  roots: AgendaNode[];
  meetingStartsAt: string;
  meetingStatus: MeetingStatus;
  actions: MeetingActions;
  /** Present when the viewer may reorder: the agenda then has handles and move buttons. */
  onMove?: (target: MoveTarget) => void;
  /** A move is on its way to the server: no other move until it has landed. */
  moving: boolean;
}

const MOVES: Array<{ move: KeyboardMove; symbol: string }> = [
  { move: 'up', symbol: '↑' },
  { move: 'down', symbol: '↓' },
  { move: 'outdent', symbol: '←' },
  { move: 'indent', symbol: '→' },
];

export function AgendaTree({
  roots,
  meetingStartsAt,
  meetingStatus,
  actions,
  onMove,
  moving,
}: AgendaTreeProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const flat = useMemo(() => flattenAgenda(roots), [roots]);
  const plan = useMemo(() => planAgenda(roots, new Date(meetingStartsAt)), [roots, meetingStartsAt]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const [offsetLevels, setOffsetLevels] = useState(0);
  const list = useRef<HTMLOListElement>(null);
  const pendingFocus = useRef<{ id: string; move: KeyboardMove } | null>(null);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  // While an item is dragged its sub-items travel with it, out of sight.
  const hidden = useMemo(() => new Set(activeId ? descendantIds(flat, activeId) : []), [flat, activeId]);
  const visible = flat.filter((entry) => !hidden.has(entry.id));
  const projected =
    activeId && overId ? dropTarget(flat, activeId, overId, offsetLevels, AGENDA_DEPTH) : null;
  const depthOf = (entry: FlatItem): number => {
    if (entry.id !== activeId || !projected) return entry.depth;
    if (!projected.parentId) return 0;
    return (flat.find((candidate) => candidate.id === projected.parentId)?.depth ?? -1) + 1;
  };

  // After a keyboard move, the keyboard stays on the moved item (on the same button when it
  // can still be pressed), once the new order is on screen.
  useEffect(() => {
    const focus = pendingFocus.current;
    if (!focus || moving) return;
    const row = list.current?.querySelector<HTMLElement>(`[data-item-id="${focus.id}"]`);
    if (!row) return;
    pendingFocus.current = null;
    const button = row.querySelector<HTMLButtonElement>(`[data-move="${focus.move}"]`);
    const fallback = row.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)');
    (button && !button.disabled ? button : (fallback ?? row)).focus();
  }, [roots, moving]);

  const titleOf = (itemId: string | number | null | undefined) => {
    const entry = flat.find((candidate) => candidate.id === itemId);
    return entry ? `${entry.item.number} ${entry.item.title}` : '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('room.agenda.dnd.picked', { item: titleOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('room.agenda.dnd.over', { item: titleOf(active.id), over: titleOf(over.id) }) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? t('room.agenda.dnd.dropped', { item: titleOf(active.id), over: titleOf(over.id) }) : undefined,
    onDragCancel: ({ active }) => t('room.agenda.dnd.cancelled', { item: titleOf(active.id) }),
  };

  function reset() {
    setActiveId(null);
    setOverId(null);
    setOffsetLevels(0);
  }

  function onDragStart({ active }: DragStartEvent) {
    setActiveId(String(active.id));
    setOverId(String(active.id));
    setOffsetLevels(0);
  }

  function onDragMove({ delta }: DragMoveEvent) {
    setOffsetLevels(Math.round(delta.x / INDENT));
  }

  function onDragOver({ over }: DragOverEvent) {
    setOverId(over ? String(over.id) : null);
  }

  function onDragEnd({ active, over, delta }: DragEndEvent) {
    const target = over
      ? dropTarget(flat, String(active.id), String(over.id), Math.round(delta.x / INDENT), AGENDA_DEPTH)
      : null;
    reset();
    if (target && onMove && !isNoop(flat, target)) onMove(target);
  }

  function onKeyboardMove(entry: FlatItem, move: KeyboardMove) {
    const target = keyboardTarget(flat, entry.id, move, AGENDA_DEPTH);
    if (!target || !onMove) return;
    pendingFocus.current = { id: entry.id, move };
    onMove(target);
  }

  const rows = visible.map((entry) => {
    const time = plan.times.get(entry.id);
    return (
      <AgendaRow
        key={entry.id}
        entry={entry}
        depth={depthOf(entry)}
        sortable={!!onMove}
        dragging={entry.id === activeId}
        label={titleOf(entry.id)}
        moveButtons={
          onMove ? (
            <div
              className="agenda-row__moves"
              role="group"
              aria-label={t('room.agenda.moveGroup', { item: titleOf(entry.id) })}
            >
              {MOVES.map(({ move, symbol }) => {
                const possible = keyboardTarget(flat, entry.id, move, AGENDA_DEPTH) !== null;
                return (
                  <button
                    key={move}
                    type="button"
                    className="icon-button"
                    data-move={move}
                    disabled={!possible || moving}
                    aria-label={t(`room.agenda.move.${move}`, { item: titleOf(entry.id) })}
                    title={t(`room.agenda.moveShort.${move}`)}
                    onClick={() => onKeyboardMove(entry, move)}
                  >
                    <span aria-hidden="true">{symbol}</span>
                  </button>
                );
              })}
            </div>
          ) : null
        }
      >
        <AgendaItemBody
          item={entry.item}
          depth={entry.depth}
          time={time}
          meetingStatus={meetingStatus}
          actions={actions}
        />
      </AgendaRow>
    );
  });

  const listElement = (
    <ol
      ref={list}
      className="agenda"
      aria-describedby={onMove ? `${id}-help` : undefined}
      data-testid="agenda"
    >
      {rows}
    </ol>
  );

  return (
    <div className="agenda-tree">
      {onMove && (
        <p id={`${id}-help`} className="agenda-tree__help">
          {t('room.agenda.reorderHelp')}
        </p>
      )}
      {onMove ? (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragStart={onDragStart}
          onDragMove={onDragMove}
          onDragOver={onDragOver}
          onDragEnd={onDragEnd}
          onDragCancel={reset}
          accessibility={{
            announcements,
            screenReaderInstructions: { draggable: t('room.agenda.dnd.instructions') },
          }}
        >
          <SortableContext items={visible.map((entry) => entry.id)} strategy={verticalListSortingStrategy}>
            {listElement}
          </SortableContext>
        </DndContext>
      ) : (
        listElement
      )}
      <p className="agenda-total" data-testid="agenda-total">
        {t('room.agenda.total', { duration: formatMinutes(plan.totalMinutes, locale), count: flat.length })}
      </p>
    </div>
  );
}

interface AgendaRowProps {
  entry: FlatItem;
  depth: number;
  sortable: boolean;
  dragging: boolean;
  label: string;
  moveButtons: ReactNode;
  children: ReactNode;
}

function AgendaRow(props: AgendaRowProps) {
  return props.sortable ? <SortableAgendaRow {...props} /> : <StaticAgendaRow {...props} />;
}

function rowClass(entry: FlatItem, dragging: boolean): string {
  return [
    'agenda-row',
    `agenda-row--depth-${entry.depth}`,
    `agenda-row--${entry.item.status.toLowerCase()}`,
    dragging ? 'agenda-row--dragging' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function StaticAgendaRow({ entry, depth, children }: AgendaRowProps) {
  return (
    <li
      className={rowClass(entry, false)}
      style={{ '--depth': depth } as CSSProperties}
      data-item-id={entry.id}
      data-testid="agenda-item"
      id={`item-${entry.id}`}
      tabIndex={-1}
    >
      <div className="agenda-row__main">{children}</div>
    </li>
  );
}

function SortableAgendaRow({ entry, depth, dragging, label, moveButtons, children }: AgendaRowProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition } = useSortable({
    id: entry.id,
  });
  const style = {
    '--depth': depth,
    transform: CSS.Translate.toString(transform),
    transition,
  } as CSSProperties;
  return (
    <li
      ref={setNodeRef}
      className={rowClass(entry, dragging)}
      style={style}
      data-item-id={entry.id}
      data-testid="agenda-item"
      id={`item-${entry.id}`}
      tabIndex={-1}
    >
      <button
        ref={setActivatorNodeRef}
        type="button"
        className="drag-handle"
        {...attributes}
        {...listeners}
        aria-label={t('room.agenda.dragLabel', { item: label })}
        data-testid="drag-handle"
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <div className="agenda-row__main">{children}</div>
      {moveButtons}
    </li>
  );
}
