import { useEffect, useId, useRef } from 'react';
import { EditorContent } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { useCollabDocument } from '../../hooks/useCollabDocument';
import { useSessionContext } from '../../hooks/useOrganization';
import { CollabBar, endedCode, useCollabEditor } from '../collab/CollabEditor';

/** The two notes of an agenda item that are written together: what it is about, and what was concluded. */
export type AgendaNote = 'description' | 'conclusion';

interface AgendaNoteEditorProps {
  itemId: string;
  note: AgendaNote;
  /** One below the item's own heading. */
  headingLevel: 4 | 5;
  /** Puts the caret at the end of the text once it may be typed in (the conclusion, opened on its own). */
  autoFocus?: boolean;
}

/**
 * An agenda item's description or conclusion, co-edited over `agenda-item:<id>:<note>` with the same editor,
 * carets and saving state as the minutes, a few lines high and without the formatting toolbar: the server keeps
 * only its plain text in the item (`AgendaItem.description`, `.conclusion`), which every other participant's
 * room shows live through the meeting's feed. It saves itself: nothing to submit.
 */
export function AgendaNoteEditor({ itemId, note, headingLevel, autoFocus = false }: AgendaNoteEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const { viewer } = useSessionContext();
  const state = useCollabDocument(`agenda-item:${itemId}:${note}`, viewer.id);
  // Offered only to whom the room's rule lets write it (`canEdit` for the description, `canConclude` for the
  // conclusion); the server's answer on the connection has the last word, and says when it changes.
  const editable = state?.access === 'edit' && endedCode(state) === null;
  const editor = useCollabEditor({
    state,
    viewer,
    editable,
    labelledBy: `${id}-label`,
    testId: `agenda-${note}-editor`,
    compact: true,
  });

  // Once, when the shared text has arrived and may be typed in: typing starts where the text ends.
  const focused = useRef(false);
  const synced = state?.synced ?? false;
  useEffect(() => {
    if (!autoFocus || focused.current || !editable || !synced || !editor || editor.isDestroyed) return;
    focused.current = true;
    editor.commands.focus('end');
  }, [autoFocus, editable, synced, editor]);

  return (
    <div className="proposal-body agenda-note" data-testid={`agenda-${note}-note`}>
      <CollabBar
        state={state}
        editable={editable}
        headingId={`${id}-label`}
        heading={t(note === 'conclusion' ? 'room.agenda.conclusion' : 'room.item.description')}
        headingLevel={headingLevel}
        texts="room.note.editor"
        compact
      />
      <div className="proposal-body__doc">
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
