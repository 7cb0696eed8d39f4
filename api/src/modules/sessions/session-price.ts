// Pricing of a booking. The charge itself is written by the money module (captureBookingCharge).

/** Price = hourly rate x duration x fee multiplier (basis points), in integer minor units. */
export const sessionPrice = (hourlyRateMinor: number, durationMinutes: number, feeMultiplierBps: number) =>
  Math.round((hourlyRateMinor * durationMinutes * feeMultiplierBps) / (60 * 10_000));
