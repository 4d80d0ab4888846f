/**
 * Mentions in appraisal comments: `@[Full Name](user:<uuid>)`, a markdown-like link that the client writes
 * when someone is picked (`formatMention`) and shows as their name (`mentionSegments`). The server notifies
 * each user a comment mentions who may read the comment; a mention of anyone else stays text. The name is
 * what the author saw when writing: it is shown as written, never looked up.
 */

/** One mention in a body: whom it names, and where it stands (UTF-16 offsets, as `String.slice` takes). */
export interface Mention {
  userId: string;
  name: string;
  index: number;
  length: number;
}

/** At most this many distinct users mentioned in one comment (more is refused, not cut). */
export const mentionsMax = 20;
/** The longest name a mention shows. */
export const mentionNameMax = 200;

const uuid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const mentionPattern = new RegExp(`@\\[([^\\[\\]\\n]{1,${mentionNameMax}})\\]\\(user:(${uuid})\\)`, 'g');

/** Every mention in the body, in order; the ids lower-cased. Text that only looks like one is not one. */
export function parseMentions(body: string): Mention[] {
  return [...body.matchAll(mentionPattern)].map((match) => ({
    userId: match[2]!.toLowerCase(),
    name: match[1]!,
    index: match.index,
    length: match[0].length,
  }));
}

/** The distinct users the body mentions, in the order of their first mention. */
export function mentionedUserIds(body: string): string[] {
  return [...new Set(parseMentions(body).map((mention) => mention.userId))];
}

/** The token for a mention of the user; brackets, line breaks and runs of spaces in the name become a space. */
export function formatMention(name: string, userId: string): string {
  const id = userId.toLowerCase();
  const shown =
    name
      .replace(/[[\]\s]+/g, ' ')
      .trim()
      .slice(0, mentionNameMax)
      .trim() || id;
  return `@[${shown}](user:${id})`;
}

/** The body as text and mentions in turn, for showing it. */
export function mentionSegments(body: string): (string | Mention)[] {
  const segments: (string | Mention)[] = [];
  let at = 0;
  for (const mention of parseMentions(body)) {
    if (mention.index > at) segments.push(body.slice(at, mention.index));
    segments.push(mention);
    at = mention.index + mention.length;
  }
  if (at < body.length) segments.push(body.slice(at));
  return segments;
}
