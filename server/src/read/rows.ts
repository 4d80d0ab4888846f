import {
  Cursor,
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

const shapes = new WeakMap<EntityMetadata, Shape>();

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
  private readonly loaders = new Map<string, DataLoader<string, object[]>>();
  private readonly memos = new Map<string, Promise<unknown>>();
  private readonly stubs = new Map<string, Stub>();

  constructor(private readonly em: EntityManager) {}

  /** The row that `ref` (a stub, a reference or an entity) stands for. */
  async one<T extends object>(entity: EntityClass<T>, ref: Stub): Promise<Row<T>> {
    const [row] = await this.by(entity.name, 'id').load(ref.id);
    if (!row) throw new Error(`${entity.name} ${ref.id} does not exist`);
    return row as Row<T>;
  }

  /** The row of an optional relation, or null. */
  async maybe<T extends object>(entity: EntityClass<T>, ref: Stub | null | undefined): Promise<Row<T> | null> {
    if (!ref) return null;
    const [row] = await this.by(entity.name, 'id').load(ref.id);
    return (row as Row<T> | undefined) ?? null;
  }

  /** The rows of a one-to-many collection of the object `ownerId` (e.g. a meeting's participants), in its order. */
  async collection<T extends object, K extends CollectionKeys<T>>(
    owner: EntityClass<T>,
    property: K,
    ownerId: string,
  ): Promise<Row<ItemOf<T[K]>>[]> {
    const prop = (this.em.getMetadata().get(owner.name).properties as Record<string, EntityProperty>)[property]!;
    if (prop.kind !== ReferenceKind.ONE_TO_MANY)
      throw new Error(`${owner.name}.${property} is not a one-to-many collection`);
    return (await this.by(prop.type, prop.mappedBy, prop.orderBy as QueryOrderMap<object>).load(
      ownerId,
    )) as Row<ItemOf<T[K]>>[];
  }

  /** The rows whose `column` (a relation they own) is `id`, in `orderBy`: a collection no entity declares. */
  async children<T extends object>(
    entity: EntityClass<T>,
    column: keyof T & string,
    id: string,
    orderBy: QueryOrderMap<T>,
  ): Promise<Row<T>[]> {
    return (await this.by(entity.name, column, orderBy as QueryOrderMap<object>).load(id)) as Row<T>[];
  }

  /** The one row whose `column` (a relation it owns) is `id`, e.g. the vote of an agenda item. */
  async owning<T extends object>(entity: EntityClass<T>, column: keyof T & string, id: string) {
    const [row] = await this.by(entity.name, column).load(id);
    return (row as Row<T> | undefined) ?? null;
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

  /** One computation per operation and key (a meeting's agenda tree, its readiness). */
  memo<V>(key: string, make: () => Promise<V>): Promise<V> {
    let value = this.memos.get(key) as Promise<V> | undefined;
    if (!value) this.memos.set(key, (value = make()));
    return value;
  }

  private by(entityName: string, column: string, orderBy?: QueryOrderMap<object>): DataLoader<string, object[]> {
    const key = `${entityName}.${column}:${JSON.stringify(orderBy ?? null)}`;
    let loader = this.loaders.get(key);
    if (!loader) {
      const shape = shapeOf(this.em.getMetadata().get(entityName));
      const relation = column !== 'id';
      const order = Object.entries(orderBy ?? {}).map(([name, direction]) => ({
        column: shape.meta.properties[name]!.fieldNames[0]!,
        order: String(direction).toLowerCase(),
      }));
      loader = new DataLoader<string, object[]>(async (ids) => {
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
        const groups = new Map<string, object[]>();
        for (const row of rows) {
          const value = row[column];
          const id = relation ? (value as Stub).id : (value as string);
          const group = groups.get(id);
          if (group) group.push(row);
          else groups.set(id, [row]);
        }
        return ids.map((id) => groups.get(id) ?? []);
      });
      this.loaders.set(key, loader);
    }
    return loader;
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
    for (const row of rows) {
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
