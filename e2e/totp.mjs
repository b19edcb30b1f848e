// An authenticator app's codes, computed with Node's own HMAC-SHA1 (RFC 6238 with RFC 4226's
// truncation), from the secret a page shows.

import { createHmac } from 'node:crypto';

/** RFC 4648 base 32, as authenticator apps read the secret. */
export function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    const i = alphabet.indexOf(c);
    if (i < 0) throw new Error(`not base 32: ${c}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

/** The six-digit code of time step `step` (RFC 6238 with RFC 4226's truncation, SHA-1). */
export function totp(key, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

export const stepNow = () => Math.floor(Date.now() / 1000 / 30);

/** A six-digit code accepted at none of the steps around `step`. */
export function wrongCode(key, step) {
  const right = new Set([-2, -1, 0, 1, 2].map((d) => totp(key, step + d)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!right.has(code)) return code;
  }
}
