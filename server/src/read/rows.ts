import { isStorableText, isUuid, limits } from '@quorum/shared';
import {
  Cursor,
  CursorError,
  ReferenceKind,
  type Collection,
  type EntityClass,
  type EntityManager,
  type EntityMetadata,
  type EntityProperty,
  type FilterQuery,
  type QueryOrderMap,
  type Reference,
} from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

/** What a row says of a related object: its id (an entity and a MikroORM reference have one too). */
export interface Stub {
  readonly id: string;
}

type Lean<V> = V extends Reference<object> ? Stub : V;
type ItemOf<C> = NonNullable<C> extends Collection<infer U> ? U : never;
type CollectionKeys<T> = {
  [K in keyof T]: NonNullable<T[K]> extends Collection<object> ? K : never;
}[keyof T] &
  string;

/**
 * An object as the read path hands it to GraphQL: the entity's columns, each relation it owns as a stub
 * (`{ id }`), no collections. A loaded entity is one too, so fields resolve the same for the objects a
 * mutation answers and for the rows a query reads.
 */
export type Row<T> = {
  [K in keyof T as K extends symbol
    ? never
    : NonNullable<T[K]> extends Collection<object>
      ? never
      : T[K] extends (...args: never[]) => unknown
        ? never
        : K]: Lean<T[K]>;
};

/** `f` of a value that may still be coming: at once when it is here, else when it comes. */
export function thenOrNow<A, B>(value: A | Promise<A>, f: (value: A) => B | Promise<B>): B | Promise<B> {
  return value instanceof Promise ? value.then(f) : f(value);
}

export interface FindOptions<T> {
  orderBy?: QueryOrderMap<T>;
  limit?: number;
}

interface Shape {
  meta: EntityMetadata;
  /** The properties read: columns and owned relations, never lazy ones (file contents, password hashes). */
  fields: string[];
  /** The relations the row carries as stubs. */
  owned: string[];
  /** Their columns, for the driver. */
  columns: string[];
}

/** `items` by `key`, each group in the items' order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * Whether a cursor holds one value of the right kind for each column of the order: a cursor is the client's
 * to send back, and a forged one (a date that is not one, a NUL, a year 0000) would otherwise reach the
 * database as a condition it refuses.
 */
function cursorFits(meta: EntityMetadata, orderBy: object, after: string): boolean {
  let values: unknown;
  try {
    values = Cursor.decode(after);
  } catch {
    return false;
  }
  const keys = Object.keys(orderBy);
  if (!Array.isArray(values) || values.length !== keys.length) return false;
  return keys.every((key, index) => {
    const prop = meta.properties[key];
    const value: unknown = values[index];
    if (!prop) return false;
    if (value === null) return !!prop.nullable;
    switch (prop.runtimeType) {
      case 'Date': {
        const year = value instanceof Date ? value.getUTCFullYear() : NaN;
        return year >= limits.yearMin && year <= limits.yearMax;
      }
      case 'number':
        return typeof value === 'number' && Number.isFinite(value);
      case 'boolean':
        return typeof value === 'boolean';
      case 'string':
        return (
          typeof value === 'string' &&
          isStorableText(value) &&
          (prop.columnTypes[0] !== 'uuid' || isUuid(value))
        );
      default:
        return false;
    }
  });
}

const shapes = new WeakMap<EntityMetadata, Shape>();
const orderKeys = new WeakMap<object, string>();

/** A loader's order as part of its key (a collection's order is one object of the metadata: spelled once). */
function orderKey(orderBy: QueryOrderMap<object> | undefined): string {
  if (!orderBy) return '';
  let key = orderKeys.get(orderBy);
  if (key === undefined) orderKeys.set(orderBy, (key = JSON.stringify(orderBy)));
  return key;
}

function shapeOf(meta: EntityMetadata): Shape {
  let shape = shapes.get(meta);
  if (!shape) {
    const read = (prop: EntityProperty) =>
      !prop.lazy &&
      prop.persist !== false &&
      (prop.kind === ReferenceKind.SCALAR ||
        prop.kind === ReferenceKind.MANY_TO_ONE ||
        (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner));
    const props = meta.props.filter(read);
    shape = {
      meta,
      fields: props.map((prop) => prop.name),
      owned: props.filter((prop) => prop.kind !== ReferenceKind.SCALAR).map((prop) => prop.name),
      columns: props.map((prop) => prop.fieldNames[0]!),
    };
    shapes.set(meta, shape);
  }
  return shape;
}

/**
 * The read path of one operation: plain rows, loaded in batches (one statement per table and level of the
 * query, whatever the number of objects) and never tracked by an identity map or a unit of work, since
 * nothing read here is written back. Each operation has its own, so nothing is stale across operations.
 */
export class Rows {
  /** Per entity, column and order: a batching loader, and what it has answered so far by key. */
  private readonly loaders = new Map<
    string,
    { loader: DataLoader<string, object[]>; answered: Map<string, object[]> }
  >();
  private readonly pivots = new Map<string, DataLoader<string, string[]>>();
  private readonly memos = new Map<string, { value: Promise<unknown>; settled?: { value: unknown } }>();
  private readonly stubs = new Map<string, Stub>();
  /** Every row read, by entity and id. */
  private readonly known = new Map<string, Map<string, object>>();

  constructor(private readonly em: EntityManager) {}

  /**
   * The row that `ref` (a stub, a reference or an entity) stands for: at once when this operation has read
   * it already (an author of many comments, a presenter of many items), else from the next batch.
   */
  one<T extends object>(entity: EntityClass<T>, ref: Stub): Row<T> | Promise<Row<T>> {
    const known = this.known.get(entity.name)?.get(ref.id);
    if (known) return known as Row<T>;
    return this.by(entity.name, 'id')
      .loader.load(ref.id)
      .then(([row]) => {
        if (!row) throw new Error(`${entity.name} ${ref.id} does not exist`);
        return row as Row<T>;
      });
  }

  /** The row of an optional relation, or null. */
  maybe<T extends object>(
    entity: EntityClass<T>,
    ref: Stub | null | undefined,
  ): Row<T> | null | Promise<Row<T> | null> {
    return ref ? this.one(entity, ref) : null;
  }

  /**
   * The rows of a collection of the object `ownerId`: a one-to-many (a meeting's participants) in its
   * declared order, or the owning side of a many-to-many (a task's coordinating units) in the pivot's order.
   * At once when this operation has read them already (see prefetch.ts).
   */
  collection<T extends object, K extends CollectionKeys<T>>(
    owner: EntityClass<T>,
    property: K,
    ownerId: string,
  ): Row<ItemOf<T[K]>>[] | Promise<Row<ItemOf<T[K]>>[]> {
    const prop = this.has(owner.name, property);
    if (!prop) throw new Error(`${owner.name}.${property} is not a property`);
    if (prop.kind === ReferenceKind.ONE_TO_MANY) {
      return this.group(prop.type, prop.mappedBy, ownerId, prop.orderBy as QueryOrderMap<object>) as Row<
        ItemOf<T[K]>
      >[];
    }
    if (prop.kind !== ReferenceKind.MANY_TO_MANY || !prop.owner)
      throw new Error(`${owner.name}.${property} is neither one-to-many nor an owned many-to-many`);
    const target = this.em.getMetadata().get(prop.type).class;
    return this.pivot(prop)
      .load(ownerId)
      .then((ids) => Promise.all(ids.map((id) => this.one(target, { id })))) as Promise<Row<ItemOf<T[K]>>[]>;
  }

  /** The entity class of a name in the metadata. */
  classOf(entityName: string): EntityClass<object> {
    return this.em.getMetadata().get(entityName).class as EntityClass<object>;
  }

  /** Whether `entityName` has a property `name` (a GraphQL field of the same name may be derived). */
  has(entityName: string, name: string): EntityProperty | undefined {
    return (this.em.getMetadata().get(entityName).properties as Record<string, EntityProperty>)[name];
  }

  /** The target ids of a many-to-many per owner id, from its pivot table in one statement per batch. */
  private pivot(prop: EntityProperty): DataLoader<string, string[]> {
    const key = `pivot:${prop.pivotTable}`;
    let loader = this.pivots.get(key);
    if (!loader) {
      const [from] = prop.joinColumns;
      const [to] = prop.inverseJoinColumns;
      loader = new DataLoader<string, string[]>(async (ids) => {
        const pairs = (await (this.em as SqlEntityManager)
          .getKnex()
          .select({ from: from!, to: to! })
          .from(prop.pivotTable)
          // In the pivot's own order, as the ORM's collection load reads it (the table records no other).
          .whereIn(from!, [...ids])) as { from: string; to: string }[];
        const groups = groupBy(pairs, (pair) => pair.from);
        return ids.map((id) => (groups.get(id) ?? []).map((pair) => pair.to));
      });
      this.pivots.set(key, loader);
    }
    return loader;
  }

  /** The rows whose `column` (a relation they own) is `id`, in `orderBy`: a collection no entity declares. */
  children<T extends object>(
    entity: EntityClass<T>,
    column: keyof T & string,
    id: string,
    orderBy: QueryOrderMap<T>,
  ): Row<T>[] | Promise<Row<T>[]> {
    return this.group(entity.name, column, id, orderBy as QueryOrderMap<object>) as Row<T>[];
  }

  /** The one row whose `column` (a relation it owns) is `id`, e.g. the vote of an agenda item. */
  owning<T extends object>(
    entity: EntityClass<T>,
    column: keyof T & string,
    id: string,
  ): Row<T> | null | Promise<Row<T> | null> {
    return thenOrNow(this.group(entity.name, column, id), ([row]) => (row as Row<T> | undefined) ?? null);
  }

  /** The rows of `entityName` whose `column` is `id`: at once when read already, else from the next batch. */
  private group(
    entityName: string,
    column: string,
    id: string,
    orderBy?: QueryOrderMap<object>,
  ): object[] | Promise<object[]> {
    const { loader, answered } = this.by(entityName, column, orderBy);
    return answered.get(id) ?? loader.load(id);
  }

  /** Rows through a filter (a policy's `readable`, a list's conditions). */
  find<T extends object>(
    entity: EntityClass<T>,
    where: FilterQuery<T>,
    options: FindOptions<T> = {},
  ): Promise<Row<T>[]> {
    return this.select(entity.name, where as FilterQuery<object>, options as FindOptions<object>) as Promise<
      Row<T>[]
    >;
  }

  /**
   * A keyset page (`first` after the cursor `after`, in `orderBy`, which ends in a unique column) and the
   * filter's total, through MikroORM's own cursor conditions, so that cursors mean what they always meant.
   */
  async page<T extends object>(
    entity: EntityClass<T>,
    where: FilterQuery<T>,
    orderBy: QueryOrderMap<T>,
    first: number,
    after: string | undefined,
  ): Promise<Cursor<Row<T>>> {
    const meta = this.em.getMetadata().get<T>(entity.name);
    if (after && !cursorFits(meta as EntityMetadata, orderBy, after))
      throw new CursorError(`The cursor does not fit the order of ${entity.name}`);
    const options = { first, after, orderBy, overfetch: true, limit: undefined as number | undefined };
    const keyset = (
      this.em.getDriver() as unknown as {
        processCursorOptions(
          meta: EntityMetadata<T>,
          options: object,
          orderBy: QueryOrderMap<T>,
        ): { orderBy: QueryOrderMap<T>[]; where: FilterQuery<T> };
      }
    ).processCursorOptions(meta, options, orderBy);
    const shape = shapeOf(meta as EntityMetadata);
    const qb = (this.em as SqlEntityManager)
      .createQueryBuilder<T>(entity.name)
      .select(shape.fields as never)
      .where(where)
      .andWhere(keyset.where)
      .orderBy(keyset.orderBy)
      .limit(options.limit);
    const [items, total] = await Promise.all([
      qb.execute('all', true) as Promise<Record<string, unknown>[]>,
      this.em.count(entity.name, where as FilterQuery<object>),
    ]);
    return new Cursor(this.lean(shape, items) as never[], total, options, meta) as unknown as Cursor<Row<T>>;
  }

  /**
   * One computation per operation and key (a meeting's agenda tree, its readiness): at once when it is
   * computed already, so that the many fields reading it need not each wait a turn.
   */
  memo<V>(key: string, make: () => Promise<V>): V | Promise<V> {
    let memo = this.memos.get(key);
    if (!memo) {
      const entry: { value: Promise<unknown>; settled?: { value: unknown } } = { value: make() };
      entry.value.then(
        (value) => (entry.settled = { value }),
        () => undefined,
      );
      this.memos.set(key, (memo = entry));
    }
    return (memo.settled ? memo.settled.value : memo.value) as V | Promise<V>;
  }

  private by(
    entityName: string,
    column: string,
    orderBy?: QueryOrderMap<object>,
  ): { loader: DataLoader<string, object[]>; answered: Map<string, object[]> } {
    const key = `${entityName}.${column}:${orderKey(orderBy)}`;
    let entry = this.loaders.get(key);
    if (!entry) {
      const shape = shapeOf(this.em.getMetadata().get(entityName));
      const relation = column !== 'id';
      const order = Object.entries(orderBy ?? {}).map(([name, direction]) => ({
        column: shape.meta.properties[name]!.fieldNames[0]!,
        order: String(direction).toLowerCase(),
      }));
      const answered = new Map<string, object[]>();
      const loader = new DataLoader<string, object[]>(async (ids) => {
        // Straight to the driver, the ids as bound parameters: the ORM's query builder would spell each
        // one out in the statement's text.
        const query = (this.em as SqlEntityManager)
          .getKnex()
          .select(shape.columns)
          .from(shape.meta.tableName)
          .whereIn(shape.meta.properties[column]!.fieldNames[0]!, [...ids]);
        if (order.length > 0) query.orderBy(order);
        const driver = this.em.getDriver();
        const rows = this.lean(
          shape,
          ((await query) as Record<string, unknown>[]).map(
            (raw) => driver.mapResult(raw, shape.meta) as Record<string, unknown>,
          ),
        );
        const groups = groupBy(rows, (row) =>
          relation ? (row[column] as Stub).id : (row[column] as string),
        );
        return ids.map((id) => {
          const group = groups.get(id) ?? [];
          answered.set(id, group);
          return group;
        });
      });
      this.loaders.set(key, (entry = { loader, answered }));
    }
    return entry;
  }

  private async select(
    entityName: string,
    where: FilterQuery<object>,
    { orderBy, limit }: FindOptions<object>,
  ): Promise<object[]> {
    const shape = shapeOf(this.em.getMetadata().get(entityName));
    const qb = (this.em as SqlEntityManager).createQueryBuilder<object>(entityName).select(shape.fields);
    qb.where(where);
    if (orderBy) qb.orderBy(orderBy);
    if (limit !== undefined) qb.limit(limit);
    return this.lean(shape, (await qb.execute('all', true)) as Record<string, unknown>[]);
  }

  /** Owned relations as stubs. */
  private lean(shape: Shape, rows: Record<string, unknown>[]): Record<string, unknown>[] {
    let known = this.known.get(shape.meta.className);
    if (!known) this.known.set(shape.meta.className, (known = new Map()));
    for (const row of rows) {
      known.set(row.id as string, row);
      for (const name of shape.owned) {
        const value = row[name];
        row[name] = value == null ? null : this.stub(value as string);
      }
    }
    return rows;
  }

  private stub(id: string): Stub {
    let stub = this.stubs.get(id);
    if (!stub) this.stubs.set(id, (stub = { id }));
    return stub;
  }
}
