import type { DirectoryUnitFieldsFragment } from '../../generated/graphql';

export interface UnitTreeNode {
  unit: DirectoryUnitFieldsFragment;
  depth: number;
  children: UnitTreeNode[];
}

/**
 * The units as a forest: each under its parent, in the order the server lists them. A unit
 * whose parent is not in the list (or that sits in a cycle) is shown at the top level.
 */
export function buildUnitTree(units: readonly DirectoryUnitFieldsFragment[]): UnitTreeNode[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const children = new Map<string | null, DirectoryUnitFieldsFragment[]>();
  for (const unit of units) {
    const parentId = unit.parent && byId.has(unit.parent.id) ? unit.parent.id : null;
    const list = children.get(parentId) ?? [];
    list.push(unit);
    children.set(parentId, list);
  }
  const placed = new Set<string>();
  function grow(parentId: string | null, depth: number): UnitTreeNode[] {
    return (children.get(parentId) ?? [])
      .filter((unit) => !placed.has(unit.id))
      .map((unit) => {
        placed.add(unit.id);
        return { unit, depth, children: grow(unit.id, depth + 1) };
      });
  }
  const roots = grow(null, 0);
  // Units caught in a cycle have no way up to the top: show them there anyway.
  for (const unit of units) {
    if (!placed.has(unit.id)) {
      placed.add(unit.id);
      roots.push({ unit, depth: 0, children: grow(unit.id, 1) });
    }
  }
  return roots;
}

/** The tree depth first: the order of a <select> whose options are indented by depth. */
export function flattenUnitTree(
  nodes: readonly UnitTreeNode[],
): Array<{ unit: DirectoryUnitFieldsFragment; depth: number }> {
  return nodes.flatMap((node) => [{ unit: node.unit, depth: node.depth }, ...flattenUnitTree(node.children)]);
}

/** The ids of a unit and everything under it: where it cannot be moved to. */
export function subtreeIds(nodes: readonly UnitTreeNode[], id: string): Set<string> {
  const ids = new Set<string>();
  function collect(node: UnitTreeNode) {
    ids.add(node.unit.id);
    node.children.forEach(collect);
  }
  function find(list: readonly UnitTreeNode[]): boolean {
    for (const node of list) {
      if (node.unit.id === id) {
        collect(node);
        return true;
      }
      if (find(node.children)) return true;
    }
    return false;
  }
  find(nodes);
  return ids;
}

/** "Ban Tổ chức Tỉnh ủy", indented for an <option> ("   Ban Thường vụ" under its parent). */
export function indentedUnitName(unit: DirectoryUnitFieldsFragment, depth: number): string {
  const label = unit.shortName ? `${unit.name} (${unit.shortName})` : unit.name;
  return `${'\u00a0\u00a0\u00a0'.repeat(depth)}${depth > 0 ? '└ ' : ''}${label}`;
}
