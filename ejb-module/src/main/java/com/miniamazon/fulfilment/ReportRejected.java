package com.miniamazon.fulfilment;

import jakarta.ejb.ApplicationException;

/**
 * A report from the world or UPS that cannot be applied as it stands (an unknown shipid, a truck at the wrong
 * warehouse). Nothing was changed; the report is recorded as rejected and acknowledged, so the peer stops
 * repeating it, and the reason is logged and shown to administrators.
 */
@ApplicationException(rollback = false)
public class ReportRejected extends Exception {
    private static final long serialVersionUID = 1L;

    public ReportRejected(String reason) {
        super(reason);
    }
}
