import { DiffGranularity, DiffPartKind } from '@quorum/shared';
import { diffArrays, diffWordsWithSpace, type ChangeObject } from 'diff';

/** A run of text that is in both texts, or only in the later one, or only in the earlier one. */
export interface DiffPart {
  kind: DiffPartKind;
  text: string;
}

/**
 * How long a diff may compute before it falls back to a coarser one (words to lines, lines to "all removed,
 * all added"): two long, very different bodies would otherwise hold the event loop for seconds.
 */
const diffTimeoutMs = 1_000;

const kindOf = (change: ChangeObject<string>) =>
  change.added ? DiffPartKind.ADDED : change.removed ? DiffPartKind.REMOVED : DiffPartKind.SAME;

/**
 * A readable diff of two texts (jsdiff): by words, each word, punctuation mark and run of spaces a token
 * (Vietnamese letters included), or by whole lines (a body's line is a block: a paragraph, a heading, a list
 * item). Exact: read in order, SAME and REMOVED parts make `from`, SAME and ADDED parts make `to`. Adjacent
 * parts of one kind are merged.
 */
export function textDiff(from: string, to: string, granularity: DiffGranularity): DiffPart[] {
  if (from === to) return from ? [{ kind: DiffPartKind.SAME, text: from }] : [];
  const words =
    granularity === DiffGranularity.WORDS
      ? diffWordsWithSpace(from, to, { timeout: diffTimeoutMs })
      : undefined;
  const parts: DiffPart[] = [];
  const push = (kind: DiffPartKind, text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  if (words) for (const change of words) push(kindOf(change), change.value);
  else if (!pushLines(from, to, push)) {
    push(DiffPartKind.REMOVED, from);
    push(DiffPartKind.ADDED, to);
  }
  return parts;
}

/**
 * The diff of the texts' lines. Each line but the first carries the newline before it: a newline both texts
 * have there is SAME; one only the earlier (or later) text has is REMOVED (or ADDED). False when it took too
 * long.
 */
function pushLines(from: string, to: string, push: (kind: DiffPartKind, text: string) => void): boolean {
  const changes = diffArrays(from.split('\n'), to.split('\n'), { timeout: diffTimeoutMs });
  if (!changes) return false;
  let i = 0;
  let j = 0;
  for (const change of changes)
    for (const line of change.value) {
      if (change.added) push(DiffPartKind.ADDED, (j++ > 0 ? '\n' : '') + line);
      else if (change.removed) push(DiffPartKind.REMOVED, (i++ > 0 ? '\n' : '') + line);
      else {
        if (i > 0 && j > 0) push(DiffPartKind.SAME, '\n');
        else if (i > 0) push(DiffPartKind.REMOVED, '\n');
        else if (j > 0) push(DiffPartKind.ADDED, '\n');
        push(DiffPartKind.SAME, line);
        i++;
        j++;
      }
    }
  return true;
}
