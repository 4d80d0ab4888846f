import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorCode, ProgrammeItemStatus } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { Dialog } from '../../scenes/admin/ui';
import { Alert } from '../Alert';
import { RemoveProgrammeItemDocument, UpdateProgrammeItemDocument } from '../../generated/graphql';
import type { ProgrammeItemFieldsFragment } from '../../generated/graphql';

interface RemoveItemDialogProps {
  item: ProgrammeItemFieldsFragment;
  onClose: () => void;
  onConflict: () => void;
}

/**
 * Removes an item planned by mistake. The server keeps an item that tasks already serve (or that has moved on):
 * then the dialog says so and offers to mark it "dropped" instead, which keeps its history.
 */
export function RemoveItemDialog({ item, onClose, onConflict }: RemoveItemDialogProps) {
  const { t } = useTranslation();
  const [remove] = useMutation(RemoveProgrammeItemDocument);
  const [update] = useMutation(UpdateProgrammeItemDocument);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onClose();
    } catch (err) {
      const info = apiErrorInfo(err);
      if (info?.code === ErrorCode.BAD_USER_INPUT && info.field === 'itemId') {
        setRefused(true);
      } else if (info?.code === ErrorCode.CONFLICT) {
        onConflict();
        setError(t('programme.conflict'));
      } else setError(t(`errors.${info?.code ?? 'NETWORK'}`));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('programme.remove.title')}
      description={t('programme.remove.body', { title: item.title })}
      onClose={onClose}
      testId="programme-remove-dialog"
    >
      {refused && (
        <Alert tone="warning" testId="programme-remove-refused">
          {t('programme.remove.refused')} {t('programme.remove.suggestDrop')}
        </Alert>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </button>
        {refused ? (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() =>
              void act(() =>
                update({
                  variables: {
                    input: {
                      itemId: item.id,
                      expectedVersion: item.version,
                      status: ProgrammeItemStatus.DROPPED,
                    },
                  },
                }),
              )
            }
            data-testid="programme-remove-drop"
          >
            {t('programme.remove.drop')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => void act(() => remove({ variables: { input: { itemId: item.id } } }))}
            data-testid="programme-remove-confirm"
          >
            {t('programme.remove.confirm')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
