// The Slack stand-in lives with the playground, which drives the same one in a browser
// (one implementation, not two); tests start it from here.
export { startFakeSlackApi } from '../../src/playground/slack/fakeSlackApi.js';
export type { FakeSlackApi, InjectedFailure, RecordedApiCall, RecordedResponse, ResponseUrlBody } from '../../src/playground/slack/fakeSlackApi.js';
export type { SlackMessage, SlackView } from '../../src/playground/slack/fakeSlackWorkspace.js';
export { buildAppHomeOpened, buildMessageAction, buildSlashCommand, buildViewAction, buildViewSubmission } from '../../src/playground/slack/payloads.js';
export type { SlackActor, SlackRequest } from '../../src/playground/slack/payloads.js';
export { sendToApp } from '../../src/playground/slack/sendToApp.js';
export type { AppAnswer, SendOptions } from '../../src/playground/slack/sendToApp.js';
export { signSlackRequest, slackSignatureHeaders } from '../../src/playground/slack/signing.js';
export { fillViewState } from '../../src/playground/slack/viewState.js';
