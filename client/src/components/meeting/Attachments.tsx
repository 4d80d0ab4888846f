import { useId, useRef, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { attachmentKinds } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { UploadError } from '../../apollo/uploads';
import { useFormatDateTime } from '../../hooks/useFormat';
import { saveBlob } from '../download';
import { AttachmentDocument } from '../../generated/graphql';
import type { AttachmentFieldsFragment, ProposalAttachmentFieldsFragment } from '../../generated/graphql';

/** A file as the list shows it: a proposal's files also say who added them and when. */
type ListedFile = AttachmentFieldsFragment &
  Partial<Pick<ProposalAttachmentFieldsFragment, 'createdAt' | 'uploadedBy'>>;

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// The file picker offers what the server accepts (it checks the content besides).
const accept = Object.keys(attachmentKinds)
  .map((extension) => `.${extension}`)
  .join(',');

interface AttachmentsProps {
  files: readonly ListedFile[];
  /** What the files belong to, in words, for the add button's label ("item 2.1", the meeting's materials). */
  target: string;
  /** An agenda item's: the hint stays for screen readers only. */
  compact?: boolean;
  /** Present when the viewer may add files here. */
  upload?: (file: File, onProgress: (fraction: number) => void) => Promise<void>;
  /** Present when the viewer may remove them. */
  remove?: (file: AttachmentFieldsFragment) => Promise<void>;
}

/**
 * Files of an item or of the meeting; each opens on demand (its bytes are not in the room's query). Where
 * the viewer may change the materials: add a file (with its progress) and remove one (after confirming).
 */
export function Attachments({ files, target, compact = false, upload, remove }: AttachmentsProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const formatDateTime = useFormatDateTime();
  const hintId = useId();
  const picker = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [confirming, setConfirming] = useState<ListedFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  if (files.length === 0 && !upload) return null;

  async function open(file: AttachmentFieldsFragment) {
    setBusy(file.id);
    setError(null);
    try {
      const { data } = await client.query({
        query: AttachmentDocument,
        variables: { id: file.id },
        fetchPolicy: 'no-cache',
      });
      const content = data?.attachment;
      if (!content) throw new Error('not found');
      const bytes = Uint8Array.from(atob(content.contentBase64), (char) => char.charCodeAt(0));
      saveBlob(new Blob([bytes], { type: content.mediaType }), content.name);
    } catch (err) {
      setError(t(`errors.${apiErrorInfo(err)?.code ?? 'NOT_FOUND'}`));
    } finally {
      setBusy(null);
    }
  }

  function refusal(err: unknown): string {
    if (!(err instanceof UploadError)) return t(`errors.${apiErrorInfo(err)?.code ?? 'NETWORK'}`);
    if (err.code === 'PAYLOAD_TOO_LARGE') return t('room.files.tooLarge');
    if (err.code === 'UNSUPPORTED_MEDIA_TYPE') return t('room.files.unsupported');
    if (err.code === 'BAD_USER_INPUT' && err.field === 'name') return t('room.files.badName');
    return t(`errors.${err.code}`, { defaultValue: t('errors.INTERNAL_SERVER_ERROR') });
  }

  async function add(file: File) {
    if (!upload) return;
    setError(null);
    setStatus('');
    setProgress({ name: file.name, fraction: 0 });
    try {
      await upload(file, (fraction) => setProgress({ name: file.name, fraction }));
      setStatus(t('room.files.uploaded', { name: file.name }));
    } catch (err) {
      setError(refusal(err));
    } finally {
      setProgress(null);
      // The same file chosen again is a change again.
      if (picker.current) picker.current.value = '';
    }
  }

  async function confirmRemove(file: AttachmentFieldsFragment) {
    if (!remove) return;
    setBusy(file.id);
    setError(null);
    try {
      await remove(file);
      setConfirming(null);
      setStatus(t('room.files.removed', { name: file.name }));
      addButton.current?.focus();
    } catch (err) {
      setError(refusal(err));
    } finally {
      setBusy(null);
    }
  }

  const percent = progress ? Math.round(progress.fraction * 100) : 0;
  return (
    <div className="attachments" data-testid="attachments">
      <span className="agenda-item__label">{t('room.attachments')}:</span>
      {files.length > 0 && (
        <ul className="attachments__list">
          {files.map((file) => (
            <li key={file.id}>
              <button
                type="button"
                className="link-button"
                disabled={busy === file.id}
                onClick={() => void open(file)}
                aria-label={t('room.attachmentOpen', { name: file.name })}
              >
                {file.name}
              </button>{' '}
              <span className="attachments__size">({formatSize(file.size)})</span>
              {file.uploadedBy && file.createdAt && (
                <>
                  {' '}
                  <span className="attachments__size" data-testid="attachment-added">
                    {t('room.files.addedBy', {
                      name: file.uploadedBy.fullName,
                      at: formatDateTime(file.createdAt),
                    })}
                  </span>
                </>
              )}
              {remove && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="link-button"
                    data-print="hide"
                    disabled={busy === file.id}
                    aria-label={t('room.files.removeLabel', { name: file.name })}
                    onClick={() => setConfirming(file)}
                  >
                    {t('room.files.remove')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {upload && (
        <span className="attachments__add" data-print="hide">
          <button
            ref={addButton}
            type="button"
            className="button button--small"
            disabled={progress !== null}
            aria-label={t('room.files.addTo', { target })}
            aria-describedby={hintId}
            onClick={() => picker.current?.click()}
          >
            {t('room.files.add')}
          </button>
          <input
            ref={picker}
            type="file"
            accept={accept}
            hidden
            data-testid="attachment-input"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void add(file);
            }}
          />{' '}
          <span id={hintId} className={compact ? 'visually-hidden' : 'attachments__size'}>
            {t('room.files.hint')}
          </span>
        </span>
      )}
      {progress && (
        <span className="attachments__progress">
          <progress max={100} value={percent} aria-label={progress.name} />{' '}
          {t('room.files.uploading', { name: progress.name, percent })}
        </span>
      )}
      {confirming && remove && (
        <div
          className="confirm"
          data-print="hide"
          role="group"
          aria-label={t('room.files.removeConfirm', { name: confirming.name })}
        >
          <p>{t('room.files.removeConfirm', { name: confirming.name })}</p>
          <button
            type="button"
            className="button button--small button--danger"
            autoFocus
            disabled={busy === confirming.id}
            onClick={() => void confirmRemove(confirming)}
          >
            {t('room.files.removeYes')}
          </button>{' '}
          <button type="button" className="button button--small" onClick={() => setConfirming(null)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      <span className="visually-hidden" role="status">
        {status}
      </span>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
