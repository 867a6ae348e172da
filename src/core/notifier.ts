/**
 * Things that happened in the core that platforms may want to show. Payloads carry ids
 * only: a listener re-reads what it renders, so it always shows the current state.
 * Adapters subscribe; the core never knows who listens.
 */
export type DomainEvent =
  | { type: 'post.planned'; brandId: number; postId: number }
  | { type: 'post.decided'; brandId: number; postId: number; decision: 'approved' | 'changes_requested' | 'rejected'; final: boolean }
  | { type: 'post.changed'; brandId: number; postId: number; change: 'edited' | 'expired' | 'nudged' }
  | { type: 'interaction.logged'; brandId: number; interactionId: number }
  | { type: 'escalation.raised'; brandId: number; escalationId: number }
  | { type: 'escalation.updated'; brandId: number; escalationId: number; change: 'acknowledged' | 'note' | 'linked' | 'resolved' | 'paged' }
  | { type: 'publishing.frozen'; brandId: number; escalationId: number }
  | { type: 'publishing.unfrozen'; brandId: number; escalationId: number | null }
  | { type: 'moderation.case'; brandId: number | null; guildId: string; caseId: number }
  | { type: 'moderation.report'; brandId: number | null; guildId: string; reportId: number };

export type DomainEventType = DomainEvent['type'];

export type Notifier = {
  publish(event: DomainEvent): Promise<void>;
};

export type DomainEventListener = (event: DomainEvent) => Promise<void> | void;

/** Fans events out to listeners; one listener failing does not stop the others. */
export function createNotifier(onListenerError: (error: unknown, event: DomainEvent) => void): Notifier & {
  subscribe(listener: DomainEventListener): () => void;
} {
  const listeners = new Set<DomainEventListener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async publish(event) {
      await Promise.all(
        [...listeners].map(async (listener) => {
          try {
            await listener(event);
          } catch (error) {
            onListenerError(error, event);
          }
        }),
      );
    },
  };
}
