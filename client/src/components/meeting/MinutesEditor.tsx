import { useId } from 'react';
import { EditorContent } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { MeetingStatus } from '@quorum/shared';
import { i18n } from '../../i18n';
import { proposalsEn } from '../../i18n/proposals.en';
import { proposalsVi } from '../../i18n/proposals.vi';
import { useCollabDocument } from '../../hooks/useCollabDocument';
import { CollabBar, endedCode, useCollabEditor } from '../collab/CollabEditor';
import { EditorToolbar } from '../proposal/EditorToolbar';

// The formatting toolbar is the proposal body's, with its words (loaded here, as the proposal pages load them).
i18n.addResourceBundle(
  'vi',
  'translation',
  { proposals: { editor: proposalsVi.proposals.editor } },
  true,
  false,
);
i18n.addResourceBundle(
  'en',
  'translation',
  { proposals: { editor: proposalsEn.proposals.editor } },
  true,
  false,
);

/** While the meeting is in these states its minutes are written (the server's rule, server/src/collab). */
const WRITTEN: ReadonlySet<MeetingStatus> = new Set([MeetingStatus.SCHEDULED, MeetingStatus.IN_PROGRESS]);

/** Once closed or cancelled the minutes are final: read only for everyone. */
const LOCKED: ReadonlySet<MeetingStatus> = new Set([MeetingStatus.CLOSED, MeetingStatus.CANCELLED]);

interface MinutesEditorProps {
  meeting: { id: string; status: MeetingStatus };
  viewer: { id: string; fullName: string };
}

/**
 * The minutes, edited together over `meeting:<id>:minutes`: the same editor, carets and saving state as a
 * proposal's body. Whether this person writes is the server's answer on the connection (the secretaries and
 * the office, while the meeting is scheduled or in progress); said in words beside the text.
 */
export function MinutesEditor({ meeting, viewer }: MinutesEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const state = useCollabDocument(`meeting:${meeting.id}:minutes`, viewer.id);
  const ended = endedCode(state);
  const written = WRITTEN.has(meeting.status);
  const editable = state?.access === 'edit' && written && ended === null;
  const editor = useCollabEditor({
    state,
    viewer,
    editable,
    labelledBy: `${id}-label`,
    testId: 'minutes-editor',
  });

  const mode = editable ? 'edit' : LOCKED.has(meeting.status) ? 'locked' : written ? 'writing' : 'notYet';

  return (
    <div className="proposal-body minutes" data-testid="minutes" data-mode={state?.access ? mode : 'unknown'}>
      <CollabBar
        state={state}
        editable={editable}
        headingId={`${id}-label`}
        heading={t('minutes.editor.heading')}
        headingLevel={3}
        texts="minutes.editor"
      />
      {state?.access && ended === null && (
        <p className="field__hint" data-testid="minutes-mode">
          {t(`minutes.mode.${mode}`)}
        </p>
      )}
      {editable && editor && <EditorToolbar editor={editor} />}
      <div className="proposal-body__doc">
        <EditorContent editor={editor} />
        {state?.synced && editor && editor.isEmpty && !editable && (
          <p className="placeholder placeholder--empty">{t('minutes.editor.empty')}</p>
        )}
      </div>
    </div>
  );
}
