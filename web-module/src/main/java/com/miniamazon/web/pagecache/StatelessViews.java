package com.miniamazon.web.pagecache;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * Marks the view stateless as soon as it is restored, when {@link PageCacheFilter} said so. The template's
 * {@code <f:view transient>} does the same, but only once the page is built for rendering; PrimeFaces decides
 * before that whether to remember the page's script nonce in the view, and remembering it would open a session
 * for every visitor (and so keep the page out of the cache).
 */
public class StatelessViews implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        UIViewRoot view = context.getViewRoot();
        if (view != null && Boolean.TRUE.equals(
                context.getExternalContext().getRequestMap().get(SharedPages.STATELESS_VIEW))) {
            view.setTransient(true);
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // Nothing before the view exists.
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }
}
