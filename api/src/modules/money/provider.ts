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

let current: PaymentProvider = internalLedger;

export const paymentProvider = (): PaymentProvider => current;

/** For tests and a future gateway: swap the provider for the process. */
export function setPaymentProvider(p: PaymentProvider): () => void {
  const previous = current;
  current = p;
  return () => {
    current = previous;
  };
}
