import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { limits } from '@quorum/shared';
import { lengthRefusal } from '../CharacterCount';
import { useActionRunner } from '../meeting/useActionRunner';
import { UpdateWorkProgrammeDocument } from '../../generated/graphql';
import type { ProgrammeFieldsFragment } from '../../generated/graphql';

interface ProgrammeTitleProps {
  programme: Pick<ProgrammeFieldsFragment, 'id' | 'title' | 'viewerCan'>;
  headingId: string;
}

/** The programme's title as the page's heading; the office renames it in place. */
export function ProgrammeTitle({ programme, headingId }: ProgrammeTitleProps) {
  const { t } = useTranslation();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(programme.title);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { busy, error, run } = useActionRunner();
  const [update] = useMutation(UpdateWorkProgrammeDocument);

  const heading = (
    <h1 id={headingId} className="meeting-header__title" data-testid="programme-heading">
      {programme.title}
    </h1>
  );
  if (!programme.viewerCan.update) return heading;
  if (!editing)
    return (
      <div className="programme-title">
        {heading}
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => {
            setTitle(programme.title);
            setEditing(true);
          }}
          data-testid="programme-rename"
        >
          {t('programme.page.rename')}
        </button>
      </div>
    );
  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = title.trim();
        const refused = !trimmed
          ? t('programme.create.titleRequired')
          : lengthRefusal('title', trimmed, limits.titleMax, t);
        setRefusal(refused);
        if (refused) return;
        void run(async () => {
          await update({ variables: { input: { programmeId: programme.id, title: trimmed } } });
          setEditing(false);
        });
      }}
      data-testid="programme-rename-form"
    >
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('programme.create.title')}</label>
        <input
          id={`${id}-title`}
          type="text"
          value={title}
          autoFocus
          onChange={(event) => setTitle(event.target.value)}
          aria-invalid={refusal ? true : undefined}
          aria-describedby={refusal || error ? `${id}-error` : undefined}
        />
        {(refusal || error) && (
          <p id={`${id}-error`} className="field__error" role="alert">
            {refusal ?? error}
          </p>
        )}
      </div>
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => setEditing(false)}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
