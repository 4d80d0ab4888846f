import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import {
  calendarFeedPath,
  createCalendarFeed,
  currentCalendarFeed,
  revokeCalendarFeed,
} from '../exports/calendar-feed.js';
import { requireWriter } from '../policies/viewer.policy.js';
import { CalendarFeedInfo, CreateCalendarFeedPayload } from './types/calendar.input.js';

/** The viewer's iCalendar feed (`GET /calendar/<token>.ics`): the meetings they may read. */
@Resolver()
export class CalendarResolver {
  @Query(() => CalendarFeedInfo, {
    nullable: true,
    description: "The viewer's active calendar feed, if any.",
  })
  async calendarFeed(@Ctx() { em, viewer }: Context): Promise<CalendarFeedInfo | null> {
    const feed = await currentCalendarFeed(em, requireWriter(viewer));
    return feed && { createdAt: feed.createdAt, lastUsedAt: feed.lastUsedAt ?? null };
  }

  @Mutation(() => CreateCalendarFeedPayload, {
    description:
      "Issues the viewer's calendar feed URL, revoking the previous one (one is active at a time).",
  })
  async createCalendarFeed(@Ctx() { em, viewer }: Context): Promise<CreateCalendarFeedPayload> {
    const { token } = await createCalendarFeed(em, requireWriter(viewer));
    return { token, url: calendarFeedPath(token) };
  }

  @Mutation(() => Boolean, { description: "Revokes the viewer's calendar feed; false when there was none." })
  revokeCalendarFeed(@Ctx() { em, viewer }: Context): Promise<boolean> {
    return revokeCalendarFeed(em, requireWriter(viewer));
  }
}
