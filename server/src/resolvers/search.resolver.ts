import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../context.js';
import { registerDescribedEnum } from '../entities/enums.js';
import { AgendaItem, AppraisalComment, Meeting, Proposal, Task } from '../entities/index.js';
import { auditConfidentialReads } from '../policies/field-guards.js';
import { requireViewer } from '../policies/viewer.policy.js';
import type { Row } from '../read/rows.js';
import { search, searchLimits, SearchKind, type SearchHit } from '../read/search.js';
import { DateTime } from '../scalars/date-time.js';
import { PageInfo } from './types/connection.js';

registerDescribedEnum(SearchKind, 'SearchKind', {
  description: 'What a search result is.',
  values: {
    MEETING: 'A meeting, matched by its title or location.',
    AGENDA_ITEM: "An item of a meeting's agenda, matched by its title or description.",
    PROPOSAL: 'A proposal, matched by its title, summary or body.',
    COMMENT: 'An appraisal comment on a proposal, matched by its body.',
    TASK: 'A task, matched by its title or description.',
  },
});

@ObjectType({
  simpleResolvers: true,
  description: 'One thing found: what it is, where it matched, where it leads.',
})
export class SearchResult {
  @Field(() => SearchKind, {
    description:
      'What was found; the field of the same name (`meeting`, `agendaItem`, `proposal`, `comment`, `task`) holds it.',
  })
  kind!: SearchKind;

  @Field(() => ID, { description: 'The id of the object found (of its kind).' })
  id!: string;

  @Field(() => String, { description: "Its title (a comment's opening words)." })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Some of its text around the match.' })
  snippet!: string | null;

  @Field(() => Float, { description: 'Higher is better: a title match outranks a match in the text.' })
  rank!: number;

  @Field(() => DateTime, { description: 'When the object found last changed.' })
  updatedAt!: Date;

  meetingId!: string | null;
  proposalId!: string | null;
}

@ObjectType('SearchEdge', {
  simpleResolvers: true,
  description: 'One search result in a page, with its cursor.',
})
class SearchEdge {
  @Field(() => String, { description: 'Opaque; pass it as `after` to read on from this result.' })
  cursor!: string;

  @Field(() => SearchResult, { description: 'The result.' })
  node!: SearchHit;
}

@ObjectType({ simpleResolvers: true, description: 'How many results of one kind the search found.' })
class SearchKindCount {
  @Field(() => SearchKind, { description: 'The kind counted.' })
  kind!: SearchKind;

  @Field(() => Int, { description: 'How many results of that kind.' })
  count!: number;
}

@ObjectType('SearchConnection', {
  simpleResolvers: true,
  description: 'A page of search results, best first, with the counts per kind of the whole search.',
})
export class SearchConnection {
  @Field(() => [SearchEdge], { description: 'The results of this page, best first.' })
  edges!: SearchEdge[];

  @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursors to read them.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many results the whole search found (all pages).' })
  totalCount!: number;

  @Field(() => [SearchKindCount], { description: 'The results per kind (kinds with none left out).' })
  counts!: SearchKindCount[];
}

@Resolver(() => SearchResult)
export class SearchResolver {
  @Query(() => SearchConnection, {
    description: `Meetings, agenda items, proposals (their text too), comments and tasks the viewer may read that match \`query\` (1 to ${searchLimits.queryMax} characters; diacritics and case ignored), best first; \`first\` 1 to ${searchLimits.pageSizeMax}.`,
  })
  async search(
    @Arg('query', () => String, {
      description: 'The words to find, 1 to 200 characters; diacritics and case are ignored.',
    })
    query: string,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 50; default 20.' })
    first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The `endCursor` of the previous page; omitted: the best results.',
    })
    after: string | undefined,
    @Ctx() context: Context,
  ): Promise<SearchConnection> {
    const page = await search(context.em, requireViewer(context.viewer), {
      query,
      first: first ?? null,
      after: after ?? null,
    });
    // A title or a snippet is a read: of the meeting of an agenda item, of the proposal of a comment.
    await auditConfidentialReads(
      context,
      page.hits.map((hit) =>
        hit.meetingId
          ? { entity: Meeting, id: hit.meetingId, classification: hit.classification }
          : hit.proposalId
            ? { entity: Proposal, id: hit.proposalId, classification: hit.classification }
            : { entity: Task, id: hit.id, classification: hit.classification },
      ),
    );
    return {
      edges: page.hits.map((hit) => ({ cursor: hit.cursor, node: hit })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.hits[0]?.cursor ?? null,
        endCursor: page.hits.at(-1)?.cursor ?? null,
      },
      totalCount: page.totalCount,
      counts: page.counts,
    };
  }

  @FieldResolver(() => Meeting, {
    nullable: true,
    description: 'The meeting found, or the agenda item’s meeting.',
  })
  meeting(
    @Root() hit: SearchHit,
    @Ctx() { rows }: Context,
  ): Row<Meeting> | null | Promise<Row<Meeting> | null> {
    return rows.maybe(Meeting, hit.meetingId ? { id: hit.meetingId } : null);
  }

  @FieldResolver(() => AgendaItem, {
    nullable: true,
    description: 'The agenda item found, for AGENDA_ITEM; else null.',
  })
  agendaItem(
    @Root() hit: SearchHit,
    @Ctx() { rows }: Context,
  ): Row<AgendaItem> | null | Promise<Row<AgendaItem> | null> {
    return rows.maybe(AgendaItem, hit.kind === SearchKind.AGENDA_ITEM ? { id: hit.id } : null);
  }

  @FieldResolver(() => Proposal, {
    nullable: true,
    description: 'The proposal found, or the comment’s proposal.',
  })
  proposal(
    @Root() hit: SearchHit,
    @Ctx() { rows }: Context,
  ): Row<Proposal> | null | Promise<Row<Proposal> | null> {
    return rows.maybe(Proposal, hit.proposalId ? { id: hit.proposalId } : null);
  }

  @FieldResolver(() => AppraisalComment, {
    nullable: true,
    description: 'The appraisal comment found, for COMMENT; else null.',
  })
  comment(
    @Root() hit: SearchHit,
    @Ctx() { rows }: Context,
  ): Row<AppraisalComment> | null | Promise<Row<AppraisalComment> | null> {
    return rows.maybe(AppraisalComment, hit.kind === SearchKind.COMMENT ? { id: hit.id } : null);
  }

  @FieldResolver(() => Task, { nullable: true, description: 'The task found, for TASK; else null.' })
  task(@Root() hit: SearchHit, @Ctx() { rows }: Context): Row<Task> | null | Promise<Row<Task> | null> {
    return rows.maybe(Task, hit.kind === SearchKind.TASK ? { id: hit.id } : null);
  }
}
