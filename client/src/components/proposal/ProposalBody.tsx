import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { TableKit } from '@tiptap/extension-table';
import { EditorContent, useEditor } from '@tiptap/react';
import { StarterKit } from '@tiptap/starter-kit';
import { useTranslation } from 'react-i18next';
import { AppraisalStatus, ProposalStatus } from '@quorum/shared';
import type { Proposal } from '../../apollo/proposal.types';
import { refusalCode, useProposalDocument } from '../../hooks/useProposalDocument';
import type { ProposalDocumentState } from '../../hooks/useProposalDocument';
import { CommentAnchors } from './comment-anchors';
import { CommentMargin } from './CommentMargin';
import type { ThreadPlacement } from './CommentMargin';
import { CommentThread, threadsOf } from './CommentThread';
import { EditorToolbar } from './EditorToolbar';
import { GeneralCommentForm } from './GeneralCommentForm';

/** Statuses in which the drafters still write the text (the server's rule, server/src/collab/collab.policy.ts). */
const BODY_EDITABLE: ReadonlySet<ProposalStatus> = new Set([
  ProposalStatus.DRAFTING,
  ProposalStatus.RETURNED,
  ProposalStatus.IN_APPRAISAL,
  ProposalStatus.APPRAISED,
]);

/** Caret colours with enough contrast on white for their name labels in white text. */
const COLORS = ['#1f4e8c', '#9f1d20', '#1f7a4d', '#7a3e9d', '#a35200', '#0f6b73', '#5b4636', '#b0205a'];

export function colorOf(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLORS[hash % COLORS.length]!;
}

/** A collaborator's caret: a coloured bar with their name; hidden from screen readers (listed apart). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const name = typeof user['name'] === 'string' ? user['name'] : '';
  const color = typeof user['color'] === 'string' ? user['color'] : COLORS[0]!;
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;
  caret.setAttribute('aria-hidden', 'true');
  caret.setAttribute('data-testid', 'remote-caret');
  caret.setAttribute('data-user', name);
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.textContent = name;
  caret.append(label);
  return caret;
}

interface Collaborator {
  clientId: number;
  name: string;
  color: string;
}

/** Who else has the body open now, from the document's awareness. */
function useCollaborators(state: ProposalDocumentState | null): Collaborator[] {
  const [others, setOthers] = useState<Collaborator[]>([]);
  const awareness = state?.provider.awareness ?? null;
  const self = state?.doc.clientID;
  useEffect(() => {
    if (!awareness) return;
    const read = () => {
      const found: Collaborator[] = [];
      awareness.getStates().forEach((value, clientId) => {
        const user = (value as { user?: { name?: unknown; color?: unknown } }).user;
        if (clientId === self || typeof user?.name !== 'string') return;
        found.push({
          clientId,
          name: user.name,
          color: typeof user.color === 'string' ? user.color : COLORS[0]!,
        });
      });
      setOthers(found);
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [awareness, self]);
  return others;
}

interface ProposalBodyProps {
  proposal: Proposal;
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
  const state = useProposalDocument(proposal.id);
  const doc = state?.doc ?? null;
  const provider = state?.provider ?? null;
  const refused = state?.refused ?? null;
  const refusedCode = refused ? refusalCode(refused) : null;
  const ended = refusedCode !== null && refusedCode !== 'SERVICE_UNAVAILABLE';
  const editable = state?.access === 'edit' && proposal.viewerCan.update && !ended;
  const synced = Boolean(state?.synced);
  const collaborators = useCollaborators(state);

  const editor = useEditor(
    {
      extensions:
        doc && provider
          ? [
              // The server builds the body's text and HTML with the same schema (server/src/collab/body-html.ts).
              StarterKit.configure({ undoRedo: false, link: { openOnClick: false } }),
              TableKit.configure({ table: { resizable: false } }),
              Collaboration.configure({ document: doc }),
              CollaborationCaret.configure({
                provider,
                user: { name: viewer.fullName, color: colorOf(viewer.id) },
                render: renderCaret,
                // A class, not the default inline style: the server's CSP allows no inline styles.
                selectionRender: () => ({ nodeName: 'span', class: 'collaboration-carets__selection' }),
              }),
              CommentAnchors,
            ]
          : [StarterKit.configure({ undoRedo: false })],
      editable: false,
      // TipTap's own <style> element is refused by the server's CSP (style-src 'self'): its rules are in proposals.css.
      injectCSS: false,
      editorProps: {
        attributes: {
          class: 'proposal-body__text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': `${id}-label`,
          'data-testid': 'proposal-editor',
          spellcheck: 'true',
          lang: 'vi',
        },
      },
    },
    [doc, provider],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(editable, false);
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
    editor.view.dom.setAttribute('data-editable', String(editable));
    // Read-only, the text is still reachable with the keyboard: it can be selected to comment on.
    editor.view.dom.setAttribute('tabindex', '0');
  }, [editor, editable]);

  const appraisals = useMemo(() => proposal.appraisals.edges.map((edge) => edge.node), [proposal]);
  const threads = useMemo(() => threadsOf(appraisals), [appraisals]);
  const commentRound = appraisals.find(
    (round) => round.status === AppraisalStatus.OPEN && round.viewerCan.comment,
  );
  const [placement, setPlacement] = useState<ThreadPlacement>({ attached: [], detached: [], general: [] });
  const onPlacement = useCallback((next: ThreadPlacement) => setPlacement(next), []);

  let status: string;
  let tone = 'connecting';
  if (ended) {
    status = t(`proposals.editor.refused.${refusedCode}`, {
      defaultValue: t('proposals.editor.refused.FORBIDDEN'),
    });
    tone = 'failed';
  } else if (!state || state.connection === 'connecting' || !state.access) {
    status = t('proposals.editor.connecting');
  } else if (state.connection === 'disconnected') {
    status = t('proposals.editor.disconnected');
    tone = 'reconnecting';
  } else if (!synced) {
    status = t('proposals.editor.syncing');
  } else {
    tone = 'connected';
    status = editable
      ? state.unsynced > 0
        ? t('proposals.editor.saving')
        : t('proposals.editor.saved')
      : t('proposals.editor.readOnly');
  }

  return (
    <section className="proposal-body" aria-labelledby={`${id}-label`}>
      <div className="proposal-body__bar">
        <h2 id={`${id}-label`} className="panel__title">
          {t('proposals.editor.heading')}
        </h2>
        <p
          className="connection proposal-body__status"
          role="status"
          data-testid="editor-status"
          data-state={tone}
          data-access={state?.access ?? 'none'}
          data-editable={String(editable)}
        >
          <span className={`connection__dot connection__dot--${tone}`} aria-hidden="true" /> {status}
        </p>
        {collaborators.length > 0 && (
          <ul
            className="proposal-body__people"
            aria-label={t('proposals.editor.together')}
            data-testid="collaborators"
          >
            {collaborators.map((person) => (
              <li key={person.clientId} style={{ borderColor: person.color }} data-user={person.name}>
                {person.name}
              </li>
            ))}
          </ul>
        )}
      </div>
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
