import { useCallback, useId, useMemo, useState } from 'react';
import type { AnyExtension } from '@tiptap/core';
import { EditorContent } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { AppraisalStatus, ProposalStatus } from '@quorum/shared';
import { useCollabDocument } from '../../hooks/useCollabDocument';
import { CollabBar, endedCode, useCollabEditor } from '../collab/CollabEditor';
import { CommentAnchors } from './comment-anchors';
import { CommentMargin } from './CommentMargin';
import type { ThreadPlacement } from './CommentMargin';
import { CommentThread, threadsOf } from './CommentThread';
import { EditorToolbar } from './EditorToolbar';
import { GeneralCommentForm } from './GeneralCommentForm';
import type { ProposalFieldsFragment } from '../../generated/graphql';

/** Statuses in which the drafters still write the text (the server's rule, server/src/collab/collab.policy.ts). */
const BODY_EDITABLE: ReadonlySet<ProposalStatus> = new Set([
  ProposalStatus.DRAFTING,
  ProposalStatus.RETURNED,
  ProposalStatus.IN_APPRAISAL,
  ProposalStatus.APPRAISED,
]);

/** The comments' anchors in the text, beside the shared editor's extensions. */
const WITH_ANCHORS: AnyExtension[] = [CommentAnchors];

interface ProposalBodyProps {
  proposal: ProposalFieldsFragment;
  viewer: { id: string; fullName: string };
  onChanged: () => void;
}

/**
 * The body, edited together: TipTap over the proposal's shared Yjs document, each collaborator's caret with
 * their name, undo per person (Collaboration's own; StarterKit's history is off), the comments in a margin
 * beside their passages. Read-only when the server serves this person read-only, or when the proposal no
 * longer lets them change it.
 */
export function ProposalBody({ proposal, viewer, onChanged }: ProposalBodyProps) {
  const { t } = useTranslation();
  const id = useId();
  const state = useCollabDocument(`proposal:${proposal.id}`, viewer.id);
  const ended = endedCode(state) !== null;
  const editable = state?.access === 'edit' && proposal.viewerCan.update && !ended;
  const synced = Boolean(state?.synced);
  const editor = useCollabEditor({
    state,
    viewer,
    editable,
    labelledBy: `${id}-label`,
    testId: 'proposal-editor',
    extensions: WITH_ANCHORS,
  });

  const appraisals = useMemo(() => proposal.appraisals.edges.map((edge) => edge.node), [proposal]);
  const threads = useMemo(() => threadsOf(appraisals), [appraisals]);
  const commentRound = appraisals.find(
    (round) => round.status === AppraisalStatus.OPEN && round.viewerCan.comment,
  );
  const [placement, setPlacement] = useState<ThreadPlacement>({ attached: [], detached: [], general: [] });
  const onPlacement = useCallback((next: ThreadPlacement) => setPlacement(next), []);

  return (
    <section className="proposal-body" aria-labelledby={`${id}-label`}>
      <CollabBar
        state={state}
        editable={editable}
        headingId={`${id}-label`}
        heading={t('proposals.editor.heading')}
        texts="proposals.editor"
      />
      {!editable && synced && state?.access === 'read' && (
        <p className="field__hint">
          {BODY_EDITABLE.has(proposal.status)
            ? t('proposals.editor.readOnlyRole')
            : t('proposals.editor.readOnlyHint')}
        </p>
      )}
      {editable && editor && <EditorToolbar editor={editor} />}
      <div className="proposal-body__grid">
        <div className="proposal-body__doc">
          <EditorContent editor={editor} />
          {synced && editor && editor.isEmpty && !editable && (
            <p className="placeholder placeholder--empty">{t('proposals.editor.empty')}</p>
          )}
        </div>
        <CommentMargin
          editor={editor}
          synced={synced}
          threads={threads}
          commentRoundId={commentRound?.id ?? null}
          onChanged={onChanged}
          onPlacement={onPlacement}
        />
      </div>
      {commentRound && (
        <div className="proposal-body__comment-tools">
          <p className="field__hint">{t('proposals.comments.howTo')}</p>
          <GeneralCommentForm appraisalId={commentRound.id} onChanged={onChanged} />
        </div>
      )}
      {placement.general.length > 0 && (
        <section className="comment-list" aria-labelledby={`${id}-general`}>
          <h3 id={`${id}-general`} className="comment-list__title">
            {t('proposals.comments.general')}
          </h3>
          {placement.general.map((thread) => (
            <CommentThread key={thread.root.id} thread={thread} placement="general" onChanged={onChanged} />
          ))}
        </section>
      )}
      {placement.detached.length > 0 && (
        <section className="comment-list" aria-labelledby={`${id}-detached`} data-testid="detached-comments">
          <h3 id={`${id}-detached`} className="comment-list__title">
            {t('proposals.comments.detached')}
          </h3>
          <p className="field__hint">{t('proposals.comments.detachedHint')}</p>
          {placement.detached.map((thread) => (
            <CommentThread key={thread.root.id} thread={thread} placement="detached" onChanged={onChanged} />
          ))}
        </section>
      )}
    </section>
  );
}
