// The log's inclusion proofs in the browser: the same checks the edge package runs (src/edge/log-proof.ts).
export { leafHashOf, verifyInclusionProof as verifyInclusion } from '../../src/edge/log-proof.ts';
