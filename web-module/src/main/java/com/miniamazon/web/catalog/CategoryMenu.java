package com.miniamazon.web.catalog;

import com.miniamazon.catalog.CatalogService;
import com.miniamazon.catalog.CategoryView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The categories for menus and filters. They change only with a migration, so they are read once per
 * deployment instead of on every page.
 */
@Named
@ApplicationScoped
public class CategoryMenu {

    @Inject
    private CatalogService catalog;

    private volatile List<CategoryView> categories;

    public List<CategoryView> getCategories() {
        List<CategoryView> loaded = categories;
        if (loaded == null) {
            loaded = catalog.categories();
            categories = loaded;
        }
        return loaded;
    }
}
