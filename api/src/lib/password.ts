// scrypt (memory-hard, in Node's core). Parameters are stored with each hash so the cost can be
// raised later without invalidating existing passwords.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(pw, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );

const KEY_LEN = 32;

export async function hashPassword(password: string, costExp: number): Promise<string> {
  const N = 2 ** costExp;
  const r = 8;
  const p = 1;
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize("NFKC"), salt, KEY_LEN, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
  return `scrypt$${costExp}$${r}$${p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, costExp, r, p, saltB64, keyB64] = stored.split("$");
  if (scheme !== "scrypt" || !keyB64) return false;
  const N = 2 ** Number(costExp);
  const expected = Buffer.from(keyB64, "base64url");
  const key = await scrypt(password.normalize("NFKC"), Buffer.from(saltB64, "base64url"), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * N * Number(r) + 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;
/** Burns the same time as a real check so unknown emails are not revealed by timing. */
export async function verifyAgainstDummy(password: string, costExp: number): Promise<false> {
  dummy ??= hashPassword("not-a-real-password", costExp);
  await verifyPassword(password, await dummy);
  return false;
}
