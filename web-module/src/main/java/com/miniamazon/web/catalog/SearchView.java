package com.miniamazon.web.catalog;

import com.miniamazon.catalog.CatalogService;
import com.miniamazon.catalog.ProductSummary;
import com.miniamazon.catalog.SearchCriteria;
import com.miniamazon.catalog.SearchSql;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Backs the search and browse page: words, category, price range and order come from the URL (bookmarkable);
 * results page lazily; an empty result shows the best rated products instead of a dead end. Request-scoped, as
 * the page is a stateless view for visitors: paging posts the search again in fields named like the URL's
 * parameters.
 */
@Named
@RequestScoped
public class SearchView {

    @Inject
    private CatalogService catalog;

    private String q;
    private String category;
    private String minParameter;
    private String maxParameter;
    private BigDecimal min;
    private BigDecimal max;
    private String sort;

    private SearchCriteria criteria;
    private LazyDataModel<ProductSummary> results;
    private long matchCount;
    private List<ProductSummary> recommendations;

    /** The search's parameters as the request has them: in the URL, or in the fields a paging post carries. */
    @PostConstruct
    void readParameters() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        q = blankAsNull(parameters.get("q"));
        category = blankAsNull(parameters.get("category"));
        minParameter = blankAsNull(parameters.get("min"));
        maxParameter = blankAsNull(parameters.get("max"));
        sort = blankAsNull(parameters.get("sort"));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Runs the search the parameters describe, once per request (view action, or the first look at the results). */
    private void loaded() {
        if (criteria == null) {
            load();
        }
    }

    /** Runs the search the URL describes (view action). */
    public void load() {
        min = price(minParameter);
        max = price(maxParameter);
        SearchCriteria.SortOrder order;
        try {
            order = sort == null ? SearchCriteria.SortOrder.RELEVANCE : SearchCriteria.SortOrder.valueOf(sort);
        } catch (IllegalArgumentException unknown) {
            order = SearchCriteria.SortOrder.RELEVANCE;
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            BigDecimal swap = min;
            min = max;
            max = swap;
        }
        criteria = new SearchCriteria(q, category, min, max, order);
        matchCount = catalog.countSearch(criteria);
        results = new ResultPages();
        recommendations = matchCount == 0 ? catalog.topRated(8) : List.of();
    }

    /** Applies the filter form by loading the bookmarkable URL for it. */
    public void applyFilters() throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "q", q);
        put(parameters, "category", category);
        put(parameters, "min", min == null ? null : min.toPlainString());
        put(parameters, "max", max == null ? null : max.toPlainString());
        put(parameters, "sort", sort);
        StringBuilder url = new StringBuilder("/search.xhtml");
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + url);
    }

    /** A price from the URL; anything that is not a non-negative amount is ignored rather than refused. */
    private static BigDecimal price(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(parameter.strip());
            return amount.signum() < 0 ? null : amount;
        } catch (NumberFormatException notAnAmount) {
            return null;
        }
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, value);
        }
    }

    public String getHeading() {
        loaded();
        if (criteria.hasWords()) {
            return "Results for \u201c" + q.strip() + "\u201d";
        }
        return "All products";
    }

    public SearchCriteria.SortOrder[] getSortOrders() {
        return SearchCriteria.SortOrder.values();
    }

    public String sortLabel(SearchCriteria.SortOrder order) {
        return switch (order) {
            case RELEVANCE -> "Best match";
            case PRICE_ASCENDING -> "Price: low to high";
            case PRICE_DESCENDING -> "Price: high to low";
            case RATING -> "Customer rating";
        };
    }

    private final class ResultPages extends LazyDataModel<ProductSummary> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(Math.min(matchCount, Integer.MAX_VALUE));
        }

        @Override
        public List<ProductSummary> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return catalog.search(criteria, first, Math.min(pageSize, CatalogService.MAX_PAGE));
        }

        @Override
        public String getRowKey(ProductSummary product) {
            return Long.toString(product.id());
        }

        @Override
        public ProductSummary getRowData(String rowKey) {
            return null;
        }
    }

    public LazyDataModel<ProductSummary> getResults() {
        loaded();
        return results;
    }

    /** "36 products found", "1 product found", or "100+ products found" once counting stopped. */
    public String getMatchCountText() {
        loaded();
        if (criteria.hasWords() && matchCount > SearchSql.COUNT_CAP) {
            return SearchSql.COUNT_CAP + "+ products found";
        }
        return matchCount + (matchCount == 1 ? " product found" : " products found");
    }

    public long getMatchCount() {
        loaded();
        return matchCount;
    }

    public List<ProductSummary> getRecommendations() {
        loaded();
        return recommendations;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getMinParameter() {
        return minParameter;
    }

    public void setMinParameter(String minParameter) {
        this.minParameter = minParameter;
    }

    public String getMaxParameter() {
        return maxParameter;
    }

    public void setMaxParameter(String maxParameter) {
        this.maxParameter = maxParameter;
    }

    public BigDecimal getMin() {
        return min;
    }

    public void setMin(BigDecimal min) {
        this.min = min;
    }

    public BigDecimal getMax() {
        return max;
    }

    public void setMax(BigDecimal max) {
        this.max = max;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }
}
