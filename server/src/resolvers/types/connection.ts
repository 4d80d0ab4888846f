import { limits } from '@quorum/shared';
import {
  type Cursor,
  CursorError,
  type EntityClass,
  type FilterQuery,
  type QueryOrderMap,
} from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { BadInputError } from '../../errors.js';
import { prefetchFor } from '../../read/prefetch.js';
import { thenOrNow, type Row, type Rows } from '../../read/rows.js';

@ObjectType({
  simpleResolvers: true,
  description: 'Where a page stands in its list (Relay cursor connections).',
})
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow: ask again with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Items come before this page (it was asked for with `after`).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first item's cursor; null for an empty page." })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The last item's cursor, to pass as `after` for the next page; null for an empty page.",
  })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size, at most ${limits.pageSizeMax}; default ${limits.pageSizeDefault}.`,
  })
  first?: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The `endCursor` of the previous page; omitted: the first page. A malformed cursor is BAD_USER_INPUT.',
  })
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type (Relay cursor connections). */
export function connectionType<T extends object>(
  node: ClassType<T>,
  name: string,
): ClassType<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, {
    simpleResolvers: true,
    description: `One ${name} in a page, with its cursor.`,
  })
  class EdgeType {
    @Field(() => String, { description: 'Opaque; pass it as `after` to read on from this item.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    simpleResolvers: true,
    description: `A page of ${name} items (Relay cursor connection), in the order the field states.`,
  })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page, in order.' })
    edges!: Edge<T>[];

    @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursors to read them.' })
    pageInfo!: PageInfo;

    @Field(() => Int, {
      description: 'How many items the whole list has (all pages), as the viewer may see them.',
    })
    totalCount!: number;
  }
  return ConnectionType;
}

/** The requested page size, capped at the API limit; a negative size is refused. */
export function pageSize(first: number | undefined): number {
  if (first === undefined || first === null) return limits.pageSizeDefault;
  if (!Number.isInteger(first) || first < 0)
    throw new BadInputError('first', '"first" must be zero or a positive integer');
  return Math.min(first, limits.pageSizeMax);
}

/** A keyset page of a root list, ordered by `orderBy` (which must end in a unique column). */
export async function findPage<T extends object>(
  rows: Rows,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>,
  args: PageArgs,
  info: GraphQLResolveInfo,
): Promise<ConnectionShape<Row<T>>> {
  let page: Cursor<Row<T>>;
  try {
    page = await rows.page(entity, where, orderBy, pageSize(args.first), args.after);
  } catch (error) {
    if (error instanceof CursorError)
      throw new BadInputError('after', 'The cursor "after" is not valid for this list');
    throw error;
  }
  await prefetchFor(rows, entity, page.items, info, true);
  return {
    edges: page.items.map((node) => ({ node, cursor: page.from(node) })),
    pageInfo: {
      hasNextPage: page.hasNextPage ?? false,
      hasPreviousPage: page.hasPrevPage ?? false,
      startCursor: page.startCursor,
      endCursor: page.endCursor,
    },
    totalCount: page.totalCount,
  };
}

/** A page of an already loaded list (a nested relation batched by the dataloader); the cursor is the node id. */
export function slicePage<T extends { id: string }>(items: readonly T[], args: PageArgs): ConnectionShape<T> {
  const size = pageSize(args.first);
  let start = 0;
  if (args.after) {
    const index = items.findIndex((item) => item.id === args.after);
    if (index < 0) throw new BadInputError('after', 'The cursor "after" is not in this list');
    start = index + 1;
  }
  const nodes = items.slice(start, start + size);
  return {
    edges: nodes.map((node) => ({ node, cursor: node.id })),
    pageInfo: {
      hasNextPage: start + size < items.length,
      hasPreviousPage: start > 0,
      startCursor: nodes[0]?.id ?? null,
      endCursor: nodes.at(-1)?.id ?? null,
    },
    totalCount: items.length,
  };
}

/** A page of a collection the read path answers at once or later (see Rows.collection). */
export function pageOf<T extends { id: string }>(
  items: T[] | Promise<T[]>,
  args: PageArgs,
): ConnectionShape<T> | Promise<ConnectionShape<T>> {
  return thenOrNow(items, (loaded) => slicePage(loaded, args));
}
