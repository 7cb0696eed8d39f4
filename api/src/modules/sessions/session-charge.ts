// The money written by a booking: the mentee pays the snapshotted price in full up front.
// Kept in one function so the money module (refunds, payouts) can take it over unchanged.
import type { DbTx } from "../../lib/db.js";

export interface BookingCharge {
  sessionId: string;
  payerId: string;
  payeeId: string;
  amountMinor: number;
  currency: string;
  at: Date;
}

export async function chargeForBooking(tx: DbTx, c: BookingCharge): Promise<{ id: string }> {
  return tx.charge.create({
    data: { sessionId: c.sessionId, payerId: c.payerId, payeeId: c.payeeId, amountMinor: c.amountMinor, currency: c.currency, createdAt: c.at },
    select: { id: true },
  });
}

/** Price = hourly rate x duration x fee multiplier (basis points), in integer minor units. */
export const sessionPrice = (hourlyRateMinor: number, durationMinutes: number, feeMultiplierBps: number) =>
  Math.round((hourlyRateMinor * durationMinutes * feeMultiplierBps) / (60 * 10_000));
