// Migration 38 (lead-outcome-results): a campaign's released results keep its leads' noised counts by outcome.

export const leadOutcomeResultsSchema = `
-- Noised by the vault's guard, each null where suppressed: {"contacted", "meeting", "productOpened", "closed"}.
-- NULL for a release made before outcomes were released.
ALTER TABLE hub.campaign_results ADD COLUMN lead_outcomes jsonb;
`;
