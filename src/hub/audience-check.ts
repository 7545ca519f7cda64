// Asks the vault's checker about a segment expression and turns a refusal into an error that shows the place.
import { CurtainError } from '../core/errors.ts';
import type { DoorRefusal, QuestionCheck, VaultDoor } from '../core/vault-door.ts';

export async function checkAudience(
  door: VaultDoor,
  expression: string,
  purpose: string,
): Promise<QuestionCheck> {
  const checked = await door.check(expression, purpose);
  if (checked.ok) return checked.value;
  throw refusalError(checked.error);
}

/** The vault's code passes through (e.g. QUESTION_INVALID with the rendered diagnostics as the message). */
export function refusalError(refusal: DoorRefusal): CurtainError {
  const message =
    refusal.rendered === undefined ? refusal.message : `${refusal.message}\n${refusal.rendered}`;
  return new CurtainError(refusal.code, message);
}
