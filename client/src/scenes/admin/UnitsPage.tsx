import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { UnitFormDialog } from './UnitFormDialog';
import type { UnitTreeNode } from './unit-tree';
import { useDirectoryUnits } from './useDirectoryUnits';
import { AdminShell } from './ui';
import type { DirectoryUnitFieldsFragment } from '../../generated/graphql';

type Editing = { mode: 'create' } | { mode: 'edit'; unit: DirectoryUnitFieldsFragment };

/** /admin/units: the unit tree (committees, departments, the office); create and edit. */
export function UnitsPage() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <AdminShell
      heading={t('admin.units.heading')}
      intro={t('admin.units.intro')}
      actions={
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setNotice(null);
            setEditing({ mode: 'create' });
          }}
          data-testid="create-unit"
        >
          <span aria-hidden="true">+</span> {t('admin.units.create')}
        </button>
      }
    >
      {notice && (
        <Alert tone="success" testId="admin-notice">
          {notice}
        </Alert>
      )}
      <UnitTree
        onEdit={(unit) => {
          setNotice(null);
          setEditing({ mode: 'edit', unit });
        }}
      />
      {editing && (
        <UnitFormDialog
          unit={editing.mode === 'edit' ? editing.unit : null}
          onClose={() => setEditing(null)}
          onSaved={setNotice}
        />
      )}
    </AdminShell>
  );
}

function UnitTree({ onEdit }: { onEdit: (unit: DirectoryUnitFieldsFragment) => void }) {
  const { t } = useTranslation();
  const { units, tree, hasMore, loading, error, refetch } = useDirectoryUnits();

  if (loading) return <LoadingState label={t('admin.units.loading')} />;
  if (error && units.length === 0)
    return <ErrorState message={t('admin.units.loadError')} error={error} onRetry={refetch} />;
  if (units.length === 0) {
    return (
      <div className="placeholder placeholder--empty">
        <p>{t('admin.units.empty')}</p>
        <p className="placeholder__hint">{t('admin.units.emptyHint')}</p>
      </div>
    );
  }

  return (
    <>
      <p className="meetings__summary admin__summary">{t('admin.units.count', { count: units.length })}</p>
      <ul className="unit-tree" aria-label={t('admin.units.tree')} data-testid="unit-tree">
        {tree.map((node) => (
          <UnitBranch key={node.unit.id} node={node} onEdit={onEdit} />
        ))}
      </ul>
      {hasMore && <p className="field__hint">{t('admin.units.moreHidden')}</p>}
    </>
  );
}

function UnitBranch({
  node,
  onEdit,
}: {
  node: UnitTreeNode;
  onEdit: (unit: DirectoryUnitFieldsFragment) => void;
}) {
  const { t } = useTranslation();
  const { unit } = node;
  return (
    <li className="unit-tree__item" data-testid="unit-node" data-unit-id={unit.id} data-depth={node.depth}>
      <div className="unit-tree__row">
        <span className="unit-tree__name">{unit.name}</span>
        {unit.shortName && <span className="unit-tree__short">{unit.shortName}</span>}
        <span className={`badge badge--unit-${unit.kind.toLowerCase()}`}>
          {t(`enums.unitKind.${unit.kind}`)}
        </span>
        {unit.viewerCan.update && (
          <button
            type="button"
            className="button button--small unit-tree__edit"
            aria-label={t('admin.units.editLabel', { name: unit.name })}
            onClick={() => onEdit(unit)}
          >
            {t('admin.units.edit')}
          </button>
        )}
      </div>
      {node.children.length > 0 && (
        <ul className="unit-tree__children">
          {node.children.map((child) => (
            <UnitBranch key={child.unit.id} node={child} onEdit={onEdit} />
          ))}
        </ul>
      )}
    </li>
  );
}
