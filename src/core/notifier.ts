/**
 * Things that happened in the core that platforms may want to show (a post to approve,
 * an escalation to page). Adapters subscribe; the core never knows who listens.
 */
export type DomainEvent = { type: string; brandId: number; [key: string]: unknown };

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
