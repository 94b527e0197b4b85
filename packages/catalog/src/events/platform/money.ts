import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { currency, entityId, positiveInteger, tenantId } from '../../fields';

// Only the Money Service may publish money.* events, and consumers must deduplicate them
// permanently (a replay may redeliver events older than any TTL cache).

const walletMovement = (direction: string) =>
  z.object({
    tenantId: tenantId(),
    txId: entityId('Wallet transaction; the idempotency key of the movement'),
    userId: entityId(`User whose wallet was ${direction}`),
    amountCents: positiveInteger(`Amount ${direction}, in minor units of the currency (e.g. cents)`),
    currency: currency(),
  });

export const moneyWalletCredited = defineEvent({
  type: 'money.wallet.credited',
  displayName: 'Wallet Credited',
  description: "Funds were added to a user's wallet. Published only by the Money Service.",
  category: 'Billing',
  domain: 'platform',
  payload: walletMovement('credited'),
  example: {
    tenantId: '01j9p3kz5f00000000000000',
    txId: '01j9patx500000000000000',
    userId: '01j9pa5mz700000000000000',
    amountCents: 10000,
    currency: 'USD',
  },
});

export const moneyWalletDebited = defineEvent({
  type: 'money.wallet.debited',
  displayName: 'Wallet Debited',
  description: "Funds were deducted from a user's wallet. Published only by the Money Service.",
  category: 'Billing',
  domain: 'platform',
  payload: walletMovement('debited'),
  example: {
    tenantId: '01j9p3kz5f00000000000000',
    txId: '01j9patx600000000000000',
    userId: '01j9pa5mz700000000000000',
    amountCents: 2500,
    currency: 'USD',
  },
});
