/**
 * The shared copies of catalog pages for anonymous visitors: which requests may get one ({@link
 * com.miniamazon.web.pagecache.SharedPages}), the copies themselves ({@link com.miniamazon.web.pagecache.PageCache},
 * kept while the catalog's version stamp stays put) and the filter in front of Faces that serves and makes them.
 */
package com.miniamazon.web.pagecache;
