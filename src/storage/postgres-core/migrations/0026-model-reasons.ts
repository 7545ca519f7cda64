// Migration 26 (model-reasons): why a model version was approved or retired, as its approver or retirer wrote it;
// and how a hub campaign with several offers picks each person's: by interest (the hub) or propensity (the vault).
export const modelReasonsSchema = `
ALTER TABLE model_versions ADD COLUMN approval_reason text;
ALTER TABLE model_versions ADD COLUMN retirement_reason text;
ALTER TABLE hub.campaigns ADD COLUMN pick_offers_by text NOT NULL DEFAULT 'interest'
  CHECK (pick_offers_by IN ('interest', 'propensity'));
`;
