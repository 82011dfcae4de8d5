package com.miniamazon.web.api;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * One JSON-B instance for every API request and response. Without a resolver, the REST runtime built a new
 * one for each body it read or wrote, and with it the whole model of the classes it binds: profiling WildFly
 * under {@code bench/fulfilment} found 14 % of its CPU there, more than the checkout's own database work. A
 * {@link Jsonb} is thread-safe and caches those models, so sharing it is what its authors intend.
 */
@Provider
@ApplicationScoped
public class SharedJsonBinding implements ContextResolver<Jsonb> {

    private static final Logger LOG = Logger.getLogger(SharedJsonBinding.class);

    private final Jsonb jsonb = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    /** Lifecycle callbacks may not throw checked exceptions (CDI warns at every deploy), so a failure is logged. */
    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.warn("Closing the shared JSON-B instance failed", e);
        }
    }
}
