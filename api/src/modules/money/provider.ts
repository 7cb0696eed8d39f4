// The payment-provider boundary. The platform's own ledger (the Charge and Refund rows) is the
// default and only provider: there is no pretend external gateway. A real one (Stripe, Adyen)
// would implement this interface and be called from an outbox after commit, keyed by the
// refund id so that its own idempotency matches ours.
import type { DbTx } from "../../lib/db.js";

export interface ProviderCapture {
  chargeId: string;
  payerId: string;
  amountMinor: number;
  currency: string;
}

export interface ProviderRefund {
  chargeId: string;
  chargeProviderRef: string | null;
  refundId: string;
  amountMinor: number;
  currency: string;
}

export interface PaymentProvider {
  readonly name: string;
  /** Runs inside the ledger transaction; returns the provider's reference for the capture. */
  capture(tx: DbTx, c: ProviderCapture): Promise<{ providerRef: string }>;
  /** Runs inside the ledger transaction after the refund row is written under the charge lock. */
  refund(tx: DbTx, r: ProviderRefund): Promise<{ providerRef: string }>;
}

/** The internal ledger: the rows are the money movement; references point at them. */
export const internalLedger: PaymentProvider = {
  name: "internal",
  capture: async (_tx, c) => ({ providerRef: `ledger:charge:${c.chargeId}` }),
  refund: async (_tx, r) => ({ providerRef: `ledger:refund:${r.refundId}` }),
};

/** The provider in use. An external gateway replaces `internalLedger` here (behind an outbox). */
export const paymentProvider = (): PaymentProvider => internalLedger;
