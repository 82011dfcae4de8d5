package com.miniamazon.web.catalog;

import com.miniamazon.catalog.CatalogService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The search box in every page's header: suggestions while typing, and the search results page on submit. */
@Named
@RequestScoped
public class SearchBox {

    @Inject
    private CatalogService catalog;

    private String query;

    /** Product names for the autocomplete list. */
    public List<String> suggest(String typed) {
        return catalog.suggest(typed, 8);
    }

    /** Opens the results page for the query, as a bookmarkable URL. */
    public void search() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String words = query == null ? "" : query.strip();
        external.redirect(external.getRequestContextPath() + "/search.xhtml"
                + (words.isEmpty() ? "" : "?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8)));
    }

    public String getQuery() {
        if (query == null) {
            // Shows the words of the current search on the results page.
            query = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("q");
        }
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
