import type { PlainTextOption } from '@slack/types';
import { goalMetricSchema } from '../../core/goalValues.js';
import { interactionKindSchema } from '../../core/interactions.js';
import { networks } from '../../core/networkRules.js';
import type { Translate } from '../turns.js';
import { option } from './kit.js';
import { networkLabel } from './labels.js';

export function networkOptions(t: Translate): PlainTextOption[] {
  return networks.map((network) => option(networkLabel(network, t), network));
}

export function goalMetricOptions(t: Translate): PlainTextOption[] {
  return goalMetricSchema.options.map((metric) => option(t(`slack.metric.${metric}`), metric));
}

export function interactionKindOptions(t: Translate): PlainTextOption[] {
  return interactionKindSchema.options.map((kind) => option(t(`slack.interactionKind.${kind}`), kind));
}
