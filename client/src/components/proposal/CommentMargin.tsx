import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useActionRunner } from '../meeting/useActionRunner';
import { anchorOfSelection, findQuote, resolveAnchor, setAnchorRanges } from './comment-anchors';
import type { AnchorRange } from './comment-anchors';
import { CommentThread } from './CommentThread';
import { MentionPicker } from './mentions';
import type { Thread } from './CommentThread';
import { AddAppraisalCommentDocument } from '../../generated/graphql';

const GAP = 8;

/** Bumps when the editor's text changes (`doc`) or only its selection (`view`), at most once a frame. */
function useEditorTicks(editor: Editor | null): { doc: number; view: number } {
  const [ticks, setTicks] = useState({ doc: 0, view: 0 });
  useEffect(() => {
    if (!editor) return;
    let frame = 0;
    let docChanged = false;
    const schedule = (doc: boolean) => {
      docChanged ||= doc;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const bumpDoc = docChanged;
        docChanged = false;
        setTicks((current) => ({ doc: current.doc + (bumpDoc ? 1 : 0), view: current.view + 1 }));
      });
    };
    const onUpdate = () => schedule(true);
    const onSelection = () => schedule(false);
    editor.on('update', onUpdate);
    editor.on('selectionUpdate', onSelection);
    const resize = new ResizeObserver(() => schedule(false));
    resize.observe(editor.view.dom);
    schedule(true);
    return () => {
      cancelAnimationFrame(frame);
      editor.off('update', onUpdate);
      editor.off('selectionUpdate', onSelection);
      resize.disconnect();
    };
  }, [editor]);
  return ticks;
}

export interface ThreadPlacement {
  attached: Thread[];
  detached: Thread[];
  general: Thread[];
}

interface CommentMarginProps {
  editor: Editor | null;
  /** The body is the shared one (first sync done): before, no anchor can be told gone. */
  synced: boolean;
  threads: readonly Thread[];
  /** The open round the viewer may comment in, if any. */
  commentRoundId: string | null;
  onChanged: () => void;
  /** Where each thread goes: beside the text, apart (passage gone), or general (no passage). */
  onPlacement: (placement: ThreadPlacement) => void;
}

/**
 * The comments beside their passages. Each anchor is resolved in the live document (its Yjs relative
 * position, then its quote read there), so a comment moves with its passage as anyone types and is told
 * apart the moment its passage is deleted; the passages are marked in the text. Cards are placed at their
 * passage's height, pushed down where they would overlap. A reviewer who selects text gets a button here to
 * comment on it.
 */
export function CommentMargin({
  editor,
  synced,
  threads,
  commentRoundId,
  onChanged,
  onPlacement,
}: CommentMarginProps) {
  const { t } = useTranslation();
  const id = useId();
  const ticks = useEditorTicks(editor);
  const [active, setActive] = useState<string | null>(null);
  const margin = useRef<HTMLDivElement>(null);
  const cards = useRef(new Map<string, HTMLElement>());
  const [draft, setDraft] = useState<{ quote: string; position: string } | null>(null);
  const [draftText, setDraftText] = useState('');
  const draftRef = useRef<HTMLTextAreaElement>(null);
  const [draftError, setDraftError] = useState<string | null>(null);
  const { busy, error, run, setError } = useActionRunner();
  const [addComment] = useMutation(AddAppraisalCommentDocument);

  // Where each anchored thread's passage is now.
  const ranges = useMemo(() => {
    const found = new Map<string, { from: number; to: number } | null>();
    if (!editor || editor.isDestroyed) return found;
    for (const { root } of threads) {
      if (!root.anchorQuote) continue;
      if (!synced) found.set(root.id, null);
      else if (root.anchorPosition)
        found.set(root.id, resolveAnchor(editor, root.anchorQuote, root.anchorPosition));
      // A quote without a position (an older comment): where the quote reads in the text.
      else found.set(root.id, findQuote(editor.state.doc, root.anchorQuote));
    }
    return found;
    // `ticks.doc`: the text changed, and with it the passages' places.
  }, [editor, threads, synced, ticks.doc]);

  const placement = useMemo<ThreadPlacement>(() => {
    const result: ThreadPlacement = { attached: [], detached: [], general: [] };
    for (const thread of threads) {
      const { root } = thread;
      if (!root.anchorQuote) result.general.push(thread);
      else if (!synced) (root.detached ? result.detached : result.attached).push(thread);
      else (ranges.get(root.id) ? result.attached : result.detached).push(thread);
    }
    return result;
  }, [threads, ranges, synced]);

  const onPlacementRef = useRef(onPlacement);
  useEffect(() => {
    onPlacementRef.current = onPlacement;
  });
  useEffect(() => onPlacementRef.current(placement), [placement]);

  // The passages, marked in the text (the active one more strongly).
  const lastRanges = useRef('');
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const marks: AnchorRange[] = [];
    for (const [commentId, range] of ranges)
      if (range) marks.push({ id: commentId, ...range, active: commentId === active });
    const key = JSON.stringify(marks);
    if (key === lastRanges.current) return;
    lastRanges.current = key;
    setAnchorRanges(editor, marks);
  }, [editor, ranges, active]);

  // A click on a marked passage shows its comment.
  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    const onClick = (event: globalThis.MouseEvent) => {
      const marked = (event.target as HTMLElement | null)?.closest?.('[data-comment-id]');
      const commentId = marked?.getAttribute('data-comment-id');
      if (!commentId) return;
      setActive(commentId);
      cards.current.get(commentId)?.scrollIntoView({ block: 'nearest' });
    };
    dom.addEventListener('click', onClick);
    return () => dom.removeEventListener('click', onClick);
  }, [editor]);

  const selection = editor && !editor.isDestroyed ? editor.state.selection : null;
  const canStart = Boolean(commentRoundId && selection && !selection.empty && !draft && synced);

  // Place the cards at their passages' height, none over another.
  useLayoutEffect(() => {
    const box = margin.current;
    if (!box || !editor || editor.isDestroyed) return;
    const dom = editor.view.dom;
    const marginRect = box.getBoundingClientRect();
    const editorRect = dom.getBoundingClientRect();
    // Below the text on a narrow screen: cards simply follow each other.
    const beside = marginRect.left >= editorRect.right - 1;
    box.classList.toggle('comment-margin--beside', beside);
    const topOf = (pos: number): number => {
      try {
        return editor.view.coordsAtPos(Math.min(pos, editor.state.doc.content.size)).top - marginRect.top;
      } catch {
        return 0;
      }
    };
    const items: Array<{ element: HTMLElement; top: number }> = [];
    for (const thread of placement.attached) {
      const element = cards.current.get(thread.root.id);
      const range = ranges.get(thread.root.id);
      if (element) items.push({ element, top: range ? topOf(range.from) : 0 });
    }
    const composer = box.querySelector<HTMLElement>('[data-margin-item="composer"]');
    if (composer && selection) {
      const draftRange = draft ? resolveAnchor(editor, draft.quote, draft.position) : null;
      items.push({ element: composer, top: topOf(draftRange?.from ?? selection.from) });
    }
    let bottom = 0;
    for (const item of items.sort((a, b) => a.top - b.top)) {
      if (!beside) {
        item.element.style.position = '';
        item.element.style.top = '';
        continue;
      }
      const top = Math.max(item.top, bottom);
      item.element.style.position = 'absolute';
      item.element.style.top = `${top}px`;
      item.element.dataset['top'] = String(Math.round(top));
      bottom = top + item.element.offsetHeight + GAP;
    }
    box.style.minHeight = beside ? `${bottom}px` : '';
  });

  const startDraft = () => {
    if (!editor) return;
    const anchor = anchorOfSelection(editor);
    if (!anchor) return;
    setDraft(anchor);
    setDraftText('');
    setDraftError(null);
    setError(null);
  };

  const sendDraft = () => {
    if (!draft || !commentRoundId) return;
    const body = draftText.trim();
    if (!body) {
      setDraftError(t('proposals.comments.bodyRequired'));
      return;
    }
    void run(async () => {
      await addComment({ variables: { input: { appraisalId: commentRoundId, body, anchor: draft } } });
      setDraft(null);
      setDraftText('');
      onChanged();
    });
  };

  return (
    <div
      ref={margin}
      className="comment-margin"
      aria-label={t('proposals.comments.margin')}
      role="complementary"
      data-testid="comment-margin"
    >
      {(canStart || draft) && (
        <div className="comment-margin__composer" data-margin-item="composer">
          {draft ? (
            <form
              className="comment-thread comment-thread--draft"
              onSubmit={(event) => {
                event.preventDefault();
                sendDraft();
              }}
              data-testid="new-comment-form"
            >
              <blockquote className="comment__quote">
                {draft.quote.length > 160 ? `${draft.quote.slice(0, 160)}…` : draft.quote}
              </blockquote>
              <label htmlFor={`${id}-draft`} className="comment__label">
                {t('proposals.comments.newLabel')}
              </label>
              <textarea
                ref={draftRef}
                id={`${id}-draft`}
                rows={3}
                value={draftText}
                autoFocus
                onChange={(event) => setDraftText(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') setDraft(null);
                  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) sendDraft();
                }}
                aria-invalid={draftError ? true : undefined}
                aria-describedby={draftError ? `${id}-draft-error` : undefined}
              />
              {draftError && (
                <p id={`${id}-draft-error`} className="field__error">
                  {draftError}
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
                <MentionPicker textarea={draftRef} value={draftText} onChange={setDraftText} />
                <button
                  type="button"
                  className="button button--small button--ghost"
                  onClick={() => setDraft(null)}
                >
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          ) : (
            <button
              type="button"
              className="button button--small"
              onMouseDown={(event) => event.preventDefault()}
              onClick={startDraft}
              data-testid="add-comment"
            >
              {t('proposals.comments.add')}
            </button>
          )}
        </div>
      )}
      {placement.attached.map((thread) => (
        <CommentThread
          key={thread.root.id}
          thread={thread}
          placement="attached"
          active={active === thread.root.id}
          onActivate={setActive}
          onChanged={onChanged}
          cardRef={(element: HTMLElement | null) => {
            if (element) cards.current.set(thread.root.id, element);
            else cards.current.delete(thread.root.id);
          }}
        />
      ))}
    </div>
  );
}
