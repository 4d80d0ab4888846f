import { useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { apiErrorInfo } from '../../apollo/errors';
import { ATTACHMENT_QUERY } from '../../apollo/meeting-room.operations';
import type { AttachmentSummary } from '../../apollo/types';
import { saveBlob } from './downloads';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Files of an item or of the meeting; each opens on demand (its bytes are not in the room's query). */
export function Attachments({ files }: { files: readonly AttachmentSummary[] }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (files.length === 0) return null;

  async function open(file: AttachmentSummary) {
    setBusy(file.id);
    setError(null);
    try {
      const { data } = await client.query({
        query: ATTACHMENT_QUERY,
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

  return (
    <div className="attachments">
      <span className="agenda-item__label">{t('room.attachments')}:</span>
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
          </li>
        ))}
      </ul>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
