// What other modules call (they import only this file of the money module).
//   sessions:        captureBookingCharge (booking), refundCancellation (cancel)
//   trust & safety:  refundInFull (a banned mentor's future bookings)
export { captureBookingCharge, refundableMinor, type BookingCharge } from "./ledger.service.js";
export { refundInFull, refundCancellation } from "./refunds.service.js";
export { partialRefundAmount } from "./partial-refunds.service.js";
