import { useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { apiErrorInfo } from '../../apollo/errors';
import { saveBlob } from '../download';
import { AttachmentDocument } from '../../generated/graphql';
import type { AttachmentFieldsFragment } from '../../generated/graphql';

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The files of one progress report, each opened on demand (their bytes are not in the task's query). */
export function TaskFiles({ files }: { files: readonly AttachmentFieldsFragment[] }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (files.length === 0) return null;

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

  return (
    <div className="task-files">
      <ul className="task-files__list" aria-label={t('tasks.files.label')}>
        {files.map((file) => (
          <li key={file.id} data-testid="task-file">
            <button
              type="button"
              className="link-button"
              onClick={() => void open(file)}
              disabled={busy === file.id}
              aria-label={t('tasks.files.open', { name: file.name })}
            >
              {file.name}
            </button>{' '}
            <span className="task-files__size">({formatFileSize(file.size)})</span>
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
