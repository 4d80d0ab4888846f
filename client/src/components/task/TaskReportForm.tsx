import { useId, useMemo, useRef, useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { attachmentKinds, limits, taskProgressMax } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { uploadTaskFile } from '../../apollo/task-uploads';
import { UploadError } from '../../apollo/uploads';
import { useSessionContext } from '../../hooks/useOrganization';
import { CharacterCount, lengthRefusal } from '../CharacterCount';
import { useActionRunner } from '../meeting/useActionRunner';
import { formatFileSize } from './TaskFiles';
import { RemoveTaskAttachmentDocument, ReportTaskProgressDocument } from '../../generated/graphql';
import type { TaskAttachmentFieldsFragment, TaskFieldsFragment } from '../../generated/graphql';

// The file picker offers what the server accepts (it checks the content besides).
const accept = Object.keys(attachmentKinds)
  .map((extension) => `.${extension}`)
  .join(',');

interface PendingFile {
  key: number;
  name: string;
  size: number;
  /** From 0 to 1 while it is sent. */
  fraction: number;
  /** The attachment, once the server has it. */
  id?: string;
  error?: string;
  /** Being removed from the server. */
  removing?: boolean;
}

/**
 * The files the viewer uploaded for a report that none took (the page was left before sending, say): they are
 * still the task's, so they are offered to go with this report or to be removed.
 */
function unsentFiles(
  task: TaskFieldsFragment,
  viewerId: string,
  chosenIds: ReadonlySet<string>,
): TaskAttachmentFieldsFragment[] {
  return task.attachments.filter(
    (file) => file.uploadedBy.id === viewerId && !file.reported && !chosenIds.has(file.id),
  );
}

/**
 * A progress report by the assignee unit: what was done, how far along it is (a TODO task starts), and files
 * (each sent as it is chosen, `POST /uploads` with `taskId`, then named by the report).
 */
export function TaskReportForm({ task, onReported }: { task: TaskFieldsFragment; onReported: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useActionRunner();
  const [report] = useMutation(ReportTaskProgressDocument);
  const [body, setBody] = useState('');
  const [progress, setProgress] = useState(String(task.progress));
  const [errors, setErrors] = useState<{ body?: string | null; progress?: string | null }>({});
  const [files, setFiles] = useState<PendingFile[]>([]);
  const nextKey = useRef(0);
  const uploading = files.some((file) => !file.id && !file.error);
  const client = useApolloClient();
  const { viewer } = useSessionContext();
  // Files dropped while still being sent: removed from the server once they arrive.
  const dropped = useRef(new Set<number>());
  const chosenIds = useMemo(() => new Set(files.flatMap((file) => (file.id ? [file.id] : []))), [files]);
  const unsent = useMemo(() => unsentFiles(task, viewer.id, chosenIds), [task, viewer.id, chosenIds]);
  const [included, setIncluded] = useState<ReadonlySet<string>>(new Set());
  const [unsentBusy, setUnsentBusy] = useState<string | null>(null);
  const [unsentError, setUnsentError] = useState<string | null>(null);
  const includedIds = unsent.filter((file) => included.has(file.id)).map((file) => file.id);
  const full = files.length + includedIds.length >= limits.attachmentsPerReportMax;

  const removeFile = (attachmentId: string) =>
    client.mutate({ mutation: RemoveTaskAttachmentDocument, variables: { input: { id: attachmentId } } });
  const removeRefusal = (err: unknown): string => {
    const code = apiErrorInfo(err)?.code ?? 'NETWORK';
    return code === 'BAD_USER_INPUT' ? t('tasks.files.removeReported') : t(`errors.${code}`);
  };

  const refusal = (err: unknown): string => {
    if (!(err instanceof UploadError)) return t(`errors.${apiErrorInfo(err)?.code ?? 'NETWORK'}`);
    if (err.code === 'PAYLOAD_TOO_LARGE') return t('room.files.tooLarge');
    if (err.code === 'UNSUPPORTED_MEDIA_TYPE') return t('room.files.unsupported');
    if (err.code === 'BAD_USER_INPUT' && err.field === 'name') return t('room.files.badName');
    return t(`errors.${err.code}`, { defaultValue: t('errors.INTERNAL_SERVER_ERROR') });
  };

  const addFiles = (chosen: FileList | null) => {
    for (const file of Array.from(chosen ?? [])) {
      const key = nextKey.current++;
      const update = (patch: Partial<PendingFile>) =>
        setFiles((current) => current.map((entry) => (entry.key === key ? { ...entry, ...patch } : entry)));
      setFiles((current) => [...current, { key, name: file.name, size: file.size, fraction: 0 }]);
      uploadTaskFile(task.id, file, (fraction) => update({ fraction })).then(
        (uploaded) => {
          if (!dropped.current.delete(key)) return update({ id: uploaded.id, fraction: 1 });
          // Dropped meanwhile; if this fails it is offered again as a file not yet sent.
          removeFile(uploaded.id).catch(() => undefined);
        },
        (err: unknown) => update({ error: refusal(err) }),
      );
    }
  };

  /** A chosen file left out: one the server has is removed there too, not left among the task's files. */
  const drop = (file: PendingFile) => {
    const forget = () => setFiles((current) => current.filter((entry) => entry.key !== file.key));
    if (!file.id && file.error) return forget();
    if (!file.id) {
      dropped.current.add(file.key);
      return forget();
    }
    const patch = (next: Partial<PendingFile>) =>
      setFiles((current) => current.map((entry) => (entry.key === file.key ? { ...entry, ...next } : entry)));
    patch({ removing: true, error: undefined });
    removeFile(file.id).then(forget, (err: unknown) => patch({ removing: false, error: removeRefusal(err) }));
  };

  const removeUnsent = (file: TaskAttachmentFieldsFragment) => {
    setUnsentBusy(file.id);
    setUnsentError(null);
    removeFile(file.id)
      .catch((err: unknown) => setUnsentError(removeRefusal(err)))
      .finally(() => setUnsentBusy(null));
  };

  const onSubmit = () => {
    const value = Number(progress);
    const next = {
      body: !body.trim()
        ? t('tasks.report.bodyRequired')
        : lengthRefusal('body', body.trim(), limits.descriptionMax, t),
      progress:
        progress.trim() === '' || !Number.isInteger(value) || value < 0 || value > taskProgressMax
          ? t('tasks.report.progressRange', { max: taskProgressMax })
          : null,
    };
    setErrors(next);
    if (next.body || next.progress || uploading) return;
    // Not one being removed, nor one whose removal failed: it was left out.
    const chosen = files.flatMap((file) => (file.id && !file.removing && !file.error ? [file.id] : []));
    const attachments = [...includedIds, ...chosen];
    void run(async () => {
      await report({
        variables: {
          input: {
            taskId: task.id,
            body: body.trim(),
            progress: value,
            ...(attachments.length ? { attachments } : {}),
          },
        },
      });
      setBody('');
      setFiles([]);
      setIncluded(new Set());
      onReported();
    });
  };

  return (
    <form
      className="stack-form task-report-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      aria-labelledby={`${id}-heading`}
      data-testid="task-report-form"
    >
      <h3 id={`${id}-heading`} className="task-page__subheading">
        {t('tasks.report.heading')}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('tasks.report.body')}</label>
        <textarea
          id={`${id}-body`}
          rows={3}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={`${id}-count${errors.body ? ` ${id}-body-error` : ''}`}
        />
        <CharacterCount id={`${id}-count`} length={body.length} max={limits.descriptionMax} />
        {errors.body && (
          <p id={`${id}-body-error`} className="field__error">
            {errors.body}
          </p>
        )}
      </div>
      <div className="field task-report-form__progress">
        <label htmlFor={`${id}-progress`}>{t('tasks.report.progress')}</label>
        <input
          id={`${id}-progress`}
          type="number"
          inputMode="numeric"
          min={0}
          max={taskProgressMax}
          step={5}
          value={progress}
          onChange={(event) => setProgress(event.target.value)}
          aria-invalid={errors.progress ? true : undefined}
          aria-describedby={errors.progress ? `${id}-progress-error` : undefined}
        />
        <input
          type="range"
          min={0}
          max={taskProgressMax}
          step={5}
          value={Number(progress) || 0}
          onChange={(event) => setProgress(event.target.value)}
          aria-hidden="true"
          tabIndex={-1}
        />
        {errors.progress && (
          <p id={`${id}-progress-error`} className="field__error">
            {errors.progress}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-files`}>{t('tasks.files.add')}</label>
        <input
          id={`${id}-files`}
          type="file"
          multiple
          accept={accept}
          disabled={full}
          onChange={(event) => {
            addFiles(event.target.files);
            event.target.value = '';
          }}
          aria-describedby={`${id}-files-hint`}
          data-testid="task-report-files"
        />
        <p id={`${id}-files-hint`} className="field__hint">
          {t('tasks.files.hint', { max: limits.attachmentsPerReportMax })}
        </p>
        {files.length > 0 && (
          <ul className="task-files__list" aria-label={t('tasks.files.pending')}>
            {files.map((file) => (
              <li
                key={file.key}
                data-testid="task-pending-file"
                data-state={file.error ? 'error' : file.id ? 'done' : 'sending'}
              >
                {file.name} <span className="task-files__size">({formatFileSize(file.size)})</span>{' '}
                {file.removing ? (
                  <span className="task-files__size">{t('tasks.files.removing')}</span>
                ) : file.error ? (
                  <span className="field__error" role="alert">
                    {file.error}
                  </span>
                ) : file.id ? (
                  <span className="task-files__ok">{t('tasks.files.ready')}</span>
                ) : (
                  <progress
                    max={1}
                    value={file.fraction}
                    aria-label={t('tasks.files.sending', { name: file.name })}
                  />
                )}{' '}
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => drop(file)}
                  disabled={file.removing}
                  aria-label={t('tasks.files.drop', { name: file.name })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {unsent.length > 0 && (
        <div className="field" data-testid="task-unsent-files">
          <p id={`${id}-unsent`} className="task-files__heading">
            {t('tasks.files.unsent')}
          </p>
          <ul className="task-files__list" aria-labelledby={`${id}-unsent`}>
            {unsent.map((file) => (
              <li key={file.id} data-testid="task-unsent-file" data-attachment-id={file.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={included.has(file.id)}
                    disabled={unsentBusy === file.id || (full && !included.has(file.id))}
                    onChange={(event) => {
                      const on = event.target.checked;
                      setIncluded((current) => {
                        const next = new Set(current);
                        if (on) next.add(file.id);
                        else next.delete(file.id);
                        return next;
                      });
                    }}
                    aria-label={t('tasks.files.include', { name: file.name })}
                  />{' '}
                  {file.name}
                </label>{' '}
                <span className="task-files__size">({formatFileSize(file.size)})</span>{' '}
                {!included.has(file.id) && (
                  <span className="task-files__size">{t('tasks.files.notSent')}</span>
                )}{' '}
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => removeUnsent(file)}
                  disabled={unsentBusy === file.id}
                  aria-label={t('tasks.files.remove', { name: file.name })}
                >
                  {unsentBusy === file.id ? t('tasks.files.removing') : '×'}
                </button>
              </li>
            ))}
          </ul>
          {unsentError && (
            <p className="field__error" role="alert">
              {unsentError}
            </p>
          )}
        </div>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary" disabled={busy || uploading}>
          {busy ? t('common.saving') : t('tasks.report.submit')}
        </button>
      </div>
    </form>
  );
}
