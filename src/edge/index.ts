// The edge package's entry: what the customer's device runs (the web console's edge mode, or an app's WebView).
export { CustomerSource, EdgeFactsError } from './customer-source.ts';
export type { EdgeFacts, EdgeProductHeld, EdgeTransaction } from './customer-source.ts';
export { definitionType, keyInLog, openDefinition, trustKey } from './definitions.ts';
export type { DefinitionProblem, EdgeDefinition, FrozenModel, PublishedKey } from './definitions.ts';
export { decideOffers, dismiss, emptyHistory } from './device-rules.ts';
export type { DeviceDecision, DeviceHistory, DevicePreferences } from './device-rules.ts';
export { verifyCheckpoint, verifyInclusion } from './log-proof.ts';
export type { LogProof } from './log-proof.ts';
export { matchDefinitions, planOf } from './matcher.ts';
export { DeviceFeatures, deviceScore, engineFor } from './frozen-models.ts';
export { deviceInsights } from './device-insights.ts';
export type { EdgeExtension, MatchOptions, MatchResult } from './matcher.ts';
export { epochOf, reportsPerEpoch, TokenRequests } from './tokens.ts';
export { dummyCampaign, epochReports, reportBody } from './reports.ts';
export { defaultReportWindowMs, queueReports, reportWindowKey, sendDue, visit } from './device.ts';
export type { DeviceIo, EdgeBundle, Visit } from './device.ts';
