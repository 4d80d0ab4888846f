import { ReferenceKind, type EntityClass, type FilterQuery } from '@mikro-orm/core';
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Row, Rows, Stub } from './rows.js';

/** The fields asked of an object, by name, through fragments (directives are not looked at: reading more is harmless). */
function fieldsOf(
  selections: readonly (SelectionSetNode | undefined)[],
  info: GraphQLResolveInfo,
): Map<string, SelectionSetNode[]> {
  const fields = new Map<string, SelectionSetNode[]>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const sub = fields.get(selection.name.value) ?? [];
        if (selection.selectionSet) sub.push(selection.selectionSet);
        fields.set(selection.name.value, sub);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  selections.forEach(visit);
  return fields;
}

/** The selection of a connection's nodes (`edges { node { … } }`), or the selection itself for a list. */
function itemsOf(selections: SelectionSetNode[], info: GraphQLResolveInfo): SelectionSetNode[] {
  const fields = fieldsOf(selections, info);
  const edges = fields.get('edges');
  if (!edges) return selections;
  return fieldsOf(edges, info).get('node') ?? [];
}

/**
 * Look-ahead: before a list of rows goes to GraphQL, reads what the query asks of them, level by level, one
 * batch per table and level: the relations and collections a field names (`author`, `appraisals`, …). The
 * fields then find their rows read and answer at once, instead of each waiting for its batch in turn.
 * Fields that are not an entity's relation (derived ones, such as the agenda) look ahead for themselves.
 */
export async function prefetch(
  rows: Rows,
  entityName: string,
  items: readonly object[],
  selections: readonly (SelectionSetNode | undefined)[],
  info: GraphQLResolveInfo,
): Promise<void> {
  if (items.length === 0) return;
  const work: Promise<void>[] = [];
  for (const [name, sub] of fieldsOf(selections, info)) {
    const prop = rows.has(entityName, name);
    if (!prop || sub.length === 0) continue;
    if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      const refs = items.map((item) => (item as Record<string, Stub | null>)[name]).filter((r) => !!r);
      const target = rows.classOf(prop.type);
      work.push(
        Promise.all(refs.map((ref) => rows.one(target, ref!))).then((loaded) =>
          prefetch(rows, prop.type, loaded, sub, info),
        ),
      );
    } else if (
      prop.kind === ReferenceKind.ONE_TO_MANY ||
      (prop.kind === ReferenceKind.MANY_TO_MANY && prop.owner)
    ) {
      const owner = rows.classOf(entityName);
      work.push(
        Promise.all(items.map((item) => rows.collection(owner, name as never, (item as Stub).id))).then(
          (loaded) => prefetch(rows, prop.type, loaded.flat(), itemsOf(sub, info), info),
        ),
      );
    }
  }
  await Promise.all(work);
}

/** The look-ahead for the field being resolved (a list, or a connection's nodes): `info`'s own selection. */
export function prefetchFor(
  rows: Rows,
  entity: EntityClass<object>,
  items: readonly object[],
  info: GraphQLResolveInfo,
  connection = false,
): Promise<void> {
  const own = info.fieldNodes.map((node: FieldNode) => node.selectionSet).filter((s) => !!s);
  return prefetch(rows, entity.name, items, connection ? itemsOf(own, info) : own, info);
}

/** The one row a filter finds (a root query's id and the policy's `readable`), read ahead; null if none. */
export async function readOne<T extends object>(
  rows: Rows,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  info: GraphQLResolveInfo,
): Promise<Row<T> | null> {
  const [row] = await rows.find(entity, where);
  if (!row) return null;
  await prefetchFor(rows, entity, [row], info);
  return row;
}
