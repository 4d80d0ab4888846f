import { lazy, Suspense, useContext, useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AgendaItemStatus, ErrorCode, limits, VoteOutcome } from '@quorum/shared';
import { inputRefusalText } from '../../apollo/input-error';
import { AGENDA_DEPTH } from '../../apollo/meeting-room.operations';
import { CharacterCount, lengthRefusal } from '../CharacterCount';
import { ErrorState, LoadingState } from '../LoadState';
import type { AgendaItemDraft, MeetingActions, VoteInput } from './actions';
import type { AgendaNote } from './AgendaNoteEditor';
import { PresenceContext } from './presence-context';
import { discussionWarning, OpenItemsContext } from './session-warnings';
import { useActionRunner } from './useActionRunner';
import type { AgendaItemFieldsFragment } from '../../generated/graphql';

type Mode = 'conclusion' | 'vote' | 'edit' | 'add' | 'remove';

/** The notes' editor (TipTap, Yjs, IndexedDB) is loaded when one is opened, not with the room. */
const AgendaNoteEditor = lazy(() =>
  import('./AgendaNoteEditor').then(
    (module) => ({ default: module.AgendaNoteEditor }),
    (error: unknown) => ({
      default: function AgendaNoteEditorMissing() {
        const { t } = useTranslation();
        return <ErrorState testId="agenda-note-error" message={t('room.note.loadError')} error={error} />;
      },
    }),
  ),
);

/** An item's co-edited note, with a word while its editor loads. */
function NoteEditor({
  item,
  depth,
  note,
  autoFocus,
}: {
  item: AgendaItemFieldsFragment;
  depth: number;
  note: AgendaNote;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<LoadingState label={t('room.note.loading')} testId="agenda-note-loading" />}>
      <AgendaNoteEditor
        itemId={item.id}
        note={note}
        headingLevel={depth === 0 ? 4 : 5}
        autoFocus={autoFocus}
      />
    </Suspense>
  );
}

/** The word on the button that moves an item to a status. */
const STATUS_VERB: Record<AgendaItemStatus, string> = {
  [AgendaItemStatus.PENDING]: 'reopen',
  [AgendaItemStatus.IN_DISCUSSION]: 'discuss',
  [AgendaItemStatus.CONCLUDED]: 'conclude',
  [AgendaItemStatus.DEFERRED]: 'defer',
  [AgendaItemStatus.WITHDRAWN]: 'withdraw',
};

const PRIMARY_STATUSES = new Set([AgendaItemStatus.IN_DISCUSSION, AgendaItemStatus.CONCLUDED]);

interface AgendaItemControlsProps {
  item: AgendaItemFieldsFragment;
  depth: number;
  actions: MeetingActions;
}

/** What the viewer may change on one item; nothing at all when they may change nothing. */
export function AgendaItemControls({ item, depth, actions }: AgendaItemControlsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<Mode | null>(null);
  const [moreOpen, setMoreOpen] = useState(false);
  const { busy, error, conflict, setError, run } = useActionRunner();
  // A form's save acts on the item as it is when the save runs, not as it was when the form opened:
  // after a CONFLICT the room is reloaded and the same input can be applied again to the new version.
  const latest = useRef(item);
  useEffect(() => {
    latest.current = item;
  });
  const lastSave = useRef<(() => void) | null>(null);
  const openItems = useContext(OpenItemsContext);
  // A status that asks to be pressed again, with why.
  const [confirming, setConfirming] = useState<{ status: AgendaItemStatus; warning: string } | null>(null);
  // The others see that this item is being edited while one of its forms is open (adding a child is not
  // editing it).
  const { setEditing } = useContext(PresenceContext);
  const editingHere = mode === 'conclusion' || mode === 'vote' || mode === 'edit';
  useEffect(() => {
    if (!editingHere) return undefined;
    setEditing(item.id);
    return () => setEditing(null);
  }, [editingHere, item.id, setEditing]);

  // The button that opened each form, to return to when it closes.
  const openers = useRef<Partial<Record<Mode, HTMLButtonElement | null>>>({});

  const { setItemStatus, recordVote, addItem, confirmPresenter } = actions;
  const statuses = setItemStatus ? actions.itemTransitions(item) : [];
  const canConclude = actions.canConclude(item);
  const canVote = !!recordVote && actions.canVote(item);
  const canAdd = !!addItem && depth < AGENDA_DEPTH - 1;
  const editable = actions.canEdit(item);
  const editItem = editable ? actions.editItem : undefined;
  const removeItem = editable ? actions.removeItem : undefined;
  const canConfirm = !!confirmPresenter && actions.canConfirmPresenter(item) && !item.presenterConfirmedAt;
  if (statuses.length === 0 && !canConclude && !canVote && !editItem && !removeItem && !canAdd && !canConfirm)
    return null;

  const open = (next: Mode | null) => {
    setError(null);
    setMode(next);
  };
  /** Closes the open form and puts the keyboard back on the button that opened it. */
  const close = () => {
    const opener = mode ? openers.current[mode] : null;
    open(null);
    opener?.focus();
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !mode) return;
    event.preventDefault();
    close();
  };
  const save = (action: (current: AgendaItemFieldsFragment) => Promise<void>) => {
    lastSave.current = () => void run(() => action(latest.current)).then((ok) => ok && close());
    lastSave.current();
  };
  const label = `${item.number} ${item.title}`;
  // What the session moves through is at hand; the rest waits behind "More".
  const primary = statuses.filter((status) => PRIMARY_STATUSES.has(status));
  const secondary = statuses.filter((status) => !PRIMARY_STATUSES.has(status));
  const hasMore = secondary.length > 0 || canConfirm || !!editItem || canAdd || !!removeItem;
  const statusButton = (status: AgendaItemStatus, main: boolean) =>
    setItemStatus && (
      <button
        key={status}
        type="button"
        className={`button button--small${main ? ' button--primary' : ''}`}
        disabled={busy}
        onClick={() => {
          const warning =
            status === AgendaItemStatus.IN_DISCUSSION ? discussionWarning(t, openItems, item.id) : null;
          if (warning && confirming?.status !== status) {
            setConfirming({ status, warning });
            return;
          }
          setConfirming(null);
          void run(() => setItemStatus(item, status));
        }}
        aria-label={t(`room.item.status.${STATUS_VERB[status]}Label`, { item: label })}
        aria-describedby={confirming?.status === status ? `${id}-confirming` : undefined}
      >
        {t(`room.item.status.${STATUS_VERB[status]}`)}
      </button>
    );

  return (
    <div className="item-controls" data-print="hide" onKeyDown={closeOnEscape}>
      <div className="item-controls__buttons">
        {primary.map((status) => statusButton(status, true))}
        {canConclude && (
          <button
            type="button"
            className="button button--small"
            ref={(button) => {
              openers.current.conclusion = button;
            }}
            aria-expanded={mode === 'conclusion'}
            onClick={() => open(mode === 'conclusion' ? null : 'conclusion')}
            aria-label={t(
              item.conclusion ? 'room.item.editConclusionLabel' : 'room.item.addConclusionLabel',
              { item: label },
            )}
          >
            {item.conclusion ? t('room.item.editConclusion') : t('room.item.addConclusion')}
          </button>
        )}
        {canVote && (
          <button
            type="button"
            className="button button--small"
            ref={(button) => {
              openers.current.vote = button;
            }}
            aria-expanded={mode === 'vote'}
            onClick={() => open(mode === 'vote' ? null : 'vote')}
            aria-label={t('room.item.recordVoteLabel', { item: label })}
          >
            {t('room.item.recordVote')}
          </button>
        )}
        {hasMore && (
          <button
            type="button"
            className="button button--small button--ghost"
            aria-expanded={moreOpen}
            aria-controls={`${id}-more`}
            onClick={() => setMoreOpen((value) => !value)}
            aria-label={t('room.item.moreLabel', { item: label })}
            data-testid="item-more"
          >
            {t('room.item.more')} <span aria-hidden="true">{moreOpen ? '▴' : '▾'}</span>
          </button>
        )}
      </div>
      {confirming && (
        <p
          id={`${id}-confirming`}
          className="alert alert--warning"
          role="status"
          data-testid="item-status-warning"
        >
          {confirming.warning}{' '}
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => setConfirming(null)}
          >
            {t('common.cancel')}
          </button>
        </p>
      )}
      {hasMore && moreOpen && (
        <div id={`${id}-more`} className="item-controls__buttons item-controls__more">
          {secondary.map((status) => statusButton(status, false))}
          {canConfirm && confirmPresenter && (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => void run(() => confirmPresenter(item))}
              aria-label={t('room.item.confirmPresenterLabel', { item: label })}
            >
              {t('room.item.confirmPresenter')}
            </button>
          )}
          {editItem && (
            <button
              type="button"
              className="button button--small"
              ref={(button) => {
                openers.current.edit = button;
              }}
              aria-expanded={mode === 'edit'}
              onClick={() => open(mode === 'edit' ? null : 'edit')}
              aria-label={t('room.item.editLabel', { item: label })}
            >
              {t('room.item.edit')}
            </button>
          )}
          {canAdd && (
            <button
              type="button"
              className="button button--small"
              ref={(button) => {
                openers.current.add = button;
              }}
              aria-expanded={mode === 'add'}
              onClick={() => open(mode === 'add' ? null : 'add')}
              aria-label={t('room.item.addChildLabel', { item: label })}
            >
              {t('room.item.addChild')}
            </button>
          )}
          {removeItem && (
            <button
              type="button"
              className="button button--small button--danger"
              ref={(button) => {
                openers.current.remove = button;
              }}
              aria-expanded={mode === 'remove'}
              onClick={() => open(mode === 'remove' ? null : 'remove')}
              aria-label={t('room.item.removeLabel', { item: label })}
            >
              {t('room.item.remove')}
            </button>
          )}
        </div>
      )}

      {mode === 'conclusion' && canConclude && (
        <div
          className="inline-form"
          role="group"
          aria-label={t('room.note.conclusionLabel', { item: label })}
        >
          <NoteEditor item={item} depth={depth} note="conclusion" autoFocus />
          <p className="field__hint">{t('room.note.conclusionHint')}</p>
          <div className="inline-form__actions">
            <button
              type="button"
              className="button button--primary button--small"
              onClick={close}
              data-testid="agenda-note-done"
            >
              {t('room.note.done')}
            </button>
          </div>
        </div>
      )}
      {mode === 'vote' && recordVote && (
        <VoteForm
          initial={item.vote}
          busy={busy}
          onCancel={close}
          onSave={(vote) => save((current) => recordVote(current, vote))}
        />
      )}
      {mode === 'edit' && editItem && (
        <ItemForm
          initial={{ title: item.title, durationMinutes: item.durationMinutes, description: null }}
          descriptionNote={<NoteEditor item={item} depth={depth} note="description" />}
          submitLabel={t('common.save')}
          busy={busy}
          onCancel={close}
          onSave={({ title, durationMinutes }) =>
            save((current) => editItem(current, { title, durationMinutes }))
          }
        />
      )}
      {mode === 'add' && addItem && (
        <ItemForm
          initial={{ title: '', durationMinutes: null, description: null }}
          submitLabel={t('room.item.addChild')}
          busy={busy}
          onCancel={close}
          onSave={(draft) => void run(() => addItem(item.id, draft)).then((ok) => ok && close())}
        />
      )}
      {mode === 'remove' && removeItem && (
        <div className="confirm" role="group" aria-label={t('room.item.removeConfirm', { item: label })}>
          <p>{t('room.item.removeConfirm', { item: label })}</p>
          <button
            type="button"
            className="button button--small button--danger"
            disabled={busy}
            onClick={() => void run(() => removeItem(item))}
          >
            {t('room.item.removeYes')}
          </button>{' '}
          <button type="button" className="button button--small" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p className="field__error" role="alert" data-testid="item-error">
          {error}
        </p>
      )}
      {conflict && (mode === 'vote' || mode === 'edit') && (
        <div
          className="alert alert--warning"
          role="group"
          aria-label={t('room.item.conflictLabel', { item: label })}
        >
          <p data-testid="item-conflict-theirs">
            {t('room.item.conflictNow')} <TheirVersion item={item} mode={mode} />
          </p>
          <button
            type="button"
            className="button button--small button--primary"
            disabled={busy}
            onClick={() => lastSave.current?.()}
            data-testid="item-conflict-reapply"
          >
            {t('room.item.conflictReapply')}
          </button>{' '}
          <button type="button" className="button button--small" onClick={close}>
            {t('room.item.conflictKeepTheirs')}
          </button>
        </div>
      )}
    </div>
  );
}

/** What the other person's change left in the field the form edits, for the person to compare. */
function TheirVersion({ item, mode }: { item: AgendaItemFieldsFragment; mode: 'vote' | 'edit' }) {
  const { t } = useTranslation();
  if (mode === 'vote') {
    const vote = item.vote;
    return (
      <q>
        {vote
          ? `${t('room.vote.for')} ${vote.votesFor}, ${t('room.vote.against')} ${vote.votesAgainst}, ${t('room.vote.abstain')} ${vote.abstentions}: ${t(`enums.voteOutcome.${vote.outcome}`)}`
          : '—'}
      </q>
    );
  }
  return <q>{`${item.title} (${item.durationMinutes ?? '—'}′)`}</q>;
}

function VoteForm({
  initial,
  busy,
  onSave,
  onCancel,
}: {
  initial: VoteInput | null;
  busy: boolean;
  onSave: (vote: VoteInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [votesFor, setFor] = useState(String(initial?.votesFor ?? 0));
  const [votesAgainst, setAgainst] = useState(String(initial?.votesAgainst ?? 0));
  const [abstentions, setAbstentions] = useState(String(initial?.abstentions ?? 0));
  const [outcome, setOutcome] = useState<VoteOutcome>(initial?.outcome ?? VoteOutcome.ADOPTED);
  const count = (value: string) => Math.max(0, Math.floor(Number(value) || 0));
  const number = (name: string, value: string, set: (value: string) => void, label: string) => (
    <div className="field field--compact">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
        value={value}
        onChange={(event) => set(event.target.value)}
      />
    </div>
  );
  return (
    <form
      className="inline-form inline-form--row"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSave({
          votesFor: count(votesFor),
          votesAgainst: count(votesAgainst),
          abstentions: count(abstentions),
          outcome,
        });
      }}
    >
      {number('for', votesFor, setFor, t('room.vote.for'))}
      {number('against', votesAgainst, setAgainst, t('room.vote.against'))}
      {number('abstain', abstentions, setAbstentions, t('room.vote.abstain'))}
      <div className="field field--compact">
        <label htmlFor={`${id}-outcome`}>{t('room.vote.outcome')}</label>
        <select
          id={`${id}-outcome`}
          value={outcome}
          onChange={(event) => setOutcome(event.target.value as VoteOutcome)}
        >
          {Object.values(VoteOutcome).map((value) => (
            <option key={value} value={value}>
              {t(`enums.voteOutcome.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * An item's title, length and description, to add it or edit it. An existing item's description is its
 * co-edited note (`descriptionNote`), which saves itself: the form then sends the title and length only
 * (`description` null). A new item's description is a plain field, the note's first text.
 */
export function ItemForm({
  initial,
  descriptionNote,
  submitLabel,
  busy,
  onSave,
  onCancel,
}: {
  initial: AgendaItemDraft;
  descriptionNote?: ReactNode;
  submitLabel: string;
  busy: boolean;
  onSave: (draft: AgendaItemDraft) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState(initial.title);
  const [duration, setDuration] = useState(
    initial.durationMinutes === null ? '' : String(initial.durationMinutes),
  );
  const [description, setDescription] = useState(initial.description ?? '');
  // What is wrong with each field, in the words the server would use ("Tiêu đề: tối đa 500 ký tự").
  const [problems, setProblems] = useState<Partial<Record<'title' | 'duration' | 'description', string>>>({});
  const minutes = duration.trim() === '' ? null : Number(duration);
  const describedBy = (field: keyof typeof problems, count?: string) =>
    [count, problems[field] ? `${id}-${field}-problem` : undefined].filter(Boolean).join(' ') || undefined;
  const problemOf = (field: keyof typeof problems) =>
    problems[field] && (
      <p id={`${id}-${field}-problem`} className="field__error">
        {problems[field]}
      </p>
    );
  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        const trimmed = title.trim();
        const found = {
          title: trimmed
            ? (lengthRefusal('title', trimmed, limits.titleMax, t) ?? undefined)
            : t('room.item.titleRequired'),
          duration:
            minutes !== null &&
            !(Number.isInteger(minutes) && minutes >= 0 && minutes <= limits.durationMinutesMax)
              ? inputRefusalText(
                  { code: ErrorCode.BAD_USER_INPUT, field: 'durationMinutes', constraint: 'max' },
                  t,
                )
              : undefined,
          description: descriptionNote
            ? undefined
            : (lengthRefusal('description', description.trim(), limits.descriptionMax, t) ?? undefined),
        };
        setProblems(found);
        if (found.title || found.duration || found.description) return;
        onSave({
          title: trimmed,
          durationMinutes: minutes,
          description: descriptionNote ? null : description.trim() || null,
        });
      }}
    >
      <div className="field field--compact">
        <label htmlFor={`${id}-title`}>{t('room.item.title')}</label>
        <input
          id={`${id}-title`}
          type="text"
          value={title}
          autoFocus
          aria-invalid={problems.title ? true : undefined}
          aria-describedby={describedBy('title', `${id}-title-count`)}
          onChange={(event) => setTitle(event.target.value)}
        />
        <CharacterCount id={`${id}-title-count`} length={title.trim().length} max={limits.titleMax} />
        {problemOf('title')}
      </div>
      <div className="field field--compact">
        <label htmlFor={`${id}-duration`}>{t('room.item.duration')}</label>
        <input
          id={`${id}-duration`}
          type="number"
          min={0}
          max={limits.durationMinutesMax}
          step={5}
          inputMode="numeric"
          value={duration}
          aria-invalid={problems.duration ? true : undefined}
          aria-describedby={describedBy('duration')}
          onChange={(event) => setDuration(event.target.value)}
        />
        {problemOf('duration')}
      </div>
      {descriptionNote ? (
        <div className="field field--compact">
          {descriptionNote}
          <p className="field__hint">{t('room.note.descriptionHint')}</p>
        </div>
      ) : (
        <div className="field field--compact">
          <label htmlFor={`${id}-description`}>{t('room.item.description')}</label>
          <textarea
            id={`${id}-description`}
            rows={2}
            value={description}
            aria-invalid={problems.description ? true : undefined}
            aria-describedby={describedBy('description')}
            onChange={(event) => setDescription(event.target.value)}
          />
          {problemOf('description')}
        </div>
      )}
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--small" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
