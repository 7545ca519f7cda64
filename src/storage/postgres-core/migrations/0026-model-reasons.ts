// Migration 26 (model-reasons): why a model version was approved or retired, as its approver or retirer wrote it.
export const modelReasonsSchema = `
ALTER TABLE model_versions ADD COLUMN approval_reason text;
ALTER TABLE model_versions ADD COLUMN retirement_reason text;
`;
