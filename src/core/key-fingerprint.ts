// A public key's fingerprint as the transparency log records it: SHA-256 in letters only (a…p per nibble).

/**
 * Letters, not hex digits: the log refuses entries whose digit runs look like a phone or card number, and a
 * random hex digest sometimes does. Computed with WebCrypto, so the vault and the customer's device share it.
 */
export async function keyFingerprint(publicKey: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(publicKey)));
  let text = '';
  for (const byte of digest) text += String.fromCharCode(97 + (byte >> 4), 97 + (byte & 15));
  return text;
}
