import type { DomainEventListener } from '../../core/notifier.js';
import { createModerationBridge, type ModerationBridgeOptions } from '../bridge/moderationBridge.js';
import type { SlackDeps } from '../deps.js';
import { crisisAlertSync } from './alertSync.js';

/**
 * What Slack follows of the crisis and community side of the core: escalation alerts and
 * their threads, and Discord moderation news. Returns how to stop following (waiting for
 * queued news to go out).
 */
export function followCrisis(deps: SlackDeps, subscribe: (listener: DomainEventListener) => () => void, options: ModerationBridgeOptions = {}): { stop(): Promise<void> } {
  const unsubscribeAlerts = subscribe(crisisAlertSync(deps));
  const bridge = createModerationBridge(deps, options);
  const unsubscribeBridge = subscribe(bridge.listener);
  return {
    async stop() {
      unsubscribeAlerts();
      unsubscribeBridge();
      await bridge.drain();
    },
  };
}
