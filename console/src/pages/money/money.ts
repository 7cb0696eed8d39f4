// Money is integer minor units + ISO currency (as the API sends it).
export const fmtMoney = (m?: { amountMinor: number; currency: string } | null) =>
  m ? `${(m.amountMinor / 100).toFixed(2)} ${m.currency}` : "—";

/** "12.50" -> 1250; undefined when it is not a non-negative amount with at most two decimals. */
export function parseMinor(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return undefined;
  return Math.round(Number(t) * 100);
}
