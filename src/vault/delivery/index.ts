// Delivery: the relay that turns "send offer O to audience A" into inbox messages and neutral notices.
export { DeliveryService, type DeliveryServiceOptions, type DeliveryServices } from './delivery-service.ts';
export { InboxService, type InboxMessage, type InboxResponse } from './inbox-service.ts';
export { faultFromEnvironment, faultPoints, type FaultHook, type FaultPoint } from './faults.ts';
export type { NoticeAdapters, NoticeSummary } from './notice-sender.ts';
