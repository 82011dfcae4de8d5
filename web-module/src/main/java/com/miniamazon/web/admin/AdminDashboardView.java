package com.miniamazon.web.admin;

import com.miniamazon.administration.AdminService;
import com.miniamazon.administration.StoreFigures;
import com.miniamazon.administration.WarehouseRow;
import com.miniamazon.gateway.GatewayMonitor;
import com.miniamazon.gateway.PeerStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * Backs the admin dashboard: the connections to the world and UPS, the outbox backlog, problems the peers
 * reported, orders that need a look (failed, flagged, or quiet for longer than {@link #QUIET_FOR}), head counts
 * and warehouses. Refreshes itself every five seconds.
 */
@Named
@ViewScoped
public class AdminDashboardView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An order without progress for this long is worth a look (the simulated world moves in seconds). */
    public static final Duration QUIET_FOR = Duration.ofMinutes(2);

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Inject
    private AdminService admin;

    @Inject
    private GatewayMonitor monitor;

    private StoreFigures figures;
    private List<WarehouseRow> warehouses;
    private List<PeerStatus> connections;
    private List<GatewayMonitor.PendingCommand> pending;
    private List<GatewayMonitor.PeerProblem> problems;
    private List<GatewayMonitor.OrderNeedingAttention> attention;

    public void load() {
        figures = admin.figures();
        warehouses = admin.warehouses();
        refresh();
    }

    /** Reads the live parts again (the page's poll calls this). */
    public void refresh() {
        connections = monitor.connections();
        pending = monitor.pendingCommands(20);
        problems = monitor.recentProblems(10);
        attention = monitor.ordersNeedingAttention(QUIET_FOR, 20);
    }

    /** Commands waiting for an acknowledgement, over both connections. */
    public long getBacklog() {
        return connections.stream().mapToLong(PeerStatus::backlog).sum();
    }

    /** "25 Nov 22:50:01" (UTC), or a dash. */
    public String when(TemporalAccessor at) {
        return at == null ? "\u2014" : WHEN.format(at);
    }

    public StoreFigures getFigures() {
        return figures;
    }

    public List<WarehouseRow> getWarehouses() {
        return warehouses;
    }

    public List<PeerStatus> getConnections() {
        return connections;
    }

    public List<GatewayMonitor.PendingCommand> getPending() {
        return pending;
    }

    public List<GatewayMonitor.PeerProblem> getProblems() {
        return problems;
    }

    public List<GatewayMonitor.OrderNeedingAttention> getAttention() {
        return attention;
    }
}
