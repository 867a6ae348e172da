import type { ViewOutput } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { CampaignView } from '../../core/campaigns.js';
import { copyLimits, networkSchema, type Network } from '../../core/networkRules.js';
import { planPost } from '../../core/posts.js';
import { addDays } from '../../core/time.js';
import { context, datepicker, input, modal, option, staticSelect, textInput, timepicker } from '../blocks/kit.js';
import { networkLabel } from '../blocks/labels.js';
import { networkOptions } from '../blocks/options.js';
import { callbackIds, fieldIds } from '../ids.js';
import { checkPlannedCopy } from '../sync/postCopyCheck.js';
import { postApprovalRequest } from '../sync/postMessages.js';
import { plannedAnswer } from '../commands/planAnswers.js';
import type { SlackViewDefinition, Translate, ViewOutcome } from '../turns.js';
import { writeMetadata, type ModalMetadata } from './metadata.js';
import { readDatePicked, readSelected, readText, readTimePicked } from './state.js';

/** Slack's text inputs hold at most 3000 characters, whatever the network allows. */
const slackInputMax = 3000;

export type PlanModalInput = {
  /** With `edit`, the form revises that post (see editPostModal.ts) instead of planning one. */
  metadata: ModalMetadata;
  today: string;
  timezone: string;
  campaigns: CampaignView[];
  network?: Network;
  copy?: string;
  date?: string;
  time?: string;
};

/**
 * The plan modal, also the form a post is revised in. The copy field's length limit is the
 * chosen network's, so Slack counts down as the person types; picking another network
 * rebuilds the modal with its limit.
 */
export function buildPlanModal(t: Translate, options: PlanModalInput): ModalView {
  const { edit } = options.metadata;
  const limit = options.network ? copyLimits[options.network] : undefined;
  // A revision keeps the post's campaign: the form does not offer to change it.
  const campaignOptions = edit ? [] : options.campaigns.map((campaign) => option(campaign.name, String(campaign.id)));
  return modal({
    callbackId: edit ? callbackIds.editPostModal : callbackIds.planModal,
    title: edit ? t('slack.editModal.title', { number: edit.number }) : t('slack.planModal.title'),
    submit: edit ? t('slack.editModal.submit') : t('slack.planModal.submit'),
    close: t('slack.modal.cancel'),
    privateMetadata: writeMetadata(options.metadata),
    blocks: [
      input({
        blockId: fieldIds.planNetwork,
        label: t('slack.planModal.network'),
        dispatchAction: true,
        element: staticSelect({ actionId: fieldIds.planNetwork, placeholder: t('slack.planModal.networkPlaceholder'), options: networkOptions(t), initial: options.network }),
      }),
      input({ blockId: fieldIds.planDate, label: t('slack.planModal.date'), element: datepicker({ actionId: fieldIds.planDate, initial: options.date ?? addDays(options.today, 1) }) }),
      input({ blockId: fieldIds.planTime, label: t('slack.planModal.time', { timezone: options.timezone }), element: timepicker({ actionId: fieldIds.planTime, initial: options.time ?? '10:00' }) }),
      input({
        blockId: fieldIds.planCopy,
        label: t('slack.planModal.copy'),
        hint: limit ? t('slack.planModal.copyLimit', { network: networkLabel(options.network ?? 'other', t), limit }) : t('slack.planModal.copyHint'),
        element: textInput({ actionId: fieldIds.planCopy, multiline: true, maxLength: Math.min(limit ?? slackInputMax, slackInputMax), initial: options.copy }),
      }),
      ...(campaignOptions.length
        ? [input({ blockId: fieldIds.planCampaign, label: t('slack.planModal.campaign'), optional: true, element: staticSelect({ actionId: fieldIds.planCampaign, placeholder: t('slack.planModal.noCampaign'), options: campaignOptions }) })]
        : []),
      context(edit ? t('slack.editModal.footer', { version: edit.version + 1 }) : t('slack.planModal.footer')),
    ],
  });
}

/** What the form's fields hold, checked: the answer to give per empty field otherwise. */
export type PlanFields = { kind: 'ok'; network: Network; date: string; time: string; copy: string } | { kind: 'errors'; errors: Record<string, string> };

export function readPlanFields(view: ViewOutput, t: Translate): PlanFields {
  const network = networkSchema.safeParse(readSelected(view, fieldIds.planNetwork));
  const date = readDatePicked(view, fieldIds.planDate);
  const time = readTimePicked(view, fieldIds.planTime);
  const copy = readText(view, fieldIds.planCopy);
  const errors: Record<string, string> = {};
  if (!network.success) errors[fieldIds.planNetwork] = t('slack.planModal.networkRequired');
  if (!date) errors[fieldIds.planDate] = t('slack.planModal.dateRequired');
  if (!time) errors[fieldIds.planTime] = t('slack.planModal.timeRequired');
  if (!copy) errors[fieldIds.planCopy] = t('slack.planModal.copyRequired');
  if (!network.success || !date || !time || !copy) return { kind: 'errors', errors };
  return { kind: 'ok', network: network.data, date, time, copy };
}

/** Which field a refusal of the post's date, time or copy belongs to. */
export const planFieldForError = {
  'post.timeInPast': fieldIds.planDate,
  'post.copyTooLong': fieldIds.planCopy,
  'post.bannedWords': fieldIds.planCopy,
  'post.copyTooLongWithBannedWords': fieldIds.planCopy,
} as const;

export const planModalView: SlackViewDefinition = {
  callbackId: callbackIds.planModal,
  errorBlockId: fieldIds.planCopy,
  fieldForError: { ...planFieldForError, 'post.campaignNotFound': fieldIds.planCampaign },
  async submit({ deps, view, metadata, place, person, t }): Promise<ViewOutcome> {
    const fields = readPlanFields(view, t);
    if (fields.kind === 'errors') return fields;
    const { network, date, time, copy } = fields;
    const campaign = readSelected(view, fieldIds.planCampaign);
    const post = await planPost(deps.ctx, { brandId: place.brand.id, actorId: person.id, network, date, time, copy, campaignId: campaign ? Number(campaign) : null });
    return {
      kind: 'close',
      after: async (tell) => {
        const channelId = place.brand.settings.approvalsChannel ?? metadata.channelId ?? person.externalId;
        const posted = await postApprovalRequest(deps, place.brand, post, channelId);
        // After the modal closed (the check is a model call); the request first, then its check.
        await checkPlannedCopy(deps, post);
        await tell(plannedAnswer(t, place, post, posted, metadata.channelId));
      },
    };
  },
};
