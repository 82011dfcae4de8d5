package com.miniamazon.web.support;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes the audit line for every page refused with 403, whoever refused it: the container (a page outside the
 * caller's roles, web.xml) or the shop (another seller's listing, a service's role check). Both end in the 403
 * error page, so that is where this listens.
 */
@WebFilter(urlPatterns = "/errors/403.xhtml", dispatcherTypes = DispatcherType.ERROR)
public class AccessDeniedLog extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object refused = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        SecurityEvents.accessDenied(request, request.getRemoteUser(), refused == null ? null : refused.toString());
        chain.doFilter(request, response);
    }
}
