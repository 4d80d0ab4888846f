import { Field, ObjectType } from 'type-graphql';
import { DateTime } from '../../scalars/date-time.js';

@ObjectType({
  simpleResolvers: true,
  description: "The result of `createCalendarFeed`: the feed's address, shown once.",
})
export class CreateCalendarFeedPayload {
  @Field(() => String, {
    description:
      'Where calendar applications subscribe, relative to this server (`/calendar/<token>.ics`): resolve it against ' +
      'the origin the client talks to. It carries the token, so it is shown once.',
  })
  url!: string;

  @Field(() => String, { description: 'The feed token, shown once; it opens the feed and nothing else.' })
  token!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: "The viewer's calendar feed; its token is never shown again.",
})
export class CalendarFeedInfo {
  @Field(() => DateTime, { description: 'When the feed was created.' })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When a calendar application last read it.' })
  lastUsedAt!: Date | null;
}
