import { InMemoryCache } from '@apollo/client';
import type { Cache, NormalizedCacheObject, Reference, StoreObject } from '@apollo/client';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An InMemoryCache in which an object's `version` never goes backwards.
 *
 * Answers can land out of order: a reload that left the server before a vote was recorded may arrive after
 * the vote's own answer. The default cache would take the last one, put the item back to its older version,
 * and the next save would be refused with a false CONFLICT. A type policy's `merge` cannot prevent it: for a
 * normalized object Apollo merges the fields before asking the type (apollo-client#9502). So every write is
 * checked here, in the one place all answers, events and cache updates pass: an object whose `version` is
 * lower than the cached one is written (the answer's other objects need its reference) and then put back as
 * it was, with the objects nested under it that carry no version of their own (its vote, say).
 */
export class VersionedCache extends InMemoryCache {
  override write(options: Cache.WriteOptions): Reference | undefined {
    const { older, cached: kept } = this.olderObjects(options.result);
    if (older.size === 0 || !kept) return super.write(options);
    const writeAndRestore = () => {
      const ref = super.write(options);
      for (const id of older) this.restoreEntity(id, kept);
      return ref;
    };
    // Inside a batch the watchers hear of the write and the restore together, never of the older state.
    return options.broadcast === false ? writeAndRestore() : this.batch({ update: writeAndRestore });
  }

  /** Cache ids of the objects in `result` older than their cached selves, and what they hold unversioned. */
  private olderObjects(result: unknown): { older: Set<string>; cached?: NormalizedCacheObject } {
    const older = new Set<string>();
    let cached: NormalizedCacheObject | undefined;
    const cachedVersion = (id: string): unknown => {
      cached ??= this.extract();
      return cached[id]?.['version'];
    };
    const visit = (value: unknown, insideOlder: boolean): void => {
      if (Array.isArray(value)) {
        for (const entry of value) visit(entry, insideOlder);
        return;
      }
      if (!isObject(value)) return;
      const id = typeof value['__typename'] === 'string' ? this.identify(value as StoreObject) : undefined;
      let isOlder = insideOlder;
      if (id) {
        const incoming = value['version'];
        if (typeof incoming === 'number') {
          const current = cachedVersion(id);
          isOlder = typeof current === 'number' && incoming < current;
        }
        if (isOlder) older.add(id);
      }
      for (const [key, child] of Object.entries(value)) if (key !== '__typename') visit(child, isOlder);
    };
    visit(result, false);
    return { older, cached };
  }

  private restoreEntity(id: string, kept: NormalizedCacheObject): void {
    const before = kept[id];
    if (!before) return;
    this.modify({
      id,
      broadcast: false,
      fields: (value, { storeFieldName }) =>
        Object.prototype.hasOwnProperty.call(before, storeFieldName)
          ? (before[storeFieldName] as typeof value)
          : value,
    });
  }
}
