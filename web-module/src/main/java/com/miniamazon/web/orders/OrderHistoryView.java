package com.miniamazon.web.orders;

import com.miniamazon.ordering.OrderHistoryService;
import com.miniamazon.ordering.OrderHistoryRow;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Backs "Your orders": the customer's orders, newest first, searchable by number or product, paged lazily. */
@Named
@ViewScoped
public class OrderHistoryView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private OrderHistoryService history;

    private String q;
    private LazyDataModel<OrderHistoryRow> orders;
    private long count;

    public void load() {
        count = history.countMyOrders(q);
        orders = new Pages();
    }

    public void search() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/orders/history.xhtml"
                + (q == null || q.isBlank() ? "" : "?q=" + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8)));
    }

    private final class Pages extends LazyDataModel<OrderHistoryRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(count);
        }

        @Override
        public List<OrderHistoryRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            return history.myOrders(q, first, Math.min(pageSize, 100));
        }

        @Override
        public String getRowKey(OrderHistoryRow order) {
            return Long.toString(order.id());
        }

        @Override
        public OrderHistoryRow getRowData(String rowKey) {
            return null;
        }
    }

    public LazyDataModel<OrderHistoryRow> getOrders() {
        return orders;
    }

    public long getCount() {
        return count;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }
}
