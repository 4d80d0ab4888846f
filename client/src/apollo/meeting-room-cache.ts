import type { ApolloCache, Reference } from '@apollo/client';
import { agendaSiblingIndex } from '@quorum/shared';

interface Node {
  ref: Reference;
  id: string;
  children: Node[];
}

/**
 * Shows another person's move at once, before the agenda is read again: the moved item's
 * subject (already in the cache) names its new parent and, in its number, its place among
 * its new siblings ("2.3": third under item 2). Reorders the meeting's cached `agenda` list,
 * depth first, accordingly. The reload that follows brings the server's numbers and totals.
 */
export function applyRemoteMove(cache: ApolloCache, meetingId: string, itemId: string, number: string): void {
  const index = agendaSiblingIndex(number);
  if (index === null) return;
  const id = cache.identify({ __typename: 'Meeting', id: meetingId });
  if (!id) return;
  cache.modify({
    id,
    fields: {
      agenda(existing, { readField }) {
        const refs = existing as readonly Reference[];
        const nodes = new Map<string, Node>();
        for (const ref of refs) {
          const nodeId = readField<string>('id', ref);
          if (nodeId) nodes.set(nodeId, { ref, id: nodeId, children: [] });
        }
        const moved = nodes.get(itemId);
        if (!moved) return existing;
        const roots: Node[] = [];
        for (const node of nodes.values()) {
          if (node === moved) continue;
          const parentId = readField<string | null>('parentId', node.ref);
          const parent = parentId ? nodes.get(parentId) : undefined;
          (parent ? parent.children : roots).push(node);
        }
        const newParentId = readField<string | null>('parentId', moved.ref);
        const siblings = newParentId ? nodes.get(newParentId)?.children : roots;
        if (!siblings) return existing;
        siblings.splice(Math.min(index, siblings.length), 0, moved);
        const ordered: Reference[] = [];
        const walk = (level: Node[]) =>
          level.forEach((node) => {
            ordered.push(node.ref);
            walk(node.children);
          });
        walk(roots);
        return ordered.length === refs.length ? ordered : existing;
      },
    },
  });
}
