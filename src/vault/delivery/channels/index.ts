// Channel adapters: email and push carry a neutral notice, webhooks carry signed payloads to the bank itself.
export { deriveMessageId, isMessageId } from './channel.ts';
export type {
  AnyChannelAdapter,
  ChannelAdapter,
  ChannelKind,
  JsonValue,
  MessageIdInput,
  NeutralNotice,
  OutboundNotice,
  SendResult,
  WebhookNotice,
} from './channel.ts';
export { EmailChannel, type EmailChannelConfig } from './email-channel.ts';
export type { RetryClock, RetryOptions } from './http-delivery.ts';
export { PushChannel, type PushChannelConfig } from './push-channel.ts';
export { WebhookChannel, type WebhookChannelConfig } from './webhook-channel.ts';
export { signWebhook, verifyWebhookSignature, type WebhookVerification } from './webhook-signature.ts';
