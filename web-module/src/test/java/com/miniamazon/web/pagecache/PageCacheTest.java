package com.miniamazon.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageCacheTest {

    private final PageCache cache = new PageCache();

    PageCacheTest() {
        cache.seconds = 60;
        cache.maxMegabytes = 1;
    }

    @Test
    void aCopyIsServedOnlyAtTheCatalogVersionItWasRenderedAt() throws InterruptedException {
        PageCache.Render render = (PageCache.Render) cache.lookUp("/product.xhtml?id=1", 7);
        cache.keep("/product.xhtml?id=1", 7, page(100));
        cache.rendered(render);

        assertThat(cache.lookUp("/product.xhtml?id=1", 7)).isInstanceOf(PageCache.Send.class);
        assertThat(cache.lookUp("/product.xhtml?id=2", 7)).as("another page").isInstanceOf(PageCache.Render.class);
        assertThat(cache.lookUp("/product.xhtml?id=1", 8)).as("after a change").isInstanceOf(PageCache.Render.class);
    }

    @Test
    void onlyOneRequestRendersAPageWhoseCopyExpired() throws InterruptedException {
        cache.seconds = 0;
        cache.keep("/", 1, page(100));

        PageCache.Lookup first = cache.lookUp("/", 1);
        PageCache.Lookup meanwhile = cache.lookUp("/", 1);

        assertThat(first).isInstanceOf(PageCache.Render.class);
        assertThat(meanwhile).as("the expired copy, while the first renders").isInstanceOf(PageCache.Send.class);
        cache.rendered((PageCache.Render) first);
        assertThat(cache.lookUp("/", 1)).isInstanceOf(PageCache.Render.class);
    }

    @Test
    void leastRecentlyUsedCopiesGoWhenMemoryRunsOut() throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            cache.keep("/product.xhtml?id=" + i, 1, page(60 * 1024));
        }
        int kept = 0;
        for (int i = 0; i < 40; i++) {
            if (cache.lookUp("/product.xhtml?id=" + i, 1) instanceof PageCache.Send) {
                kept++;
            }
        }
        assertThat(kept).isBetween(1, 1024 / 60);
        assertThat(cache.lookUp("/product.xhtml?id=39", 1)).as("the newest").isInstanceOf(PageCache.Send.class);
    }

    @Test
    void aPageLargerThanASixteenthOfTheMemoryIsNotKept() throws InterruptedException {
        cache.keep("/search.xhtml", 1, page(70 * 1024));
        assertThat(cache.lookUp("/search.xhtml", 1)).isInstanceOf(PageCache.Render.class);
    }

    private static PageCopy page(int size) {
        return PageCopy.of("text/html", List.of(), "x".repeat(size));
    }
}
