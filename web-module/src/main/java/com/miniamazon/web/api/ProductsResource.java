package com.miniamazon.web.api;

import com.miniamazon.catalog.CatalogService;
import com.miniamazon.catalog.ProductDetail;
import com.miniamazon.catalog.ProductSummary;
import com.miniamazon.catalog.SearchCriteria;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The catalog, for everyone: search as the header box does, and one product's details. */
@Path("products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class ProductsResource {

    @EJB
    private CatalogService catalog;

    @GET
    @Operation(summary = "Search the catalog", description = "Case-insensitive, partial and typo tolerant "
            + "(\"labtop\" finds laptops), ranked by relevance unless another order is asked for.")
    public SearchPage search(
            @QueryParam("q") @DefaultValue("") @Size(max = 100, message = "must be at most 100 characters") String words,
            @QueryParam("category") String category,
            @QueryParam("minPrice") @DecimalMin(value = "0", message = "must not be negative") BigDecimal minPrice,
            @QueryParam("maxPrice") @DecimalMin(value = "0", message = "must not be negative") BigDecimal maxPrice,
            @QueryParam("sort") @DefaultValue("RELEVANCE") SearchCriteria.SortOrder sort,
            @QueryParam("first") @DefaultValue("0") @Min(value = 0, message = "must be at least 0") int first,
            @QueryParam("max") @DefaultValue("24") @Min(value = 1, message = "must be at least 1")
                    @Max(value = 100, message = "must be at most 100") int max) {
        SearchCriteria criteria = new SearchCriteria(words, category, minPrice, maxPrice, sort);
        return new SearchPage(catalog.countSearch(criteria), first, catalog.search(criteria, first, max));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One product on sale")
    @APIResponse(responseCode = "404", description = "No such product on sale")
    public ProductDetail product(@PathParam("id") long id) {
        return catalog.product(id);
    }

    /** One page of search results and how many there are in all. */
    public record SearchPage(long total, int first, List<ProductSummary> products) {}
}
