/**
 * The live WebSocket connections of this process by user, so that deactivating a user closes theirs at once.
 */
export class LiveConnections {
  private readonly byUser = new Map<string, Set<(code: number, reason: string) => void>>();

  add(userId: string, close: (code: number, reason: string) => void): () => void {
    let set = this.byUser.get(userId);
    if (!set) this.byUser.set(userId, (set = new Set()));
    set.add(close);
    return () => {
      set.delete(close);
      if (set.size === 0) this.byUser.delete(userId);
    };
  }

  /** Closes with 4403 (Forbidden), as for a connection refused at connect time. */
  closeUser(userId: string): void {
    for (const close of this.byUser.get(userId) ?? []) close(4403, 'Forbidden');
  }
}
