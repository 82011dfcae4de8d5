package com.miniamazon.fulfilment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Puts a question about a UPS account to UPS in a transaction of its own, so it is sent while the asker waits. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class UpsAccountQuestion {

    @Inject
    private CarrierCommands carrier;

    public void ask(String upsAccount) {
        carrier.checkAccount(upsAccount);
    }
}
