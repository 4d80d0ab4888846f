// The co-edited text shared by a proposal's body, a meeting's minutes and an agenda item's notes (its
// description and conclusion): TipTap over the document's Yjs fragment, each collaborator's caret with their name, the connection's state and who else has it open.
import { useEffect, useState } from 'react';
import type { AnyExtension, Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { TableKit } from '@tiptap/extension-table';
import { useEditor } from '@tiptap/react';
import { StarterKit } from '@tiptap/starter-kit';
import { useTranslation } from 'react-i18next';
import { hasOfflineChanges, refusalCode } from '../../hooks/useCollabDocument';
import type { CollabDocumentState } from '../../hooks/useCollabDocument';
import './collab-editor.css';

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

/** Who else has the document open now, from its awareness. */
function useCollaborators(state: CollabDocumentState | null): Collaborator[] {
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

/** The refusal that ends the document for this person (not a passing SERVICE_UNAVAILABLE), else null. */
export function endedCode(state: CollabDocumentState | null): string | null {
  const code = state?.refused ? refusalCode(state.refused) : null;
  return code !== null && code !== 'SERVICE_UNAVAILABLE' ? code : null;
}

interface CollabEditorOptions {
  state: CollabDocumentState | null;
  viewer: { id: string; fullName: string };
  /** Whether this person may type now (the server's access and the screen's own rule). */
  editable: boolean;
  labelledBy: string;
  testId: string;
  /** Further extensions over the same document (a proposal's comment anchors); must be a stable array. */
  extensions?: AnyExtension[];
  /** A few lines high, for a short note inside a form (an agenda item's description or conclusion). */
  compact?: boolean;
}

/**
 * The editor over the document: undo per person (Collaboration's own; StarterKit's history is off). The server
 * reads the text with the same schema (server/src/collab/body-html.ts). Read-only, the text is still reachable
 * with the keyboard (tab stop, aria-readonly).
 */
export function useCollabEditor({
  state,
  viewer,
  editable,
  labelledBy,
  testId,
  extensions = NONE,
  compact = false,
}: CollabEditorOptions): Editor | null {
  const doc = state?.doc ?? null;
  const provider = state?.provider ?? null;
  const editor = useEditor(
    {
      extensions:
        doc && provider
          ? [
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
              ...extensions,
            ]
          : [StarterKit.configure({ undoRedo: false })],
      editable: false,
      // TipTap's own <style> element is refused by the server's CSP (style-src 'self'): its rules are in collab-editor.css.
      injectCSS: false,
      editorProps: {
        attributes: {
          class: compact ? 'proposal-body__text proposal-body__text--compact' : 'proposal-body__text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelledBy,
          'data-testid': testId,
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
    editor.view.dom.setAttribute('tabindex', '0');
  }, [editor, editable]);

  return editor;
}

const NONE: AnyExtension[] = [];

interface CollabBarProps {
  state: CollabDocumentState | null;
  editable: boolean;
  headingId: string;
  heading: string;
  /**
   * 3 where the document sits under a panel's own heading (the meeting room's minutes), 4 or 5 under an agenda
   * item's heading (its notes).
   */
  headingLevel?: 2 | 3 | 4 | 5;
  /** Where the texts are: `proposals.editor`, `minutes.editor` (connecting, syncing, saved, unsynced, …). */
  texts: string;
  /** The heading as small as a form's label, for a note inside a form (with `useCollabEditor`'s `compact`). */
  compact?: boolean;
}

/**
 * The document's heading, its connection and saving state (with "not yet synced" while edits made here wait
 * for a connection) and who else has it open.
 */
export function CollabBar({
  state,
  editable,
  headingId,
  heading,
  headingLevel = 2,
  texts,
  compact = false,
}: CollabBarProps) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  const collaborators = useCollaborators(state);
  const ended = endedCode(state);
  const offlineChanges = hasOfflineChanges(state);

  let status: string;
  let tone = 'connecting';
  if (ended) {
    status = t(`${texts}.refused.${ended}`, { defaultValue: t(`${texts}.refused.FORBIDDEN`) });
    tone = 'failed';
  } else if (!state || state.connection === 'connecting' || !state.access) {
    status = t(`${texts}.connecting`);
  } else if (state.connection === 'disconnected') {
    status = t(`${texts}.disconnected`);
    tone = 'reconnecting';
  } else if (!state.synced) {
    status = t(`${texts}.syncing`);
  } else {
    tone = 'connected';
    status = editable
      ? state.unsynced > 0
        ? t(`${texts}.saving`)
        : t(`${texts}.saved`)
      : t(`${texts}.readOnly`);
  }

  return (
    <div className={compact ? 'proposal-body__bar proposal-body__bar--compact' : 'proposal-body__bar'}>
      <Heading id={headingId} className="panel__title">
        {heading}
      </Heading>
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
      {offlineChanges && (
        <p className="badge badge--unsynced" role="status" data-testid="editor-unsynced">
          {t(`${texts}.unsynced`)}
        </p>
      )}
      {collaborators.length > 0 && (
        <ul className="proposal-body__people" aria-label={t(`${texts}.together`)} data-testid="collaborators">
          {collaborators.map((person) => (
            <li key={person.clientId} style={{ borderColor: person.color }} data-user={person.name}>
              {person.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
